import rule from '../../../server/src/engine/rules/onbuild-forbidden-trigger';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM node:22-slim\nONBUILD COPY . /app\nONBUILD RUN npm ci\n'],
  invalid: [
    {
      code: 'FROM node:22-slim\nONBUILD FROM alpine:3.20\nONBUILD ONBUILD RUN ls\nONBUILD maintainer me\n',
      errors: [{ at: '2:9-2:13', messageId: 'forbiddenTrigger', data: { keyword: 'FROM' }, message: /`FROM`/ }, { at: '3:9-3:16', messageId: 'forbiddenTrigger', data: { keyword: 'ONBUILD' } }, { at: '4:9-4:19', messageId: 'forbiddenTrigger', data: { keyword: 'MAINTAINER' } }],
    },
  ],
});
