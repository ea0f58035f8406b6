import rule from '../../../server/src/engine/rules/copy-all-before-dependency-install';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    { name: 'installing a named package is not a manifest install', code: 'FROM node:22-slim\nCOPY . .\nRUN npm install -g serve\n' },
    { name: 'pip install . needs the source', code: 'FROM python:3.13-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n' },
    { name: 'COPY --from is not the context', code: 'FROM node:22-slim AS build\nFROM node:22-slim\nCOPY --from=build /app .\nRUN npm ci\n' },
    { name: 'a second install after the copy prunes what the first installed', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\nRUN yarn build && yarn install --production --frozen-lockfile\n' },
    { name: 'other stages', code: 'FROM node:22-slim AS src\nCOPY . .\nFROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR /app\n# the app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      errors: [{ at: '5:5-5:22', messageId: 'installAfterCopyAll', data: { tool: 'npm', line: '4' }, message: /npm installs after COPY on line 4/, fixes: ['copyManifestsInstallFirst'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\n# the app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'pip with a requirements file, chown kept, continuation kept',
      code: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY --chown=app:app . /srv\nRUN pip install --no-cache-dir \\\n    -r requirements/prod.txt\n',
      errors: [{ at: '4:5-5:29', messageId: 'installAfterCopyAll', fixes: ['copyManifestsInstallFirst'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY --chown=app:app requirements/prod.txt /srv/requirements/\nRUN pip install --no-cache-dir \\\n    -r requirements/prod.txt\nCOPY --chown=app:app . /srv\n',
    },
    {
      name: 'manifests in two folders: one COPY each, folders kept',
      code: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements/base.txt -c constraints/prod.txt\n',
      errors: [{ at: '4:5-4:80', messageId: 'installAfterCopyAll', fixes: ['copyManifestsInstallFirst'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY requirements/base.txt ./requirements/\nCOPY constraints/prod.txt ./constraints/\nRUN pip install --no-cache-dir -r requirements/base.txt -c constraints/prod.txt\nCOPY . .\n',
    },
    {
      name: 'a manifest an earlier COPY brought is not copied again',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY . .\nRUN yarn install --frozen-lockfile\n',
      errors: [{ at: '5:5-5:35', messageId: 'installAfterCopyAll', fixes: ['copyManifestsInstallFirst'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY yarn.lock* ./\nRUN yarn install --frozen-lockfile\nCOPY . .\n',
    },
    {
      name: 'every manifest already copied: the install just moves up',
      code: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum* ./\nCOPY . .\nRUN go mod download\n',
      errors: [{ at: '5:5-5:20', messageId: 'installAfterCopyAll', fixes: ['installFirst'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\n',
    },
    {
      name: 'the source goes elsewhere than where the install runs: no fix',
      code: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY . /opt/app\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ at: '4:5-4:51', messageId: 'installAfterCopyAll' }],
      output: null,
    },
    {
      name: 'go mod download in a chain with the build: reported, no fix',
      code: 'FROM golang:1.25 AS build\nCOPY . .\nRUN go mod download && go build -o /app .\n',
      errors: [{ at: '3:5-3:20', messageId: 'installAfterCopyAll' }],
      output: null,
    },
    {
      name: 'something in between: no fix',
      code: 'FROM ruby:3.4-slim\nCOPY . .\nENV BUNDLE_WITHOUT=dev\nRUN bundle install\n',
      errors: [{ at: '4:5-4:19', messageId: 'installAfterCopyAll' }],
      output: null,
    },
  ],
});
