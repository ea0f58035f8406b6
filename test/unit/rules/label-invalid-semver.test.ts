import rule from '../../../server/src/engine/rules/label-invalid-semver';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { version: 'semver' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL version=1.4.2\n', settings },
    { code: 'FROM debian:12-slim\nLABEL version=2.0.0-rc.1+build.5\n', settings },
    { name: 'an ENV value', code: 'FROM debian:12-slim\nENV V=1.0.0\nLABEL version=${V}\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL version=v1.4\n', settings, errors: [{ at: '2:15-2:19', messageId: 'invalidLabel', message: /semantic version/ }] },
    { name: 'leading zero', code: 'FROM debian:12-slim\nLABEL version=01.2.3\n', settings, errors: [{ at: '2:15-2:21', messageId: 'invalidLabel' }] },
  ],
});
