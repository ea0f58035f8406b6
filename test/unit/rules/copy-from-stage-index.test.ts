import rule from '../../../server/src/engine/rules/copy-from-stage-index';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\n',
    { name: 'an image reference', code: 'FROM scratch\nCOPY --from=nginx:1.27 /etc/nginx /n\n' },
    { name: 'a number with no such stage is copy-from-unknown-stage\'s', code: 'FROM scratch\nCOPY --from=1 /a /a\n' },
    { name: 'a variable', code: 'ARG N=0\nFROM golang:1.23\nFROM scratch\nARG N\nCOPY --from=${N} /a /a\n' },
    { name: 'a mount from a named stage', code: 'FROM golang:1.23 AS build\nFROM alpine:3.21\nRUN --mount=from=build,target=/b cp /b/app /app\n' },
    { name: 'a number in a RUN command', code: 'FROM golang:1.23\nFROM alpine:3.21\nRUN echo --from=0\n' },
  ],
  invalid: [
    {
      name: 'an unnamed stage gets the name of its image',
      code: 'FROM golang:1.23\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=0 /out/app /app\n',
      errors: [{ at: '4:13-4:14', messageId: 'stageIndex', data: { flag: '--from', number: '0' }, message: /name the stage/, fixes: ['nameStage'] }],
      output: 'FROM golang:1.23 AS golang\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=golang /out/app /app\n',
    },
    {
      name: 'a named stage: the number becomes its name',
      code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=0 /a /a\n',
      errors: [{ at: '3:13-3:14', messageId: 'stageIndex', data: { flag: '--from', number: '0' }, fixes: ['useStageName'] }],
      output: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\n',
    },
    {
      name: 'every reference to the stage is rewritten, mounts included, and a used name is avoided',
      code: 'FROM --platform=$BUILDPLATFORM node:22 # build\nRUN npm ci\nFROM node:22-slim AS node\nCOPY --from=0 /app/dist /srv\nRUN --mount=type=bind,from=0,source=/app,target=/src ls /src\n',
      errors: [
        { at: '4:13-4:14', messageId: 'stageIndex', data: { flag: '--from', number: '0' }, fixes: [] },
        { at: '5:28-5:29', messageId: 'stageIndex', data: { flag: 'from', number: '0' }, fixes: [] },
      ],
      output: null,
    },
    {
      name: 'the name avoids names in use and keeps the FROM casing',
      code: 'from node:22\nrun npm ci\nfrom node\ncopy --from=0 /app /app\nRUN --mount=type=bind,from=0,target=/src ls /src\n',
      errors: [
        { at: '4:13-4:14', messageId: 'stageIndex', data: { flag: '--from', number: '0' }, fixes: ['nameStage'] },
        { at: '5:28-5:29', messageId: 'stageIndex', data: { flag: 'from', number: '0' }, fixes: ['nameStage'] },
      ],
      output: 'from node:22 as node-stage\nrun npm ci\nfrom node\ncopy --from=node-stage /app /app\nRUN --mount=type=bind,from=node-stage,target=/src ls /src\n',
    },
    {
      name: 'a global ARG default names the image; scratch is named builder',
      code: 'ARG BASE=debian:12\nFROM ${BASE}\nFROM scratch\nCOPY --from=0 /a /a\nFROM scratch\nCOPY --from=1 /b /b\n',
      errors: [
        { at: '4:13-4:14', messageId: 'stageIndex', fixes: ['nameStage'] },
        { at: '6:13-6:14', messageId: 'stageIndex', fixes: ['nameStage'] },
      ],
      output: 'ARG BASE=debian:12\nFROM ${BASE} AS debian\nFROM scratch AS builder\nCOPY --from=debian /a /a\nFROM scratch\nCOPY --from=builder /b /b\n',
    },
    {
      name: 'an unknown variable image is named builder',
      code: 'FROM ${BASE}\nFROM scratch\nCOPY --from=0 /a /a\n',
      errors: [{ at: '3:13-3:14', messageId: 'stageIndex', fixes: ['nameStage'] }],
      output: 'FROM ${BASE} AS builder\nFROM scratch\nCOPY --from=builder /a /a\n',
    },
  ],
});
