import rule from '../../../server/src/engine/rules/label-invalid-hash';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { revision: 'hash' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL revision=3f2a9c1\n', settings },
    { code: 'FROM debian:12-slim\nLABEL revision=3f2a9c1d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL revision=main\n', settings, errors: [{ at: '2:16-2:20', messageId: 'invalidLabel', message: /git commit hash/ }] },
    { name: 'uppercase and wrong length', code: 'FROM debian:12-slim\nLABEL revision=3F2A9C1\nLABEL revision=3f2a9c1d\n', settings, errors: [{ at: '2:16-2:23', messageId: 'invalidLabel' }, { at: '3:16-3:24', messageId: 'invalidLabel' }] },
  ],
});
