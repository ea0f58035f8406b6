import rule from '../../../server/src/engine/rules/unreachable-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
    { name: 'one stage', code: 'FROM alpine:3.21\nRUN true\n' },
    { name: 'used through FROM, a mount and a number', code: 'FROM alpine:3.21\nRUN true\nFROM node:22 AS deps\nRUN npm ci\nFROM deps AS builder\nRUN --mount=from=0,target=/x npm run build\nFROM nginx:1.27\nCOPY --from=builder /app/dist /usr/share/nginx/html\n' },
    { name: 'transitively', code: 'FROM golang:1.23 AS build\nFROM alpine:3.21 AS pack\nCOPY --from=build /a /a\nFROM scratch\nCOPY --from=pack /a /a\n' },
    { name: 'named targets that are not builders', code: 'FROM golang:1.23 AS test\nRUN go test ./...\nFROM golang:1.23 AS dev-envs\nFROM golang:1.23 AS lint\nFROM scratch\nCOPY app /app\n' },
    { name: 'a stage with its own CMD is a target, and needs its sources', code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.21 AS debug\nCOPY --from=build /app /app\nCMD ["/app"]\nFROM scratch\nCOPY app /app\n' },
    { name: 'a reference through an ARG default', code: 'ARG SRC=build\nFROM golang:1.23 AS build\nFROM scratch\nARG SRC\nCOPY --from=${SRC} /a /a\n' },
    { name: 'an unresolved reference may name any stage', code: 'FROM golang:1.23 AS build-amd64\nFROM golang:1.23 AS build-arm64\nFROM scratch\nARG TARGETARCH\nCOPY --from=build-${TARGETARCH} /a /a\n' },
    { name: 'a stage another build of the file targets (compose: one service `target: deps`, another `target: prod`)', code: 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS web-build\nRUN npm run build\nFROM nginx:1.27 AS prod\nCOPY --from=web-build /app/dist /usr/share/nginx/html\n', invocation: { target: 'prod', builtTargets: ['prod', 'DEPS'] } },
    { name: 'an unresolved FROM may name any stage', code: 'FROM golang:1.23 AS build-amd64\nFROM alpine:3.21\nFROM build-${TARGETARCH}\n' },
  ],
  invalid: [
    {
      name: 'a builder stage no build of the file targets',
      code: 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS web-build\nRUN npm run build\nFROM nginx:1.27 AS prod\nCOPY --from=web-build /app/dist /usr/share/nginx/html\n',
      invocation: { target: 'prod', builtTargets: ['prod'] },
      errors: [{ at: '1:17-1:21', messageId: 'namedStage', data: { stage: 'deps' } }],
    },
    {
      name: 'an unnamed stage nothing uses',
      code: 'FROM golang:1.23\nRUN go build -o /app .\nFROM scratch\nCOPY app /app\n',
      errors: [{ at: '1:1-1:17', messageId: 'unnamedStage', data: { index: '0' }, message: /cannot be a `--target`/ }],
    },
    {
      name: 'a builder stage nothing uses, in any casing',
      code: 'FROM golang:1.23 AS Builder\nRUN go build -o /app .\nFROM node:22 AS web-build\nFROM scratch\nCOPY app /app\n',
      errors: [
        { at: '1:21-1:28', messageId: 'namedStage', data: { stage: 'Builder' } },
        { at: '3:17-3:26', messageId: 'namedStage', data: { stage: 'web-build' } },
      ],
    },
  ],
});
