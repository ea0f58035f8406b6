import rule from '../../../server/src/engine/rules/from-as-casing';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM golang:1.25 AS build\n', 'from golang:1.25 as build\n', { name: 'mixed-case FROM is another check', code: 'From golang:1.25 as build\n' }, 'FROM alpine:3.21\n'],
  invalid: [
    { code: 'FROM golang:1.25 as build\n', errors: [{ at: '1:18-1:20', messageId: 'mismatchedCasing', data: { written: 'as', from: 'FROM', expected: 'AS' }, message: /write "AS"/, fixes: ['writeAs'] }], output: 'FROM golang:1.25 AS build\n' },
    { name: 'lowercase from', code: 'from golang:1.25 As build\n', errors: [{ at: '1:18-1:20', messageId: 'mismatchedCasing', data: { written: 'As', from: 'from', expected: 'as' }, fixes: ['writeAs'] }], output: 'from golang:1.25 as build\n' },
  ],
});
