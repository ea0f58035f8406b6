import rule from '../../../server/src/engine/rules/label-invalid-email';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { authors: 'email' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL authors=payments@example.com\n', settings },
    { code: 'FROM debian:12-slim\nLABEL authors="first.last+tag@sub.example.co.uk"\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL authors="payments team"\n', settings, errors: [{ at: '2:16-2:29', messageId: 'invalidLabel', message: /email/ }] },
    { name: 'double dots and a missing domain', code: 'FROM debian:12-slim\nLABEL authors=a..b@example.com\nLABEL authors=team@\n', settings, errors: [{ at: '2:15-2:31', messageId: 'invalidLabel' }, { at: '3:15-3:20', messageId: 'invalidLabel' }] },
  ],
});
