import rule from '../../../server/src/engine/rules/apk-add-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'build dependencies deleted through their virtual package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make -C /src && apk del --no-network .build-deps\n' },
    { name: 'a package deleted by name in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --no-cache git && git clone https://example.com/r.git /r && apk del git\n' },
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0 git~2.45 "python3>3.11" ./x.apk\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n',
    'FROM alpine:3.20\nRUN apk add -t .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing musl-dev=1.2.5-r0\n',
    'FROM alpine:3.20\nRUN apk del curl\n',
    { name: 'a glob names packages, not a version', code: 'FROM alpine:3.20\nRUN apk add --no-cache /tmp/pkgs/*.apk "py3-*"\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', errors: [{ at: '2:24-2:28', messageId: 'unpinned', message: /`curl`/ }] },
    {
      name: 'several, in a heredoc and ONBUILD',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache bash tini=0.19.0-r3 git\nEOF\nONBUILD RUN apk add make\n',
      errors: [{ at: '3:20-3:43', messageId: 'unpinned', message: /^Pin the version of `bash`, `git` \(/ }, { at: '5:21-5:25', messageId: 'unpinned' }],
    },
  ],
});
