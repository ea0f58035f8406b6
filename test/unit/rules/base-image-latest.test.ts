import rule from '../../../server/src/engine/rules/base-image-latest';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a Dockerfile.latest follows the newest base on purpose', code: 'FROM alpine:latest\n', dockerfileName: 'Dockerfile.latest' },
    'FROM alpine:3.21\n',
    'FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM python\n',
  ],
  invalid: [
    { code: 'FROM alpine:latest\n', errors: [{ at: '1:13-1:19', messageId: 'latestTag', data: { image: 'alpine:latest' }, message: /latest/ }] },
    { name: 'ARG default resolves to latest (hadolint misses it)', code: 'ARG TAG=latest\nFROM nginx:${TAG}\n', errors: [{ at: '2:6-2:18', messageId: 'latestTag', data: { image: 'nginx:latest' } }] },
    { name: 'second stage', code: 'FROM node:22 AS build\nFROM nginx:latest AS web\n', errors: [{ at: '2:12-2:18', messageId: 'latestTag' }] },
  ],
});
