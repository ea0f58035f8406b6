import rule from '../../../server/src/engine/rules/exec-form-invalid-json';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    'FROM node:22-slim\nENTRYPOINT []\n',
    { name: 'shell test command', code: 'FROM alpine:3.21\nRUN [ -f /etc/app.conf ] || touch /etc/app.conf\n' },
    { name: 'shell test of a quoted string', code: 'FROM alpine:3.21\nRUN [ "$MODE" = "prod" ] && echo prod\n' },
    { name: 'single-element test with spaces', code: "FROM alpine:3.21\nCMD [ 'x' ]\n" },
    { name: 'shell form', code: "FROM alpine:3.21\nCMD echo '[a, b]'\n" },
    { name: 'valid JSON over a continuation', code: 'FROM alpine:3.21\nCMD ["sh", \\\n    "-c", "echo hi"]\n' },
    { name: 'valid JSON escapes', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\\\app\\\\run.exe", "\\u0041"]\n' },
    { name: 'HEALTHCHECK NONE and valid CMD', code: 'FROM alpine:3.21\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["wget", "-q", "localhost"]\n' },
    { name: 'RUN heredoc', code: 'FROM alpine:3.21\nRUN <<EOF\n[\'a\', \'b\']\nEOF\n' },
    { name: 'COPY is not judged', code: "FROM alpine:3.21\nCOPY ['a', '/b/']\n" },
  ],
  invalid: [
    {
      name: 'single quotes',
      code: "FROM node:22-slim\nCMD ['node', 'server.js']\n",
      errors: [{ at: '2:6-2:12', messageId: 'invalidJson', data: { keyword: 'CMD', problem: 'JSON strings need double quotes, not single quotes', result: 'Docker runs the whole text as a shell command, which fails or does something else' }, fixes: ['rewriteAsJson'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'typographic quotes',
      code: 'FROM node:22-slim\nENTRYPOINT [\u201cnode\u201d, \u201capp.js\u201d]\n',
      errors: [{ at: '2:13-2:14', messageId: 'invalidJson', data: { keyword: 'ENTRYPOINT', problem: 'the typographic quote `\u201c` is no JSON quote', result: 'Docker runs the whole text as a shell command, which fails or does something else' }, fixes: ['rewriteAsJson'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nENTRYPOINT ["node", "app.js"]\n',
    },
    {
      name: 'trailing comma',
      code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;",]\n',
      errors: [{ at: '2:34-2:35', messageId: 'invalidJson', fixes: ['rewriteAsJson'] }],
      output: null,
      unsafeOutput: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'text after the bracket',
      code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"] # start nginx\n',
      errors: [{ at: '2:36-2:49', messageId: 'invalidJson', data: { keyword: 'CMD', problem: 'nothing may follow the closing `]`', result: 'Docker runs the whole text as a shell command, which fails or does something else' } }],
      output: null,
    },
    {
      name: 'single element text after',
      code: 'FROM alpine:3.21\nRUN ["true"] && echo done\n',
      errors: [{ at: '2:14-2:26', messageId: 'invalidJson' }],
      output: null,
    },
    {
      name: 'backslash that is no escape',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\app\\run.exe"]\n',
      errors: [{ at: '2:9-2:11', messageId: 'invalidJson', data: { keyword: 'CMD', problem: '`\\a` is no JSON escape (write a backslash as `\\\\`)', result: 'Docker runs the whole text as a shell command, which fails or does something else' }, fixes: ['rewriteAsJson'] }],
      output: null,
      unsafeOutput: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\\\app\\\\run.exe"]\n',
    },
    {
      name: 'HEALTHCHECK CMD, SHELL, RUN and ONBUILD',
      code: "FROM alpine:3.21\nSHELL ['/bin/sh', '-c']\nHEALTHCHECK --interval=30s CMD ['wget', '-q', 'localhost']\nRUN ['echo', 'hi']\nONBUILD RUN ['make']\n",
      errors: [
        { at: '2:8-2:17', messageId: 'invalidJson', data: { keyword: 'SHELL', problem: 'JSON strings need double quotes, not single quotes', result: 'Docker rejects a SHELL that is not a JSON array' }, fixes: ['rewriteAsJson'] },
        { at: '3:33-3:39', messageId: 'invalidJson', fixes: ['rewriteAsJson'] },
        { at: '4:6-4:12', messageId: 'invalidJson', fixes: ['rewriteAsJson'] },
        { at: '5:14-5:20', messageId: 'invalidJson', fixes: ['rewriteAsJson'] },
      ],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nSHELL ["/bin/sh", "-c"]\nHEALTHCHECK --interval=30s CMD ["wget", "-q", "localhost"]\nRUN ["echo", "hi"]\nONBUILD RUN ["make"]\n',
    },
    {
      name: 'over a continuation: no rewrite',
      code: "FROM alpine:3.21\nCMD ['sh', \\\n    '-c', 'echo hi']\n",
      errors: [{ at: '2:6-2:10', messageId: 'invalidJson' }],
      output: null,
    },
  ],
});
