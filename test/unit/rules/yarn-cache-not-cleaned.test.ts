import rule from '../../../server/src/engine/rules/yarn-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    { name: 'builder stage', code: 'FROM node:22 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
    { name: 'cache mount', code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    'FROM node:22-slim\nRUN yarn build\n',
    { name: '`yarn --version` installs nothing', code: 'FROM node:22-slim\nRUN npm install -g yarn@1.22.22 && yarn --version\n' },
    { name: 'a cache mount where YARN_CACHE_FOLDER puts the cache', code: 'FROM node:22-slim\nENV YARN_CACHE_FOLDER=/yarn-cache\nRUN --mount=type=cache,target=/yarn-cache yarn install\n' },
    { name: 'the cache directory removed', code: 'FROM node:22-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n' },
  ],
  invalid: [
    {
      name: '`yarn global add`, and an option value before the subcommand',
      code: 'FROM node:22-slim\nRUN yarn global add pm2@5.4.2\nRUN yarn --network-timeout 100000 install\n',
      errors: [{ at: '2:5-2:9', messageId: 'cacheNotCleaned', data: { command: 'yarn global add' }, message: /`yarn global add`/, fixes: ['appendCacheClean'] }, { at: '3:5-3:9', messageId: 'cacheNotCleaned', message: /`yarn install`/, fixes: ['appendCacheClean'] }],
      output: 'FROM node:22-slim\nRUN yarn global add pm2@5.4.2 && \\\n    yarn cache clean\nRUN yarn --network-timeout 100000 install && \\\n    yarn cache clean\n',
    },
    { code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n', errors: [{ at: '2:5-2:9', messageId: 'cacheNotCleaned', message: /yarn cache clean/, fixes: ['appendCacheClean'] }], output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && \\\n    yarn cache clean\n' },
    { name: 'bare yarn installs; clean before install does not count', code: 'FROM node:22-slim\nRUN yarn cache clean && yarn\n', errors: [{ at: '2:25-2:29', messageId: 'cacheNotCleaned', data: { command: 'yarn' }, fixes: ['appendCacheClean'] }], output: 'FROM node:22-slim\nRUN yarn cache clean && yarn && \\\n    yarn cache clean\n' },
    { name: 'Windows PowerShell has no &&: no fix', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN yarn install\n', errors: [{ at: '3:5-3:9', messageId: 'cacheNotCleaned' }], output: null },
  ],
});
