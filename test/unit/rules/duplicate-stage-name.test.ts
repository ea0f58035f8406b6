import rule from '../../../server/src/engine/rules/duplicate-stage-name';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM golang:1.25 AS build\nFROM alpine:3.21 AS run\n', 'FROM alpine:3.21\nFROM alpine:3.21\n'],
  invalid: [
    { code: 'FROM golang:1.25 AS build\nFROM node:22 AS build\n', errors: [{ at: '2:17-2:22', messageId: 'duplicateName', data: { name: 'build', line: '1' }, message: /line 1/ }] },
    { name: 'case-insensitive', code: 'FROM golang:1.25 AS Build\nFROM node:22 AS build\nFROM node:22 AS BUILD\n', errors: [{ at: '2:17-2:22', messageId: 'duplicateName', data: { name: 'build', line: '1' } }, { at: '3:17-3:22', messageId: 'duplicateName', data: { name: 'BUILD', line: '1' } }] },
  ],
});
