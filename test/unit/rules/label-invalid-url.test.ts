import rule from '../../../server/src/engine/rules/label-invalid-url';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { src: 'url', docs: 'url' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL src="https://github.com/acme/api" docs=mailto:team@example.com\n', settings },
    { name: 'a variable resolved from ARG', code: 'FROM debian:12-slim\nARG REPO=https://github.com/acme/api\nLABEL src=$REPO\n', settings },
    { name: 'an unknown variable is not judged', code: 'FROM debian:12-slim\nARG REPO\nLABEL src=$REPO\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL src="github.com/acme/api" docs="https://exa mple.com"\n', settings, errors: [{ at: '2:12-2:31', messageId: 'invalidLabel', message: /absolute URL/ }, { at: '2:39-2:59', messageId: 'invalidLabel' }] },
  ],
});
