import rule from '../../../server/src/engine/rules/runs-as-root';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'builder stages may be root', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'non-root USER inherited from a parent stage', code: 'FROM python:3.13-slim AS base\nRUN useradd -r app\nUSER app\nFROM base\nCMD ["python"]\n' },
    { name: 'root then back to a user', code: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER 1000:1000\n' },
    { name: 'variable user', code: 'FROM debian:12-slim\nARG UID=1000\nUSER ${UID}\n' },
    { name: 'base image from an ARG without default is unknown', code: 'ARG BASE\nFROM ${BASE}\nCMD ["x"]\n' },
    { name: 'chainguard images default to nonroot', code: 'FROM cgr.dev/chainguard/node:latest\nCMD ["server.js"]\n' },
  ],
  invalid: [
    {
      name: 'node image: USER node before CMD',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n# start\nCMD ["node", "server.js"]\n',
      errors: [{ at: '1:6-1:18', message: /never sets USER/ }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\n# start\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'explicit USER root in the final stage',
      code: 'FROM python:3.13-slim\nUSER root\nEXPOSE 8000\nCMD ["python", "app.py"]\n',
      errors: [{ at: '2:6-2:10', message: /last USER is root/ }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nUSER root\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nEXPOSE 8000\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'alpine family via tag, resolved through an ARG',
      code: 'ARG PY=3.13-alpine\nFROM python:${PY}\nCOPY app.py /\n',
      errors: [{ at: '2:6-2:18' }],
      output: null,
      unsafeOutput: 'ARG PY=3.13-alpine\nFROM python:${PY}\nCOPY app.py /\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n',
    },
    {
      name: 'scratch gets a numeric user',
      code: 'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ at: '3:6-3:13', message: /uid 0/ }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'distroless without nonroot tag',
      code: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ at: '1:6-1:37' }],
      output: null,
      unsafeOutput: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nUSER nonroot\nCMD ["/app"]\n',
    },
    {
      name: 'unknown family: reported without a fix',
      code: 'FROM mycorp/runtime:1.2\nCMD ["/app"]\n',
      errors: [{ at: '1:6-1:24' }],
      output: null,
    },
  ],
});
