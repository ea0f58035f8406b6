import rule from '../../../server/src/engine/rules/label-not-in-schema';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { 'org.opencontainers.image.title': 'text' }, strictLabels: true };

testRule(rule, {
  valid: [
    { name: 'inactive without strict-labels', code: 'FROM debian:12-slim\nLABEL team=x\n', settings: { labelSchema: { a: 'text' } } },
    { code: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title=api\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title=api team=payments\n', settings, errors: [{ at: '2:42-2:46', messageId: 'notInSchema', data: { key: 'team' }, message: /`team`/ }] },
  ],
});
