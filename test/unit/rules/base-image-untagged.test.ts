import rule from '../../../server/src/engine/rules/base-image-untagged';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a Dockerfile.latest follows the newest base on purpose', code: 'FROM alpine\n', dockerfileName: 'Dockerfile.latest' },
    { name: 'a placeholder no image can be (capitals)', code: 'FROM REPLACE-ME\nRUN true\n' },
    'FROM node:22-slim\n',
    'FROM scratch\n',
    'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    { name: 'stage alias, any case', code: 'FROM golang:1.23 AS Build\nFROM build\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=python:3.13-slim\nFROM ${BASE}\n' },
    { name: 'ARG without default is unknown', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'registry with a port, tagged', code: 'FROM registry.local:5000/team/app:1.4\n' },
  ],
  invalid: [
    { code: 'FROM python\n', errors: [{ at: '1:6-1:12', messageId: 'untagged', data: { image: 'python' }, message: /no tag/ }] },
    { name: 'registry port is not a tag', code: 'FROM registry.local:5000/team/app\n', errors: [{ at: '1:6-1:34', messageId: 'untagged' }] },
    { name: 'ARG default without a tag', code: 'ARG BASE=node\nFROM ${BASE} AS app\n', errors: [{ at: '2:6-2:13', messageId: 'untagged', data: { image: 'node' } }] },
    { name: 'flags before the image', code: 'FROM --platform=$BUILDPLATFORM golang\n', errors: [{ at: '1:32-1:38', messageId: 'untagged' }] },
  ],
});
