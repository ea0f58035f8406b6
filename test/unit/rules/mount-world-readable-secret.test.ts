import rule from '../../../server/src/engine/rules/mount-world-readable-secret';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'the default mode is closed', code: 'FROM debian:12-slim\nRUN --mount=type=secret,id=token cat /run/secrets/token\n' },
    'FROM debian:12-slim\nRUN --mount=type=secret,id=token,mode=0440,gid=1000 cat /run/secrets/token\n',
    { name: 'others may only traverse', code: 'FROM debian:12-slim\nRUN --mount=type=ssh,mode=0601 git clone git@example.com:a/b.git\n' },
    { name: 'cache and bind mounts are not secrets', code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/root/.cache,mode=0777 --mount=type=bind,source=.,target=/src make\n' },
    { name: 'a variable is not judged', code: 'FROM debian:12-slim\nARG M=0400\nRUN --mount=type=secret,id=t,mode=$M true\n' },
    { name: 'a mount named in the command is no flag', code: 'FROM debian:12-slim\nRUN echo --mount=type=secret,mode=0644\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc,mode=0644 npm ci\n',
      errors: [{ at: '2:54-2:63', messageId: 'othersRead', data: { type: 'secret', mode: '0644' }, fixes: ['useMode'] }],
      unsafeOutput: 'FROM node:22-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc,mode=0640 npm ci\n',
    },
    {
      name: 'ssh, mode before type, three digits, ONBUILD',
      code: 'FROM alpine:3.21\nONBUILD RUN --mount=mode=777,type=ssh git clone git@example.com:a/b.git\n',
      errors: [{ at: '2:21-2:29', messageId: 'othersRead', data: { type: 'ssh', mode: '777' }, fixes: ['useMode'] }],
      unsafeOutput: 'FROM alpine:3.21\nONBUILD RUN --mount=mode=770,type=ssh git clone git@example.com:a/b.git\n',
    },
    {
      name: 'the second of two mounts',
      code: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/c --mount=type=secret,id=a,mode=0444 true\n',
      errors: [{ at: '2:59-2:68', messageId: 'othersRead', data: { type: 'secret', mode: '0444' }, fixes: ['useMode'] }],
      unsafeOutput: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/c --mount=type=secret,id=a,mode=0440 true\n',
    },
  ],
});
