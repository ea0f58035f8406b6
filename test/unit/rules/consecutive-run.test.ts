import rule from '../../../server/src/engine/rules/consecutive-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN apk add --no-cache curl\n',
    { name: 'a chained RUN is a deliberate layer', code: 'FROM alpine:3.21\nRUN mkdir /a && touch /a/b\nRUN chown 1 /a\n' },
    { name: 'different mounts', code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm run build\n' },
    { name: 'an instruction between', code: 'FROM alpine:3.21\nRUN mkdir /a\nWORKDIR /a\nRUN touch b\n' },
    { name: 'exec form', code: 'FROM alpine:3.21\nRUN ["mkdir", "/a"]\nRUN touch /a/b\n' },
    { name: 'heredoc', code: 'FROM alpine:3.21\nRUN <<EOF\nmkdir /a\nEOF\nRUN touch /a/b\n' },
    { name: 'across stages', code: 'FROM alpine:3.21 AS a\nRUN mkdir /a\nFROM alpine:3.21\nRUN mkdir /b\n' },
    { name: 'ONBUILD RUNs are not layers of this image', code: 'FROM alpine:3.21\nONBUILD RUN mkdir /a\nONBUILD RUN mkdir /b\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\nRUN mkdir /a\nRUN touch /a/b\n',
      errors: [{ at: '3:1-3:4', message: /2 consecutive RUN/ }],
      output: 'FROM alpine:3.21\nRUN mkdir /a && \\\n    touch /a/b\n',
    },
    {
      name: 'comments between move above; continuation comments stay',
      code: 'FROM alpine:3.21\nRUN mkdir /a\n# make the file\nRUN touch \\\n  # inside\n  /a/b\n\nRUN chmod 600 /a/b\n',
      errors: [{ at: '4:1-4:4', message: /3 consecutive RUN/ }],
      output: 'FROM alpine:3.21\n# make the file\nRUN mkdir /a && \\\n    touch \\\n  # inside\n  /a/b && \\\n    chmod 600 /a/b\n',
    },
    {
      name: 'same flags merge; a chained RUN does not join the chain',
      code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && true\nRUN --mount=type=cache,target=/root/.npm npm prune\nRUN --mount=type=cache,target=/root/.npm npm cache verify\n',
      errors: [{ at: '5:1-5:4' }],
      output: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && true\nRUN --mount=type=cache,target=/root/.npm npm prune && \\\n    npm cache verify\n',
    },
    {
      name: 'cd carries over: unsafe',
      code: 'FROM alpine:3.21\nRUN cd /tmp\nRUN make\n',
      errors: [{ at: '3:1-3:4' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN cd /tmp && \\\n    make\n',
    },
    {
      name: 'backtick escape',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\a\nRUN mkdir C:\\b\n',
      errors: [{ at: '4:1-4:4' }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\a && `\n    mkdir C:\\b\n',
    },
    {
      name: 'a shell comment at the end of a body cannot be appended to',
      code: 'FROM alpine:3.21\nRUN mkdir /a # data\nRUN touch /a/b\n',
      errors: [{ at: '3:1-3:4' }],
      output: null,
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM alpine:3.21\r\nRUN mkdir /a\r\nRUN touch /a/b\r\n',
      errors: [{ at: '3:1-3:4' }],
      output: 'FROM alpine:3.21\r\nRUN mkdir /a && \\\r\n    touch /a/b\r\n',
    },
  ],
});
