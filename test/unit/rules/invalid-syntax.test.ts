import rule from '../../../server/src/engine/rules/invalid-syntax';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21 AS base\nCOPY --from=base --chown=1:1 --link /a /b\nRUN --mount=type=cache,target=/x true\nHEALTHCHECK --interval=30s CMD true\n',
    { name: 'comment inside a continuation is fine', code: 'FROM alpine:3.21\nRUN apk add \\\n  # tools\n  curl\n' },
    { name: 'heredoc COPY', code: 'FROM alpine:3.21\nCOPY <<EOF /etc/motd\nhello\nEOF\n' },
    // template-file reports a template's text: its lines are not Docker's to reject yet.
    { name: 'lines of a template', code: '{{ if env.variant == "alpine" then ( -}}\nFROM alpine:3.21\n{{ ) else ( -}}\nFROM debian:12-slim\n{{ ) end -}}\n{{\n  def arches:\n    { amd64: "x86_64" }\n-}}\nRUN true\n' },
    { name: 'backtick escape with backslashes in paths', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n  && echo done\n' },
  ],
  invalid: [
    {
      name: 'text after the continuation character',
      code: 'FROM debian:12-slim\nRUN apt-get update && \\ # refresh\n    apt-get install -y curl\n',
      // One mistake, one finding: the line it cuts off is not reported again as an unknown instruction.
      errors: [{ at: '2:23-2:24', messageId: 'problemThenUnknown', data: { problem: 'Text after the line-continuation character ends the instruction here: the next line becomes an instruction of its own', instruction: 'apt-get' }, message: /^Text after the line-continuation character .* \(unknown instruction apt-get\)$/ }],
    },
    {
      name: 'a broken continuation cuts off several lines',
      code: 'FROM debian:12-slim\nRUN set -eux; \\ # then\n    apt-get update\n    apt-get install -y curl\n\n# done\nUSER 1000\n',
      errors: [{ at: '2:15-2:16', messageId: 'problemThenUnknownAndMore', data: { problem: 'Text after the line-continuation character ends the instruction here: the next line becomes an instruction of its own', instruction: 'apt-get', more: '1', line: '4' }, message: /\(unknown instruction apt-get, and 1 more after it, to line 4\)$/ }],
    },
    {
      name: 'pasted shell lines are one finding',
      code: 'FROM alpine:3.21\napk add curl\ncurl -fsSLo /usr/local/bin/x https://example.com/x \\\n  && chmod +x /usr/local/bin/x\n# then\nx --version\nUSER 1000\n',
      errors: [{ at: '2:1-2:4', messageId: 'problemAndMore', data: { problem: 'Unknown instruction apk', more: '2', line: '6' }, message: /^Unknown instruction apk \(and 2 more after it, to line 6\)$/ }],
    },
    {
      name: 'unknown instructions apart are reported apart',
      code: 'FROM alpine:3.21\nRUNN true\nUSER 1000\nCOPPY a b\n',
      errors: [{ at: '2:1-2:5', messageId: 'problem', data: { problem: 'Unknown instruction RUNN' }, message: /^Unknown instruction RUNN$/ }, { at: '4:1-4:6', messageId: 'problem', message: /^Unknown instruction COPPY$/ }],
    },
    { name: 'misspelt flag', code: 'FROM alpine:3.21\nCOPY --form=build /a /b\n', errors: [{ at: '2:6-2:18', messageId: 'problem', data: { problem: 'Unknown flag --form for COPY' }, message: /Unknown flag --form/ }] },
    { name: 'flag without value', code: 'FROM alpine:3.21\nCOPY --from= /a /b\n', errors: [{ at: '2:6-2:13', messageId: 'problem', message: /needs a value/ }] },
    { name: 'missing arguments', code: 'FROM alpine:3.21\nWORKDIR\nCOPY onlyone\n', errors: [{ at: '2:1-2:8', messageId: 'problem', message: /at least one/ }, { at: '3:1-3:5', messageId: 'problem', message: /source and a destination/ }] },
    { name: 'FROM with a bad AS', code: 'FROM alpine:3.21 ASS base\n', errors: [{ at: '1:18-1:21', messageId: 'problem', message: /Expected AS/ }] },
    { name: 'ENV key without value', code: 'FROM alpine:3.21\nENV DEBUG\n', errors: [{ at: '2:5-2:10', messageId: 'problem', message: /no value/ }] },
    { name: 'unterminated heredoc', code: 'FROM alpine:3.21\nRUN <<EOF\necho hi\n', errors: [{ at: '2:1-2:4', messageId: 'problem', message: /never terminated/ }] },
    { name: 'ONBUILD FROM', code: 'FROM alpine:3.21\nONBUILD FROM debian\n', errors: [{ at: '2:9-2:13', messageId: 'problem', message: /not allowed/ }] },
  ],
});
