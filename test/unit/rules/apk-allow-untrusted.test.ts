import rule from '../../../server/src/engine/rules/apk-allow-untrusted';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    { name: 'echo, a comment, a value of --repository', code: 'FROM alpine:3.21\n# apk add --allow-untrusted x\nRUN echo apk add --allow-untrusted && apk add -X --allow-untrusted x\n' },
    { name: 'packages built by another stage, mounted or copied', code: 'FROM alpine:3.21 AS builder\nRUN abuild -r\nFROM alpine:3.21\nRUN --mount=type=bind,target=/tmp/packages/,source=/out/,from=builder apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-${M}*.apk\nCOPY --from=builder /out/ /pkgs/\nRUN apk add --allow-untrusted /pkgs/x.apk\n' },
  ],
  invalid: [
    {
      name: 'mounted from an image, not a stage; one package from elsewhere',
      code: 'FROM alpine:3.21 AS builder\nFROM alpine:3.21\nRUN --mount=type=bind,target=/p,from=example/pkgs:1 apk add --allow-untrusted /p/x.apk\nCOPY --from=builder /out/ /pkgs/\nRUN apk add --allow-untrusted /pkgs/x.apk /tmp/glibc.apk\n',
      errors: [{ at: '3:61-3:78', messageId: 'untrusted', fixes: ['removeFlag'] }, { at: '5:13-5:30', messageId: 'untrusted', fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21 AS builder\nFROM alpine:3.21\nRUN --mount=type=bind,target=/p,from=example/pkgs:1 apk add /p/x.apk\nCOPY --from=builder /out/ /pkgs/\nRUN apk add /pkgs/x.apk /tmp/glibc.apk\n',
    },
    {
      code: 'FROM alpine:3.21\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n',
      errors: [{ at: '2:24-2:41', messageId: 'untrusted', data: { flag: '--allow-untrusted' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN apk add --no-cache /tmp/tool.apk\n',
    },
    {
      name: 'first, abbreviated, through sudo in sh -c',
      code: 'FROM alpine:3.21\nRUN apk --allow-untrusted add x\nRUN sh -c "sudo apk add --allow-untr y"\n',
      errors: [{ at: '2:9-2:26', messageId: 'untrusted', fixes: ['removeFlag'] }, { at: '3:25-3:37', messageId: 'untrusted', data: { flag: '--allow-untr' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN apk add x\nRUN sh -c "sudo apk add y"\n',
    },
  ],
});
