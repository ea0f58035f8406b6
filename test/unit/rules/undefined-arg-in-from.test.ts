import rule from '../../../server/src/engine/rules/undefined-arg-in-from';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'ARG TAG=3.21\nFROM alpine:${TAG}\n',
    { name: 'declared without a default', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'platform arguments are predefined', code: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.21\n' },
    { name: 'a global ARG used in a later FROM', code: 'ARG BASE=alpine:3.21\nFROM golang:1.25 AS build\nFROM ${BASE}\n' },
  ],
  invalid: [
    {
      // Found by the property tests (FUZZ_SEED=271828182): inserted before the byte-order mark, the ARG left
      // the mark glued to FROM, an unknown instruction.
      name: 'after a byte-order mark',
      code: '\uFEFFFROM alpine:${ALPINE_VERSION}\n',
      errors: [{ at: '1:14-1:31', messageId: 'undefinedArg', data: { name: 'ALPINE_VERSION' }, fixes: ['declareGlobalArg'] }],
      output: null,
      unsafeOutput: '\uFEFFARG ALPINE_VERSION\nFROM alpine:${ALPINE_VERSION}\n',
    },
    {
      name: 'undeclared: declare it',
      code: '# syntax=docker/dockerfile:1\nFROM alpine:${ALPINE_VERSION}\n',
      errors: [{ at: '2:13-2:30', messageId: 'undefinedArg', message: /\$ALPINE_VERSION, which no ARG declares before the first FROM: it is empty here$/, fixes: ['declareGlobalArg'] }],
      output: null,
      unsafeOutput: '# syntax=docker/dockerfile:1\nARG ALPINE_VERSION\nFROM alpine:${ALPINE_VERSION}\n',
    },
    {
      name: 'declared only inside a stage does not count; one declaration for two uses',
      code: 'FROM alpine:3.21\nARG VARIANT\nFROM node:22-$VARIANT\nFROM python:3.13-${VARIANT:-slim}\n',
      errors: [{ at: '3:14-3:22', messageId: 'undefinedArg', fixes: ['declareGlobalArg'] }, { at: '4:18-4:34', messageId: 'undefinedArg', fixes: ['declareGlobalArg'] }],
      output: null,
      unsafeOutput: 'ARG VARIANT\nFROM alpine:3.21\nARG VARIANT\nFROM node:22-$VARIANT\nFROM python:3.13-${VARIANT:-slim}\n',
    },
    {
      name: 'a misspelt platform argument: did you mean',
      code: 'FROM --platform=$BUILDPLATFROM golang:1.25 AS build\n',
      errors: [{ at: '1:17-1:31', messageId: 'undefinedArgSuggestion', data: { name: 'BUILDPLATFROM', suggestion: 'BUILDPLATFORM' }, message: /Did you mean BUILDPLATFORM\?/, fixes: ['useSuggestion'] }],
      output: null,
      unsafeOutput: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n',
    },
    {
      name: 'a misspelt global ARG in braces',
      code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSOIN}-slim\n',
      errors: [{ at: '2:11-2:26', messageId: 'undefinedArgSuggestion', message: /Did you mean NODE_VERSION\?/, fixes: ['useSuggestion'] }],
      output: null,
      unsafeOutput: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
    },
  ],
});
