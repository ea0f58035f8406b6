import rule from '../../../server/src/engine/rules/label-invalid-rfc3339';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { created: 'rfc3339' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL created=2024-05-01T12:30:00Z\n', settings },
    { code: 'FROM debian:12-slim\nLABEL created="2024-02-29T23:59:59.123+02:00"\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL created=2024-05-01\n', settings, errors: [{ at: '2:15-2:25', messageId: 'invalidLabel', message: /RFC 3339/ }] },
    { name: 'a day that does not exist', code: 'FROM debian:12-slim\nLABEL created=2023-02-29T10:00:00Z\n', settings, errors: [{ at: '2:15-2:35', messageId: 'invalidLabel' }] },
  ],
});
