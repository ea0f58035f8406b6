import rule from '../../../server/src/engine/rules/copy-from-own-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n',
    'FROM node:22-slim\nCOPY --from=build /app /app\n',
  ],
  invalid: [
    { code: 'FROM node:22-slim AS build\nCOPY --from=build /a /b\n', errors: [{ at: '2:13-2:18', messageId: 'fromOwnStage', data: { stage: 'build' }, message: /stage it is in/ }] },
    { name: 'case-insensitive, later stage', code: 'FROM node:22-slim AS deps\nFROM node:22-slim AS Build\nCOPY --from=BUILD /a /b\n', errors: [{ at: '3:13-3:18', messageId: 'fromOwnStage', data: { stage: 'BUILD' } }] },
  ],
});
