import rule from '../../../server/src/engine/rules/copy-after-user-without-chown';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node . .\n',
    { name: 'before the USER', code: 'FROM node:22-slim\nCOPY . /app\nUSER node\n' },
    { name: 'USER root', code: 'FROM node:22-slim\nUSER node\nUSER root\nCOPY . /app\nUSER 0:0\nCOPY a /a\n' },
    { name: 'another stage', code: 'FROM node:22-slim AS build\nUSER node\nFROM node:22-slim\nCOPY --from=build /app /app\n' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\nCOPY a.exe C:\\\\a.exe\n' },
    { name: '--chown with a variable', code: 'FROM node:22-slim\nUSER node\nCOPY --chown=${UID} . /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nUSER node\nWORKDIR /home/node/app\nCOPY . .\nRUN npm ci\n',
      errors: [{ at: '4:8-4:9', messageId: 'ownedByRoot', data: { keyword: 'COPY', user: 'node' }, message: /belong to root/, fixes: ['addChown'] }],
      unsafeOutput: 'FROM node:22-slim\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node . .\nRUN npm ci\n',
    },
    {
      name: 'ADD, a user:group, and USER from the stage it is built FROM',
      code: 'FROM debian:12-slim AS base\nUSER 1000:1000\nFROM base\nADD ["data.tar", "/srv/data/"]\n',
      errors: [{ at: '4:19-4:29', messageId: 'ownedByRoot', data: { keyword: 'ADD', user: '1000' }, fixes: ['addChown'] }],
      unsafeOutput: 'FROM debian:12-slim AS base\nUSER 1000:1000\nFROM base\nADD --chown=1000:1000 ["data.tar", "/srv/data/"]\n',
    },
    {
      name: 'a USER from a variable: no fix',
      code: 'FROM debian:12-slim\nUSER $APP_USER\nCOPY app /app\n',
      errors: [{ at: '3:10-3:14', messageId: 'ownedByRoot', data: { keyword: 'COPY', user: '$APP_USER' }, fixes: [] }],
    },
  ],
});
