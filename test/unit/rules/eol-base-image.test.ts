import { it } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/engine/rules/eol-base-image';
import { testRule } from '../../support/rule-tester';
import { lintText } from '../../../server/src/engine';
import { DEPRECATED_IMAGES, EOL_LINES, SUPPORTED_LINES } from '../../../server/src/engine/data/base-image-lifecycle';

testRule(rule, {
  valid: [
    'FROM node:22-slim\n',
    'FROM python:3.13-slim-bookworm\n',
    { name: '3.1x is not 3.1', code: 'FROM python:3.11\n' },
    { name: 'untagged is another rule', code: 'FROM node\n' },
    'FROM alpine:3.21\n',
  ],
  invalid: [
    { code: 'FROM python:3.8-slim\n', errors: [{ at: '1:13-1:21', message: /python 3\.8 reached end of life on 2024-10-07; supported: 3\.11/ }] },
    { name: 'patch version and variant', code: 'FROM node:18.20.4-alpine AS web\n', errors: [{ at: '1:11-1:25', message: /node 18/ }] },
    { name: 'distro codename inside another image\'s tag', code: 'FROM ruby:3.3-buster\n', errors: [{ at: '1:11-1:21', message: /debian 10/ }] },
    { name: 'alpine release inside a tag, resolved through ARG', code: 'ARG V=20-alpine3.18\nFROM node:${V}\n', errors: [{ at: '2:6-2:15', message: /node 20 reached end of life on 2026-04-30/ }] },
  ],
});

it('is judged against the date it is given', () => {
  const before = lintText('FROM node:20-slim\n', { rules: [rule], settings: { today: '2026-04-01' } }).findings;
  const after = lintText('FROM node:20-slim\n', { rules: [rule], settings: { today: '2026-05-01' } }).findings;
  assert.equal(before.length, 0);
  assert.equal(after.length, 1);
});

it('every lifecycle entry names its source and the date it was recorded', () => {
  for (const e of [...DEPRECATED_IMAGES, ...EOL_LINES, ...SUPPORTED_LINES]) {
    assert.match(e.source, /^https:\/\//, JSON.stringify(e));
    assert.match(e.recorded, /^\d{4}-\d{2}-\d{2}$/, JSON.stringify(e));
  }
  for (const e of EOL_LINES) assert.match(e.eol, /^\d{4}-\d{2}-\d{2}$/, JSON.stringify(e));
});
