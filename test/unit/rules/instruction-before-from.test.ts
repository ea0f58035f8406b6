import rule from '../../../server/src/engine/rules/instruction-before-from';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'ARG VERSION=3.21\nFROM alpine:${VERSION}\n',
    '# syntax=docker/dockerfile:1\n# a comment\nFROM alpine:3.21\n',
    { name: 'empty file', code: '' },
    { name: 'only comments', code: '# nothing yet\n' },
  ],
  invalid: [
    { code: 'ENV LANG=C.UTF-8\nFROM debian:12-slim\n', errors: [{ at: '1:1-1:4', messageId: 'instructionOrder', data: { problem: 'ENV comes before the first FROM; only ARG may precede FROM' }, message: /before the first FROM/ }] },
    { name: 'no FROM at all', code: 'ARG X=1\nRUN echo $X\n', errors: [{ at: '2:1-2:4', messageId: 'instructionOrder', message: /before the first FROM/ }, { at: '2:1-2:4', messageId: 'instructionOrder', data: { problem: 'The Dockerfile has no FROM instruction, so there is no stage to build' }, message: /no FROM/ }] },
    // An unknown instruction is invalid-syntax's, and nothing else reports on it: "no FROM" goes to the first known one.
    { name: 'no FROM, after an unknown instruction', code: 'RUNN true\nRUN true\n', errors: [{ at: '2:1-2:4', messageId: 'instructionOrder', message: /before the first FROM/ }, { at: '2:1-2:4', messageId: 'instructionOrder', message: /no FROM/ }] },
  ],
});
