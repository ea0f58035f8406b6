import rule from '../../../server/src/engine/rules/last-user-root';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'no USER at all is runs-as-root\'s finding', code: 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n' },
    { name: 'root then back to a user', code: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER 1000:1000\n' },
    { name: 'builder stages may end as root', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'root for an entrypoint that steps down with gosu', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nUSER root\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["worker"]\n' },
    { name: 'a Dev Container hands root back to the editor', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nUSER vscode\nRUN echo done\nUSER root\n' },
    { name: 'a base image hands root back to the images built on it', code: 'FROM debian:12-slim\nRUN useradd builder\nUSER builder\nRUN echo built\nUSER root\n' },
    { name: 'Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\nCMD ["C:/app/app.exe"]\n' },
  ],
  invalid: [
    {
      name: 'switches back to the earlier user',
      code: 'FROM python:3.13-slim\nRUN useradd --system app\nUSER app\nCOPY app.py /srv/\nUSER root\nRUN pip install --no-cache-dir flask==3.1.0\nEXPOSE 8000\nCMD ["python", "/srv/app.py"]\n',
      errors: [{ at: '5:6-5:10', messageId: 'lastUserRoot', message: /last USER is root/, fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN useradd --system app\nUSER app\nCOPY app.py /srv/\nUSER root\nRUN pip install --no-cache-dir flask==3.1.0\nUSER app\nEXPOSE 8000\nCMD ["python", "/srv/app.py"]\n',
    },
    {
      name: 'explicit USER root with no user yet: creates one',
      code: 'FROM python:3.13-slim\nUSER root\nEXPOSE 8000\nCMD ["python", "app.py"]\n',
      errors: [{ at: '2:6-2:10', messageId: 'lastUserRoot', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nUSER root\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nEXPOSE 8000\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'USER 0:0',
      code: 'FROM node:22-slim\nUSER 0:0\nCMD ["node", "server.js"]\n',
      errors: [{ at: '2:6-2:9', messageId: 'lastUserRoot', fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nUSER 0:0\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'inherited from the stage it is built FROM',
      code: 'FROM node:22-slim AS base\nUSER root\nFROM base\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ at: '3:6-3:10', messageId: 'inheritsRoot', data: { user: 'root', stage: 'base' }, message: /inherits USER root from stage base/, fixes: ['addUser'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim AS base\nUSER root\nFROM base\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
    },
  ],
});
