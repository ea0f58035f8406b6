import rule from '../../../server/src/engine/rules/arg-used-before-declared';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nARG APP_VERSION=1.4.2\nRUN echo "$APP_VERSION"\n',
    { name: 'declared before and again later', code: 'FROM debian:12-slim\nARG V=1\nRUN echo $V\nARG V=2\nRUN echo $V\n' },
    { name: 'an ENV before', code: 'FROM debian:12-slim\nENV V=1\nRUN echo $V\nARG V\n' },
    { name: 'ENV of the parent stage', code: 'FROM debian:12-slim AS base\nENV V=1\nFROM base\nRUN echo $V\nARG V\n' },
    { name: 'single quotes', code: "FROM debian:12-slim\nRUN echo '$V'\nARG V=1\n" },
    { name: 'set by the script', code: 'FROM debian:12-slim\nRUN V=3; echo $V\nARG V=1\n' },
    { name: 'a loop variable', code: 'FROM debian:12-slim\nRUN for V in a b; do echo $V; done\nARG V=1\n' },
    { name: 'a default says what happens when unset', code: 'FROM debian:12-slim\nRUN echo ${V:-none}\nARG V=1\n' },
    { name: 'an ARG in another stage', code: 'FROM debian:12-slim\nRUN echo $V\nFROM debian:12-slim\nARG V=1\n' },
    { name: "the base image's ENV of that name", code: 'FROM node:22-slim\nRUN echo $NODE_VERSION\nARG NODE_VERSION=22.1.0\n' },
    { name: 'escaped dollar', code: 'FROM debian:12-slim\nRUN echo \\$V\nARG V=1\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/app-$APP_VERSION.tgz"\nARG APP_VERSION=1.4.2\n',
      errors: [{ at: '2:55-2:67', messageId: 'usedBeforeArg', data: { name: 'APP_VERSION', line: '3' }, fixes: ['moveArg'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nARG APP_VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/app-$APP_VERSION.tgz"\n',
    },
    {
      name: 'braces, reported once per RUN',
      code: 'FROM debian:12-slim\nRUN echo ${V} && echo $V\nENV A=1\nARG V\n',
      errors: [{ at: '2:10-2:14', messageId: 'usedBeforeArg', data: { name: 'V', line: '4' }, fixes: ['moveArg'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nARG V\nRUN echo ${V} && echo $V\nENV A=1\n',
    },
    {
      name: 'several names in the ARG: no fix',
      code: 'FROM debian:12-slim\nRUN echo $V\nARG V=1 W=2\n',
      errors: [{ at: '2:10-2:12', messageId: 'usedBeforeArg', fixes: [] }],
      output: null,
    },
  ],
});
