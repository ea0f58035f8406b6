import rule from '../../../server/src/engine/rules/from-platform-constant';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n',
    'FROM node:22-slim\n',
    { name: 'stage named after its platform', code: 'FROM --platform=linux/arm64 alpine:3.21 AS build-arm64\n' },
    { name: 'a variable of the user', code: 'ARG P=linux/amd64\nFROM --platform=$P alpine:3.21\n' },
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 node:22-slim\n', errors: [{ at: '1:6-1:28', messageId: 'constantPlatform', data: { platform: 'linux/amd64' }, message: /one platform/ }] },
  ],
});
