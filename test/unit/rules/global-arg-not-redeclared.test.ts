import rule from '../../../server/src/engine/rules/global-arg-not-redeclared';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'ARG VERSION=1.4.2\nFROM alpine:3.21\nARG VERSION\nRUN wget -q https://example.com/tool-$VERSION.tgz\n',
    { name: 'only used in FROM', code: 'ARG TAG=3.21\nFROM alpine:${TAG}\nRUN echo hi\n' },
    { name: 'set by ENV in a parent stage', code: 'ARG V=1\nFROM alpine:3.21 AS base\nARG V\nENV V=$V\nFROM base\nRUN echo $V\n' },
    { name: 'set by the base image', code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\nRUN echo "$NODE_VERSION"\n' },
    { name: 'default given', code: 'ARG V=1\nFROM alpine:3.21\nRUN echo ${V:-2}\n' },
    { name: 'single quotes', code: "ARG V=1\nFROM alpine:3.21\nRUN echo '$V'\n" },
    { name: 'escaped dollar', code: 'ARG V=1\nFROM alpine:3.21\nRUN echo \\$V\n' },
    { name: 'assigned in the script', code: 'ARG V=1\nFROM alpine:3.21\nRUN V=2 && echo $V\nRUN for V in a b; do echo $V; done\nRUN export V=3; echo $V\n' },
    { name: 'quoted heredoc', code: "ARG V=1\nFROM alpine:3.21\nRUN cat > /x <<'EOF'\necho $V\nEOF\n" },
    { name: 'unknown image chosen by the ARG', code: 'ARG GO_VERSION=1.23\nFROM registry.example.com/go:${GO_VERSION}\nRUN echo $GO_VERSION\n' },
    { name: 'not a global arg', code: 'FROM alpine:3.21\nRUN echo $HOME\n' },
  ],
  invalid: [
    {
      name: 'global ARG in RUN',
      code: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nRUN wget -q https://example.com/tool-$VERSION.tgz && echo $VERSION\n',
      errors: [{ at: '3:38-3:46', messageId: 'notRedeclared', data: { name: 'VERSION' }, fixes: ['declareArg'] }],
      output: null,
      unsafeOutput: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nARG VERSION\nRUN wget -q https://example.com/tool-$VERSION.tgz && echo $VERSION\n',
    },
    {
      name: 'declared in another stage only; braces; heredoc script',
      code: 'ARG V=1\nFROM alpine:3.21 AS a\nARG V\nRUN echo $V\nFROM alpine:3.21\nRUN <<EOF\necho "${V}"\nEOF\n',
      errors: [{ at: '7:7-7:11', messageId: 'notRedeclared', data: { name: 'V' }, fixes: ['declareArg'] }],
      output: null,
      unsafeOutput: 'ARG V=1\nFROM alpine:3.21 AS a\nARG V\nRUN echo $V\nFROM alpine:3.21\nARG V\nRUN <<EOF\necho "${V}"\nEOF\n',
    },
    {
      name: 'declared after the RUN; exec form',
      code: 'ARG V=1\nFROM alpine:3.21\nRUN ["sh", "-c", "echo $V"]\nARG V\n',
      errors: [{ at: '3:24-3:26', messageId: 'notRedeclared', fixes: ['declareArg'] }],
      output: null,
      unsafeOutput: 'ARG V=1\nFROM alpine:3.21\nARG V\nRUN ["sh", "-c", "echo $V"]\nARG V\n',
    },
  ],
});
