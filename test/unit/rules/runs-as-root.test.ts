import rule from '../../../server/src/engine/rules/runs-as-root';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'builder stages may be root', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'non-root USER inherited from a parent stage', code: 'FROM python:3.13-slim AS base\nRUN useradd -r app\nUSER app\nFROM base\nCMD ["python"]\n' },
    { name: 'root then back to a user', code: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER 1000:1000\n' },
    { name: 'a final USER root is last-user-root\'s finding', code: 'FROM python:3.13-slim\nUSER root\nCMD ["python", "app.py"]\n' },
    { name: 'variable user', code: 'FROM debian:12-slim\nARG UID=1000\nUSER ${UID}\n' },
    { name: 'base image from an ARG without default is unknown', code: 'ARG BASE\nFROM ${BASE}\nCMD ["x"]\n' },
    { name: 'chainguard images default to nonroot', code: 'FROM cgr.dev/chainguard/node:latest\nCMD ["server.js"]\n' },
    { name: 'official image that sets its own USER (wordpress:cli)', code: 'FROM wordpress:cli-2.11\nCOPY wp-cli.yml /var/www/html/\n' },
    // Entrypoints that give up root themselves.
    { name: 'installs gosu for its entrypoint script', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["queue-worker"]\n' },
    { name: 'installs su-exec', code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n' },
    { name: 'copies gosu from an image', code: 'FROM debian:12-slim\nCOPY --from=tianon/gosu:1.17 /gosu /usr/local/bin/\nENTRYPOINT ["/run.sh"]\n' },
    { name: 'setpriv in the CMD', code: 'FROM debian:12-slim\nCOPY app /app\nCMD ["setpriv", "--reuid=1000", "--regid=1000", "--init-groups", "/app"]\n' },
    { name: 'chroot --userspec in a shell-form CMD', code: 'FROM alpine:3.20\nCOPY server /srv/server\nCMD chroot --userspec=1000:1000 / /srv/server\n' },
    { name: 's6-setuidgid in the ENTRYPOINT', code: 'FROM alpine:3.20\nCOPY server /srv/server\nENTRYPOINT ["s6-setuidgid", "daemon", "/srv/server"]\n' },
    { name: 'an official image whose entrypoint steps down (postgres)', code: 'FROM postgres:16-bookworm\nCOPY schema.sql /docker-entrypoint-initdb.d/\n' },
    // Base and toolbox images: they start a shell or a prompt.
    { name: 'no CMD on a distribution: a base image for others', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'no CMD on a language image whose CMD is a prompt', code: 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.9\n' },
    { name: 'CMD opens an interpreter prompt', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3\nCMD ["python3"]\n' },
    { name: 'entrypoint script wrapping a shell prompt', code: 'FROM alpine:3.20\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["sh"]\n' },
    { name: 'no CMD and a base image whose start is unknown', code: 'FROM mycorp/runtime:1.2\nCOPY app /app\n' },
    // Servers that run their work as their own user.
    { name: 'nginx image without a CMD of its own', code: 'FROM nginx:1.27-alpine\nCOPY dist/ /usr/share/nginx/html/\n' },
    { name: 'php-fpm started by the CMD', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends php8.2-fpm && rm -rf /var/lib/apt/lists/*\nCMD ["php-fpm8.2", "-F"]\n' },
    { name: 'apache behind tini', code: 'FROM debian:12-slim\nENTRYPOINT ["tini", "--"]\nCMD ["apachectl", "-D", "FOREGROUND"]\n' },
    // Development environments.
    { name: 'Dev Container image', code: 'FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pip install --no-cache-dir black==24.1.0\nCMD ["sleep", "infinity"]\n' },
    { name: 'Dockerfile beside a devcontainer.json', code: 'FROM python:3.12\nCOPY . /work\nCMD ["sleep", "infinity"]\n', files: { 'devcontainer.json': '{ "build": { "dockerfile": "Dockerfile" } }\n' } },
    { name: 'Docker Dev Environments target', code: 'FROM python:3.12 AS builder\nCOPY . /app\nCMD ["python3", "/app/app.py"]\nFROM builder AS dev-envs\nRUN useradd -m vscode\n' },
    // Images without Unix users.
    { name: 'Windows image', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:/app/app.exe"]\n' },
    { name: 'WebAssembly module on scratch', code: 'FROM scratch\nCOPY app.wasm /app.wasm\nENTRYPOINT ["/app.wasm"]\n' },
    { name: 'wasi/wasm platform', code: 'FROM --platform=wasi/wasm scratch\nCOPY server /server\nENTRYPOINT ["/server"]\n' },
  ],
  invalid: [
    {
      name: 'node image: USER node before CMD',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n# start\nCMD ["node", "server.js"]\n',
      errors: [{ at: '1:6-1:18', messageId: 'neverSetsUser', data: { image: 'node:22-slim' }, message: /never sets USER/, fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\n# start\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'reuses the user the Dockerfile creates instead of creating another',
      code: 'FROM python:3.13-slim\nRUN useradd --system --uid 10001 worker\nCOPY app.py /srv/\nCMD ["python", "/srv/app.py"]\n',
      errors: [{ at: '1:6-1:22', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN useradd --system --uid 10001 worker\nCOPY app.py /srv/\nUSER worker\nCMD ["python", "/srv/app.py"]\n',
    },
    {
      name: 'reuses a user BusyBox adduser creates in a parent stage',
      code: 'FROM alpine:3.20 AS base\nRUN addgroup -S svc && adduser -S -G svc -h /srv svc\nFROM base\nCOPY server /srv/\nENTRYPOINT ["/srv/server"]\n',
      errors: [{ at: '3:6-3:10', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.20 AS base\nRUN addgroup -S svc && adduser -S -G svc -h /srv svc\nFROM base\nCOPY server /srv/\nUSER svc\nENTRYPOINT ["/srv/server"]\n',
    },
    {
      name: 'alpine family via tag, resolved through an ARG',
      code: 'ARG PY=3.13-alpine\nFROM python:${PY}\nCOPY app.py /\nCMD ["python3", "/app.py"]\n',
      errors: [{ at: '2:6-2:18', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'ARG PY=3.13-alpine\nFROM python:${PY}\nCOPY app.py /\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["python3", "/app.py"]\n',
    },
    {
      name: 'an interpreter given a script is not a prompt',
      code: 'FROM debian:12-slim\nCOPY app.py /srv/\nENTRYPOINT ["python3"]\nCMD ["/srv/app.py"]\n',
      errors: [{ at: '1:6-1:20', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nCOPY app.py /srv/\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nENTRYPOINT ["python3"]\nCMD ["/srv/app.py"]\n',
    },
    {
      name: 'an entrypoint script that does not give up root',
      code: 'FROM alpine:3.20\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n',
      errors: [{ at: '1:6-1:17', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.20\nCOPY entrypoint.sh /\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
    {
      name: 'an official image that runs its server as root (tomcat)',
      code: 'FROM tomcat:10.1-jdk21\nCOPY app.war /usr/local/tomcat/webapps/\n',
      errors: [{ at: '1:6-1:23', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM tomcat:10.1-jdk21\nCOPY app.war /usr/local/tomcat/webapps/\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n',
    },
    {
      name: 'scratch gets a numeric user',
      code: 'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ at: '3:6-3:13', messageId: 'neverSetsUserScratch', message: /uid 0/, fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'distroless without nonroot tag gets its nonroot user by number',
      code: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ at: '1:6-1:37', messageId: 'neverSetsUser', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nUSER 65532:65532\nCMD ["/app"]\n',
    },
    {
      name: 'unknown family: reported without a fix',
      code: 'FROM mycorp/runtime:1.2\nCMD ["/app"]\n',
      errors: [{ at: '1:6-1:24', messageId: 'neverSetsUser' }],
      output: null,
    },
  ],
});
