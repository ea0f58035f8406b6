import rule from '../../../server/src/engine/rules/env-unset-other-layer';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nENV HTTP_PROXY=http://proxy.internal:3128\nRUN apt-get update\nENV HTTP_PROXY=\n',
    { name: 'commands after the unset', code: 'FROM debian:12-slim\nENV HTTP_PROXY=http://proxy:3128\nRUN unset HTTP_PROXY && apt-get update\n' },
    { name: 'not an ENV', code: 'FROM debian:12-slim\nARG TOKEN\nRUN unset TOKEN\n' },
    { name: 'a shell variable', code: 'FROM debian:12-slim\nRUN A=1; unset A\n' },
    { name: 'unset -f', code: 'FROM debian:12-slim\nENV greet=1\nRUN unset -f greet\n' },
    { name: 'ENV set after', code: 'FROM debian:12-slim\nRUN unset A\nENV A=1\n' },
    { name: 'already empty', code: 'FROM debian:12-slim\nENV A=\nRUN unset A\n' },
    { name: 'echo', code: 'FROM debian:12-slim\nENV A=1\nRUN echo unset A\n' },
  ],
  invalid: [
    {
      name: 'unset of an ENV alone in its RUN',
      code: 'FROM debian:12-slim\nENV HTTP_PROXY=http://proxy.internal:3128\nRUN apt-get update\nRUN unset HTTP_PROXY\n',
      errors: [{ at: '4:11-4:21', messageId: 'unsetEnv', data: { name: 'HTTP_PROXY', line: '2' } }],
      output: null,
    },
    {
      name: 'last command; ENV from a parent stage; -v',
      code: 'FROM debian:12-slim AS base\nENV TOKEN=abc\nFROM base\nRUN make && unset -v TOKEN\n',
      errors: [{ at: '4:22-4:27', messageId: 'unsetEnv', data: { name: 'TOKEN', line: '2' } }],
      output: null,
    },
    {
      name: 'ENV of the base image',
      code: 'FROM python:3.13-slim\nRUN unset PYTHON_VERSION\n',
      errors: [{ at: '2:11-2:25', messageId: 'unsetImageEnv', data: { name: 'PYTHON_VERSION', image: 'python:3.13-slim' } }],
      output: null,
    },
  ],
});
