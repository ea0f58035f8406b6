import rule from '../../../server/src/engine/rules/yarn-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    { name: 'builder stage', code: 'FROM node:22 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
    { name: 'cache mount', code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    'FROM node:22-slim\nRUN yarn build\n',
  ],
  invalid: [
    { code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n', errors: [{ at: '2:5-2:9', message: /yarn cache clean/ }], output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && \\\n    yarn cache clean\n' },
    { name: 'bare yarn installs; clean before install does not count', code: 'FROM node:22-slim\nRUN yarn cache clean && yarn\n', errors: [{ at: '2:25-2:29' }], output: 'FROM node:22-slim\nRUN yarn cache clean && yarn && \\\n    yarn cache clean\n' },
    { name: 'Windows PowerShell has no &&: no fix', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN yarn install\n', errors: [{ at: '3:5-3:9' }], output: null },
  ],
});
