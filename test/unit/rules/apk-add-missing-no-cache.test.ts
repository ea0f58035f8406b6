import rule from '../../../server/src/engine/rules/apk-add-missing-no-cache';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a builder stage: its index never ships', code: 'FROM alpine:3.21 AS build\nRUN apk add build-base && make\nFROM alpine:3.21\nCOPY --from=build /out /out\n' },
    { name: 'apk add -s only simulates', code: 'FROM alpine:3.21\nRUN apk add -s curl\n' },
    'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.21\nRUN apk --no-cache add curl\n',
    { name: 'cache mount', code: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    'FROM alpine:3.21\nRUN apk del curl\n',
    { name: 'the cache directory deleted in the same RUN', code: 'FROM alpine:3.21\nRUN apk add -U ferm && rm -rf /var/cache/apk/*\n' },
    { name: '--no-network downloads nothing', code: 'FROM alpine:3.21\nRUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1\n' },
  ],
  invalid: [
    {
      name: 'an option value before the subcommand (`--timeout 10`) and apk run by xargs',
      code: 'FROM alpine:3.21\nRUN apk --timeout 10 add curl\nRUN echo git | xargs -r apk add\n',
      errors: [{ at: '2:5-2:8', messageId: 'missingNoCache', fixes: ['addNoCache'] }, { at: '3:25-3:28', messageId: 'missingNoCache', fixes: ['addNoCache'] }],
      output: 'FROM alpine:3.21\nRUN apk --timeout 10 add --no-cache curl\nRUN echo git | xargs -r apk add --no-cache\n',
    },
    {
      name: 'the apk update before it goes with the fix (it used to stay and leave the index behind)',
      code: 'FROM alpine:3.21\nRUN apk update && apk add curl\n',
      errors: [{ at: '2:19-2:22', messageId: 'missingNoCache', data: {}, fixes: ['addNoCacheRemoveUpdate'] }],
      output: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update removed with its leading && continuation, the rest kept byte for byte',
      code: 'FROM alpine:3.21\nRUN apk update \\\n    && apk add curl \\\n    # tools\n    && apk add --virtual .b gcc \\\n    && apk del .b\n',
      errors: [{ at: '3:8-3:11', messageId: 'missingNoCache', fixes: ['addNoCacheRemoveUpdate'] }, { at: '5:8-5:11', messageId: 'missingNoCache', fixes: ['addNoCacheRemoveUpdate'] }],
      output: 'FROM alpine:3.21\nRUN apk add --no-cache curl \\\n    # tools\n    && apk add --no-cache --virtual .b gcc \\\n    && apk del .b\n',
    },
    {
      name: 'apk update; in a set -eux script, and in a heredoc',
      code: 'FROM alpine:3.21\nRUN set -eux; \\\n    apk update; \\\n    apk add curl\nRUN <<EOF\nset -e\napk update\napk add git\nEOF\n',
      errors: [{ at: '4:5-4:8', messageId: 'missingNoCache', fixes: ['addNoCacheRemoveUpdate'] }, { at: '8:1-8:4', messageId: 'missingNoCache', fixes: ['addNoCacheRemoveUpdate'] }],
      output: 'FROM alpine:3.21\nRUN set -eux; \\\n    apk add --no-cache curl\nRUN <<EOF\nset -e\napk add --no-cache git\nEOF\n',
    },
    {
      name: 'apk upgrade reads the index apk update downloads: no safe fix',
      code: 'FROM alpine:3.21\nRUN apk update && apk upgrade && apk add curl\n',
      errors: [{ at: '2:34-2:37', messageId: 'missingNoCache' }],
      output: null,
    },
    {
      name: 'a `busybox sh <<EOF` heredoc body is linted like `busybox sh -c`',
      code: 'FROM alpine:3.21\nRUN busybox sh -c \'apk add curl\'\nRUN busybox sh <<EOF\napk add git\nEOF\n',
      errors: [{ at: '2:20-2:23', messageId: 'missingNoCache', fixes: ['addNoCache'] }, { at: '4:1-4:4', messageId: 'missingNoCache', fixes: ['addNoCache'] }],
      output: 'FROM alpine:3.21\nRUN busybox sh -c \'apk add --no-cache curl\'\nRUN busybox sh <<EOF\napk add --no-cache git\nEOF\n',
    },
    {
      name: 'a later RUN reads the index apk update downloads: no safe fix',
      code: 'FROM alpine:3.21\nRUN apk update && apk add curl\nRUN apk upgrade\n',
      errors: [{ at: '2:19-2:22', messageId: 'missingNoCache' }],
      output: null,
    },
    {
      name: 'a later apk add gets --no-cache first, then the apk update can go',
      code: 'FROM alpine:3.21\nRUN apk update && apk add curl\nRUN apk add git\n',
      errors: [{ at: '2:19-2:22', messageId: 'missingNoCache' }, { at: '3:5-3:8', messageId: 'missingNoCache', fixes: ['addNoCache'] }],
      output: 'FROM alpine:3.21\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n',
    },
    {
      name: 'apk update inside an if: no safe fix',
      code: 'FROM alpine:3.21\nRUN if true; then apk update; fi && apk add curl\n',
      errors: [{ at: '2:37-2:40', messageId: 'missingNoCache' }],
      output: null,
    },
    { name: 'virtual package and ONBUILD', code: 'FROM alpine:3.21\nRUN apk add -t .build-deps gcc\nONBUILD RUN apk add git\n', errors: [{ at: '2:5-2:8', messageId: 'missingNoCache', fixes: ['addNoCache'] }, { at: '3:13-3:16', messageId: 'missingNoCache', fixes: ['addNoCache'] }], output: 'FROM alpine:3.21\nRUN apk add --no-cache -t .build-deps gcc\nONBUILD RUN apk add --no-cache git\n' },
  ],
});
