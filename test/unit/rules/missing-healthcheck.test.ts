import rule from '../../../server/src/engine/rules/missing-healthcheck';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    { name: 'no EXPOSE: not a service', code: 'FROM alpine:3.21\nCMD ["sh"]\n' },
    { name: 'HEALTHCHECK in the parent stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["true"]\nFROM base\nEXPOSE 80\n' },
    { name: 'builder stages do not count', code: 'FROM node:22 AS build\nEXPOSE 3000\nFROM nginx:1.27\nHEALTHCHECK NONE\nEXPOSE 80\n' },
  ],
  invalid: [{ code: 'FROM nginx:1.27\nEXPOSE 80\nEXPOSE 443\n', errors: [{ at: '3:1-3:7', messageId: 'noHealthcheck', message: /HEALTHCHECK/ }] }],
});
