import rule from '../../../server/src/engine/rules/npm-install-instead-of-ci';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\n',
    { name: 'no lockfile copied', code: 'FROM node:22-slim\nCOPY package.json ./\nRUN npm install\n' },
    { name: 'installing a named package', code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install -g pm2 && npm install left-pad\n' },
  ],
  invalid: [
    {
      name: 'an option value before the subcommand',
      code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm --loglevel warn install\n',
      errors: [{ at: '3:25-3:32', messageId: 'npmInstall', fixes: ['useNpmCi'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm --loglevel warn ci\n',
    },
    {
      code: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm install --production\n',
      errors: [{ at: '3:9-3:16', messageId: 'npmInstall', message: /npm ci/, fixes: ['useNpmCi'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'npm i after package*.json',
      code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm i --no-audit\n',
      errors: [{ at: '3:9-3:10', messageId: 'npmInstall', fixes: ['useNpmCi'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --no-audit\n',
    },
  ],
});
