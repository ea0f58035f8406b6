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
      errors: [{ at: '3:1-3:4', messageId: 'consecutiveRuns', data: { count: '2' }, message: /2 consecutive RUN/, fixes: ['mergeRuns'] }],
      output: 'FROM alpine:3.21\nRUN mkdir /a && \\\n    touch /a/b\n',
    },
    {
      // Was: the comments between the RUNs moved above the merged RUN, away from the command they describe.
      name: 'comments between stay beside their command, inside the continuation, indented as the file indents (2 spaces)',
      code: 'FROM alpine:3.21\nRUN mkdir /a\n# make the file\nRUN touch \\\n  # inside\n  /a/b\n\n# private\nRUN chmod 600 /a/b\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns', data: { count: '3' }, message: /3 consecutive RUN/, fixes: ['mergeRuns'] }],
      output: 'FROM alpine:3.21\nRUN mkdir /a && \\\n  # make the file\n  touch \\\n  # inside\n  /a/b && \\\n  # private\n  chmod 600 /a/b\n',
    },
    {
      name: 'a continuation line holding only ; is dropped with its continuation',
      code: 'FROM alpine:3.21\nRUN mkdir /a \\\n    ;\nRUN touch /a/b\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns', fixes: ['mergeRuns'] }],
      output: 'FROM alpine:3.21\nRUN mkdir /a && \\\n    touch /a/b\n',
    },
    {
      name: "find's \\; stays",
      code: 'FROM alpine:3.21\nRUN find /tmp -name "*.log" -exec rm {} \\;\nRUN touch /a\n',
      errors: [{ at: '3:1-3:4', messageId: 'consecutiveRuns', fixes: ['mergeRuns'] }],
      output: 'FROM alpine:3.21\nRUN find /tmp -name "*.log" -exec rm {} \\; && \\\n    touch /a\n',
    },
    {
      name: "Windows PowerShell has no &&: unsafe merge with ';'",
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\nRUN New-Item -ItemType Directory C:/a\n# the file\nRUN New-Item C:/a/b\n",
      errors: [{ at: '5:1-5:4', messageId: 'consecutiveRuns', fixes: ['mergeRunsUnsafe'] }],
      output: null,
      unsafeOutput: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\nRUN New-Item -ItemType Directory C:/a; \\\n    # the file\n    New-Item C:/a/b\n",
    },
    {
      name: 'pwsh has &&, but PowerShell state carries over: unsafe',
      code: 'FROM mcr.microsoft.com/powershell:7.4-alpine-3.17\nSHELL ["pwsh", "-Command"]\nRUN Set-PSRepository -Name PSGallery -InstallationPolicy Trusted\nRUN Install-Module -Name dbatools\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns', fixes: ['mergeRunsUnsafe'] }],
      output: null,
      unsafeOutput: 'FROM mcr.microsoft.com/powershell:7.4-alpine-3.17\nSHELL ["pwsh", "-Command"]\nRUN Set-PSRepository -Name PSGallery -InstallationPolicy Trusted && \\\n    Install-Module -Name dbatools\n',
    },
    {
      name: 'a shell Dockwise does not know: no fix',
      code: 'FROM python:3.13\nSHELL ["python3", "-c"]\nRUN import sys\nRUN import os\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns' }],
      output: null,
    },
    {
      name: "cmd's CD in any letter case carries over: unsafe",
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN CD C:\\app\nRUN mkdir data\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns', fixes: ['mergeRunsUnsafe'] }],
      output: null,
      unsafeOutput: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN CD C:\\app && `\n    mkdir data\n',
    },
    {
      name: 'same flags merge; a chained RUN does not join the chain; the join puts && at the line start as the file does',
      code: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && true\nRUN --mount=type=cache,target=/root/.npm npm prune\nRUN --mount=type=cache,target=/root/.npm npm cache verify\n',
      errors: [{ at: '5:1-5:4', messageId: 'consecutiveRuns', fixes: ['mergeRuns'] }],
      output: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && true\nRUN --mount=type=cache,target=/root/.npm npm prune \\\n    && npm cache verify\n',
    },
    {
      name: 'cd carries over: unsafe',
      code: 'FROM alpine:3.21\nRUN cd /tmp\nRUN make\n',
      errors: [{ at: '3:1-3:4', messageId: 'consecutiveRuns', fixes: ['mergeRunsUnsafe'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN cd /tmp && \\\n    make\n',
    },
    {
      name: 'backtick escape',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\a\nRUN mkdir C:\\b\n',
      errors: [{ at: '4:1-4:4', messageId: 'consecutiveRuns', fixes: ['mergeRuns'] }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\a && `\n    mkdir C:\\b\n',
    },
    {
      name: 'a shell comment at the end of a body cannot be appended to',
      code: 'FROM alpine:3.21\nRUN mkdir /a # data\nRUN touch /a/b\n',
      errors: [{ at: '3:1-3:4', messageId: 'consecutiveRuns' }],
      output: null,
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM alpine:3.21\r\nRUN mkdir /a\r\nRUN touch /a/b\r\n',
      errors: [{ at: '3:1-3:4', messageId: 'consecutiveRuns', fixes: ['mergeRuns'] }],
      output: 'FROM alpine:3.21\r\nRUN mkdir /a && \\\r\n    touch /a/b\r\n',
    },
  ],
});
