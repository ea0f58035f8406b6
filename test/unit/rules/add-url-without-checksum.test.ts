import rule from '../../../server/src/engine/rules/add-url-without-checksum';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM alpine:3.21\nADD --checksum=sha256:abc https://example.com/a.tgz /tmp/\n', 'FROM alpine:3.21\nADD app.tgz /\n'],
  invalid: [{ code: 'FROM alpine:3.21\nADD https://example.com/a.tgz /tmp/\n', errors: [{ at: '2:5-2:30', messageId: 'noChecksum', message: /checksum/ }] }],
});
