import rule from '../../../server/src/engine/rules/multiple-entrypoint';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM alpine:3.21\nENTRYPOINT ["/app"]\nCMD ["--help"]\n'],
  invalid: [
    { code: 'FROM alpine:3.21\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]', errors: [{ at: '2:1-2:11', messageId: 'overridden', fixes: ['removeIgnored'] }], output: 'FROM alpine:3.21\nENTRYPOINT ["/b"]' },
  ],
});
