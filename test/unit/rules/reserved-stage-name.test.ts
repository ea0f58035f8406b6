import rule from '../../../server/src/engine/rules/reserved-stage-name';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM alpine:3.21 AS base\n', 'FROM scratch\n'],
  invalid: [
    { code: 'FROM alpine:3.21 AS scratch\n', errors: [{ at: '1:21-1:28', messageId: 'reservedName', data: { name: 'scratch' }, message: /reserved/ }] },
    { name: 'any case', code: 'FROM alpine:3.21 AS Context\n', errors: [{ at: '1:21-1:28', messageId: 'reservedName' }] },
  ],
});
