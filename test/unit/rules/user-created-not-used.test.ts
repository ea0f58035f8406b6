import rule from '../../../server/src/engine/rules/user-created-not-used';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.13-slim\nRUN useradd --system app\nUSER app\nCMD ["python", "/srv/app.py"]\n',
    { name: 'USER by uid, with a group', code: 'FROM debian:12-slim\nRUN useradd -u 10001 app\nUSER 10001:10001\nCMD ["/app"]\n' },
    { name: 'a builder stage', code: 'FROM debian:12-slim AS build\nRUN useradd app\nFROM debian:12-slim\nCMD ["/app"]\n' },
    { name: 'USER in the final stage, the user created in the stage it is built FROM', code: 'FROM debian:12-slim AS base\nRUN useradd app\nFROM base\nUSER app\nCMD ["/app"]\n' },
    { name: 'an entrypoint that steps down', code: 'FROM debian:12-slim\nRUN useradd app && apt-get update && apt-get install -y gosu\nENTRYPOINT ["gosu", "app", "/app"]\n' },
    { name: 'a step-down tool installed with a version constraint', code: 'FROM alpine:3.21\nRUN addgroup -S redis && adduser -S -G redis redis\nRUN apk add --no-cache \'su-exec>=0.2\'\nCMD ["redis-server"]\n' },
    { name: 'the start command names the user', code: 'FROM debian:12-slim\nRUN useradd mysql\nCMD ["mysqld", "--user=mysql"]\n' },
    { name: 'a server that runs its workers as its user', code: 'FROM debian:12-slim\nRUN useradd www\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'an entrypoint script that switches to the user', code: 'FROM debian:12-slim\nRUN useradd app\nCOPY start.sh /usr/local/bin/\nCMD ["start.sh"]\n', files: { 'start.sh': '#!/bin/sh\nexec su app -c /app\n' } },
    { name: 'an entrypoint script that cannot be read', code: 'FROM debian:12-slim\nRUN useradd app\nCOPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/app"]\n' },
    { name: 'a build step run as the user', code: 'FROM debian:12-slim\nRUN useradd app\nRUN su app -c "make install"\nCMD ["/app"]\n' },
    { name: 'adduser user group adds a member, it creates no user', code: 'FROM debian:12-slim\nRUN adduser www-data video\nCMD ["/app"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nRUN useradd --system app\nCOPY app.py /srv/\nCMD ["python", "/srv/app.py"]\n',
      errors: [{ at: '2:22-2:25', messageId: 'notUsed', data: { user: 'app' }, message: /still runs as root/ }],
    },
    {
      name: 'BusyBox adduser; a script that does not name the user; USER before the user is created',
      code: 'FROM alpine:3.21\nUSER app\nUSER root\nRUN addgroup -S app && adduser -S -G app app && chown -R app:app /srv\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      files: { 'start.sh': '#!/bin/sh\nexec /srv/server\n' },
      errors: [{ at: '4:42-4:45', messageId: 'notUsed', data: { user: 'app' } }],
    },
  ],
});
