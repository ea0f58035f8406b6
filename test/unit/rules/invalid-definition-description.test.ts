import rule from '../../../server/src/engine/rules/invalid-definition-description';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    '# GO_VERSION is the Go release\nARG GO_VERSION=1.25\nFROM golang:${GO_VERSION} AS build\n',
    { name: 'no comment, or a blank line or blank # line in between', code: 'ARG A=1\n# about B\n\nARG B=2\n# about C\n#\nARG C=3\nFROM alpine:3.21\n' },
    { name: 'stage descriptions', code: 'FROM alpine:3.21 AS base\n# build compiles the service\nFROM base AS build\n' },
    { name: 'one of several ARG keys', code: '# B and A\nARG A=1 B=2\nFROM alpine:3.21\n' },
    { name: 'a stage without a name has nothing to describe', code: '# The runtime image\nFROM alpine:3.21\n' },
    { name: 'pragmas and directives are not descriptions', code: '# syntax=docker/dockerfile:1\nARG A=1\n# hadolint ignore=DL3006\nFROM base AS app\n# dockwise ignore=base-image-untagged\nFROM base AS other\n' },
  ],
  invalid: [
    { code: '# The Go version to build with\nARG GO_VERSION=1.25\nFROM golang:${GO_VERSION}\n', errors: [{ at: '1:1-1:31', messageId: 'argDescription', data: { name: 'GO_VERSION' }, message: /above ARG GO_VERSION describes it only when it starts with its name: "# GO_VERSION …"/ }] },
    { name: 'the last line of a block counts; indented; stage', code: 'FROM alpine:3.21 AS base\n# build\n  # Compiles the service\nFROM base AS build\n', errors: [{ at: '3:3-3:25', messageId: 'stageDescription', data: { name: 'build' }, message: /stage build/ }] },
    { name: 'case matters', code: '# go_version to use\nARG GO_VERSION=1.25\nFROM alpine:3.21\n', errors: [{ at: '1:1-1:20', messageId: 'argDescription' }] },
    { name: 'an ARG of several names', code: '# Versions to build with\nARG GO=1.25 NODE=22\nFROM alpine:3.21\n', errors: [{ at: '1:1-1:25', messageId: 'argsDescription', data: {}, message: /^A comment above an ARG describes it only when it starts with its name: "# <name> …"$/ }] },
  ],
});
