import rule from '../../../server/src/engine/rules/redundant-target-platform';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n', 'FROM alpine:3.21\n', 'FROM --platform=linux/amd64 alpine:3.21\n'],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.21\n', errors: [{ at: '1:6-1:32', messageId: 'redundantPlatform', message: /anyway/, fixes: ['removePlatform'] }], output: 'FROM alpine:3.21\n' },
    { name: 'braced, with a stage name', code: 'FROM --platform=${TARGETPLATFORM} node:22-slim AS run\n', errors: [{ at: '1:6-1:34', messageId: 'redundantPlatform', fixes: ['removePlatform'] }], output: 'FROM node:22-slim AS run\n' },
  ],
});
