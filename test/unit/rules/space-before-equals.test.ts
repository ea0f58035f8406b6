import rule from '../../../server/src/engine/rules/space-before-equals';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nENV PORT=8080\nARG VERSION=1.2\nLABEL version="1.0"\n',
    { name: 'legacy form with = inside the value', code: 'FROM eclipse-temurin:21\nENV JAVA_OPTS -Dfile.encoding=UTF-8\n' },
    { name: 'legacy form of a value after the first word', code: 'FROM alpine:3.21\nENV PATH /opt/bin:$PATH\n' },
    { name: 'ARG with an empty default then a pair', code: 'FROM alpine:3.21\nARG A= B=2\n' },
    { name: 'ARG empty default alone', code: 'FROM alpine:3.21\nARG A=\n' },
    { name: 'equals in a RUN', code: 'FROM alpine:3.21\nRUN export A =1 || true\n' },
  ],
  invalid: [
    {
      name: 'ENV key =value',
      code: 'FROM node:22-slim\nENV PORT =8080\n',
      errors: [{ at: '2:9-2:11', messageId: 'spaceBefore', data: { keyword: 'ENV', name: 'PORT', value: '=8080' }, fixes: ['joinPair'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nENV PORT=8080\n',
    },
    {
      name: 'LABEL key = value with spaces',
      code: 'FROM alpine:3.21\nLABEL description = A small service\n',
      errors: [{ at: '2:18-2:20', messageId: 'spaceBefore', data: { keyword: 'LABEL', name: 'description', value: '= A small service' }, fixes: ['joinPair'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nLABEL description="A small service"\n',
    },
    {
      name: 'ARG key =value',
      code: 'FROM alpine:3.21\nARG VERSION =1.2\n',
      errors: [{ at: '2:12-2:14', messageId: 'argSpaceBefore', data: { name: 'VERSION', value: '=1.2' }, fixes: ['joinPair'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nARG VERSION=1.2\n',
    },
    {
      name: 'ARG key= value',
      code: 'ARG VERSION= 1.2\nFROM alpine:3.21\n',
      errors: [{ at: '1:13-1:14', messageId: 'argSpaceAfter', data: { name: 'VERSION', next: '1.2' }, fixes: ['joinPair'] }],
      output: null,
      unsafeOutput: 'ARG VERSION=1.2\nFROM alpine:3.21\n',
    },
    {
      name: 'value with a variable: no mechanical rewrite; ONBUILD',
      code: 'FROM alpine:3.21\nENV HOME_DIR = "$HOME dir"\nONBUILD ENV A =1\n',
      errors: [
        { at: '2:13-2:15', messageId: 'spaceBefore', fixes: ['joinPair'] },
        { at: '3:14-3:16', messageId: 'spaceBefore', fixes: ['joinPair'] },
      ],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nENV HOME_DIR="$HOME dir"\nONBUILD ENV A=1\n',
    },
    {
      name: 'unquoted expansion with spaces: no fix',
      code: 'FROM alpine:3.21\nENV OPTS = -a $B\n',
      errors: [{ at: '2:9-2:11', messageId: 'spaceBefore' }],
      output: null,
    },
  ],
});
