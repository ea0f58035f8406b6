import rule from '../../../server/src/engine/rules/secret-in-arg-or-env';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nARG NODE_VERSION=22\nENV PORT=3000\n',
    { name: 'allow-listed parts', code: 'FROM node:22-slim\nENV SECRET_FILE=/run/secrets/x PUBLIC_KEY_PATH=/k GPG_KEY_VERSION=2\n' },
    { name: 'words that only contain a token', code: 'FROM node:22-slim\nENV MONKEY=1 TOKENIZERS_PARALLELISM=false\n' },
  ],
  invalid: [
    { code: 'FROM node:22-slim\nARG NPM_TOKEN\n', errors: [{ at: '2:5-2:14', message: /secret mount|type=secret/ }] },
    { name: 'literal value is called out', code: 'FROM python:3.13-slim\nENV DB_PASSWORD=hunter2 APP_NAME=x\n', errors: [{ at: '2:5-2:16', message: /value is written into the image config/ }] },
    { name: 'known names and legacy form', code: 'FROM python:3.13-slim\nENV AWS_SECRET_ACCESS_KEY abc\nARG apiKey\n', errors: [{ at: '2:5-2:26' }, { at: '3:5-3:11' }] },
  ],
});
