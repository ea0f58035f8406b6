import rule from '../../../server/src/engine/rules/apk-add-missing-no-cache';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.21\nRUN apk --no-cache add curl\n',
    { name: 'cache mount', code: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    'FROM alpine:3.21\nRUN apk del curl\n',
    { name: '--no-network downloads nothing', code: 'FROM alpine:3.21\nRUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1\n' },
  ],
  invalid: [
    {
      name: 'an option value before the subcommand (`--timeout 10`) and apk run by xargs',
      code: 'FROM alpine:3.21\nRUN apk --timeout 10 add curl\nRUN echo git | xargs -r apk add\n',
      errors: [{ at: '2:5-2:8' }, { at: '3:25-3:28' }],
      output: 'FROM alpine:3.21\nRUN apk --timeout 10 add --no-cache curl\nRUN echo git | xargs -r apk add --no-cache\n',
    },
    { code: 'FROM alpine:3.21\nRUN apk update && apk add curl\n', errors: [{ at: '2:19-2:22', message: /--no-cache/ }], output: 'FROM alpine:3.21\nRUN apk update && apk add --no-cache curl\n' },
    { name: 'virtual package and ONBUILD', code: 'FROM alpine:3.21\nRUN apk add -t .build-deps gcc\nONBUILD RUN apk add git\n', errors: [{ at: '2:5-2:8' }, { at: '3:13-3:16' }], output: 'FROM alpine:3.21\nRUN apk add --no-cache -t .build-deps gcc\nONBUILD RUN apk add --no-cache git\n' },
  ],
});
