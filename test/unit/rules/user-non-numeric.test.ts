import rule from '../../../server/src/engine/rules/user-non-numeric';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nUSER 10001\n',
    'FROM debian:12-slim\nUSER 10001:10001\n',
    'FROM debian:12-slim\nARG APP_USER=app\nUSER $APP_USER\n',
    { name: 'root is left to last-user-root', code: 'FROM debian:12-slim\nUSER root\n' },
    { name: 'a Windows account has no numeric id', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\nCMD ["C:/app/app.exe"]\n' },
    { name: 'only the final stage matters', code: 'FROM debian:12-slim AS build\nUSER builder\nFROM debian:12-slim\nUSER 1000\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nUSER node\n',
      errors: [{ at: '2:6-2:10', messageId: 'userName', data: { user: 'node' }, message: /numeric UID/ }],
    },
    {
      name: 'created with an id here: the fix writes it, group too',
      code: 'FROM debian:12-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER app:app\n',
      errors: [{ at: '3:6-3:9', messageId: 'userNameWithUid', data: { user: 'app', uid: '10001' }, message: /\(10001\)/, fixes: ['useUidGid'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER 10001:10001\n',
    },
    {
      name: 'busybox adduser in a parent stage, USER inherited',
      code: 'FROM alpine:3.20 AS base\nRUN adduser -D -u 2000 svc\nUSER svc\nFROM base\nRUN ls\n',
      errors: [{ at: '3:6-3:9', messageId: 'userNameWithUid', fixes: ['useUid'] }],
      unsafeOutput: 'FROM alpine:3.20 AS base\nRUN adduser -D -u 2000 svc\nUSER 2000\nFROM base\nRUN ls\n',
    },
  ],
});
