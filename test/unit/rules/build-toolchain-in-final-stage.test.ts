import rule from '../../../server/src/engine/rules/build-toolchain-in-final-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'toolchain in a builder stage', code: 'FROM debian:12-slim AS build\nRUN apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'removed in the same RUN', code: 'FROM python:3.13-slim\nRUN apt-get install -y gcc libpq-dev && pip install psycopg && apt-get purge -y gcc libpq-dev\n' },
    { name: 'apk virtual package deleted', code: 'FROM python:3.13-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install uvloop && apk del .build-deps\n' },
    { name: 'docker-library apt-mark pattern', code: 'FROM debian:12-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\n' },
    'FROM node:22-slim\nRUN apt-get install -y --no-install-recommends tini\n',
  ],
  invalid: [
    { code: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev curl\n', errors: [{ at: '2:42-2:45', message: /gcc, libpq-dev/ }] },
    { name: 'stage the final one is built from, dnf and apk', code: 'FROM fedora:41 AS base\nRUN dnf install -y gcc-c++\nFROM base\nRUN echo ok\n', errors: [{ at: '2:20-2:27' }] },
    { name: 'SDK image as the runtime', code: 'FROM golang:1.25\nRUN go build -o /app .\nCMD ["/app"]\n', errors: [{ at: '1:6-1:17', message: /golang SDK/ }] },
    { name: 'version-pinned package', code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential=12.9\n', errors: [{ at: '2:24-2:44' }] },
  ],
});
