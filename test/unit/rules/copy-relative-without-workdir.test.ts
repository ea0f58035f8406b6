import rule from '../../../server/src/engine/rules/copy-relative-without-workdir';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
    'FROM node:22-slim\nCOPY package.json /app/\nCOPY x $HOME/x\n',
    { name: 'WORKDIR inherited from a parent stage', code: 'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'Windows paths', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\app\n' },
  ],
  invalid: [
    { code: 'FROM node:22-slim\nCOPY . .\n', errors: [{ at: '2:8-2:9', messageId: 'relativeWithoutWorkdir', data: { destination: '.' }, message: /no WORKDIR/ }] },
    {
      name: 'WORKDIR of an unrelated stage does not count; JSON form; ADD; WORKDIR after the copy',
      code: 'FROM node:22-slim AS a\nWORKDIR /app\nFROM node:22-slim\nCOPY ["x", "app/"]\nADD y.txt data\nWORKDIR /srv\n',
      errors: [{ at: '4:13-4:17', messageId: 'relativeWithoutWorkdir', data: { destination: 'app/' } }, { at: '5:11-5:15', messageId: 'relativeWithoutWorkdir', data: { destination: 'data' } }],
    },
  ],
});
