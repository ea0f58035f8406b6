import rule from '../../../server/src/engine/rules/secret-file-copied';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nCOPY package.json package-lock.json ./\n',
    'FROM node:22-slim\nCOPY .env.example ./\n',
    { name: 'from another stage', code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /app/.env ./\n' },
    'FROM node:22-slim\nCOPY keys.json ./\n',
  ],
  invalid: [
    { code: 'FROM node:22-slim\nCOPY .npmrc package.json ./\n', errors: [{ at: '2:6-2:12', messageId: 'secretFile', data: { path: '.npmrc' }, message: /credentials/ }] },
    { name: 'keys, .env variants and .git', code: 'FROM alpine:3.21\nCOPY ./.env.production certs/server.pem id_ed25519 .git /app/\n', errors: [{ at: '2:6-2:23', messageId: 'secretFile' }, { at: '2:24-2:40', messageId: 'secretFile' }, { at: '2:41-2:51', messageId: 'secretFile' }, { at: '2:52-2:56', messageId: 'secretFile' }] },
  ],
});
