import rule from '../../../server/src/engine/rules/workdir-relative-path';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nWORKDIR /srv\nWORKDIR app\n',
    'FROM alpine:3.21\nWORKDIR $HOME/app\n',
    { name: 'Windows drive', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'absolute in the parent stage', code: 'FROM alpine:3.21 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n' },
    { name: 'quoted absolute', code: 'FROM alpine:3.21\nWORKDIR "/srv app"\n' },
  ],
  invalid: [
    { code: 'FROM node:22-slim\nWORKDIR app\n', errors: [{ at: '2:9-2:12', messageId: 'relativeWorkdir', data: { path: 'app' }, message: /relative/ }] },
    { name: 'absolute only after it', code: 'FROM alpine:3.21\nWORKDIR src\nWORKDIR /srv\n', errors: [{ at: '2:9-2:12', messageId: 'relativeWorkdir' }] },
  ],
});
