import rule from '../../../server/src/engine/rules/debug-mode-env';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nENV NODE_ENV=production\n',
    'FROM python:3.13-slim\nENV FLASK_DEBUG=0 DJANGO_DEBUG=False XDEBUG_MODE=off\n',
    { name: 'a development stage that does not ship', code: 'FROM node:22-slim AS dev\nENV NODE_ENV=development\nFROM node:22-slim\nENV NODE_ENV=production\n' },
    { name: 'a bare DEBUG is read by make and the debug module, not an application mode', code: 'FROM debian:12-slim\nENV DEBUG=1\n' },
    { name: 'names that only look alike', code: 'FROM debian:12-slim\nENV DEBIAN_FRONTEND=noninteractive DEBUG_LEVEL=1 VENV=dev ENVOY=dev\n' },
    { name: 'an ARG that says production', code: 'FROM node:22-slim\nARG NODE_ENV=production\nENV NODE_ENV=$NODE_ENV\n' },
    { name: 'an unresolved ARG is not judged', code: 'FROM node:22-slim\nARG NODE_ENV\nENV NODE_ENV=${NODE_ENV}\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nENV FLASK_DEBUG=1\n',
      errors: [{ at: '2:17-2:18', messageId: 'devMode', data: { name: 'FLASK_DEBUG', value: '1', mode: 'debug' } }],
    },
    {
      name: 'several pairs, legacy form, quotes, an ARG default',
      code: 'FROM node:22-slim\nARG MODE=development\nENV NODE_ENV=$MODE APP_ENV="dev"\nENV XDEBUG_MODE debug,coverage\n',
      errors: [
        { at: '3:14-3:19', messageId: 'devMode', data: { name: 'NODE_ENV', value: 'development', mode: 'development' } },
        { at: '3:28-3:33', messageId: 'devMode', data: { name: 'APP_ENV', value: 'dev', mode: 'development' } },
        { at: '4:17-4:31', messageId: 'devMode', data: { name: 'XDEBUG_MODE', value: 'debug,coverage', mode: 'debug' } },
      ],
    },
    {
      name: 'Django and ASP.NET Core',
      code: 'FROM python:3.13-slim\nENV DJANGO_DEBUG=True ASPNETCORE_ENVIRONMENT=Development\n',
      errors: [
        { at: '2:18-2:22', messageId: 'devMode', data: { name: 'DJANGO_DEBUG', value: 'True', mode: 'debug' } },
        { at: '2:46-2:57', messageId: 'devMode', data: { name: 'ASPNETCORE_ENVIRONMENT', value: 'Development', mode: 'development' } },
      ],
    },
  ],
});
