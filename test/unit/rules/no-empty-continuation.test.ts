import rule from '../../../server/src/engine/rules/no-empty-continuation';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    { name: 'a comment line inside the continuation is not empty', code: 'FROM debian:12-slim\nRUN apt-get update && \\\n# install\n    apt-get install -y curl\n' },
    { name: 'blank lines between instructions', code: 'FROM debian:12-slim\n\nRUN true\n\n' },
    { name: 'blank lines in a heredoc body', code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\n\napt-get update\nEOF\n' },
    { name: 'blank lines in a COPY heredoc', code: 'FROM debian:12-slim\nCOPY <<EOF /etc/motd\nhello\n\nworld\nEOF\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN apt-get update && \\\n\n    apt-get install -y curl\n', errors: [{ at: '3:1-4:1', messageId: 'emptyLine', data: {}, message: /Empty line/, fixes: ['removeEmptyLine'] }], output: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
    {
      // One finding for the run: a fix per line left the next empty line, and the same finding, in its place.
      name: 'whitespace-only lines, several, CRLF',
      code: 'FROM debian:12-slim\r\nRUN apt-get update && \\\r\n   \r\n\r\n    apt-get install -y curl\r\nCMD ["bash"]\r\n',
      errors: [{ at: '3:1-5:1', messageId: 'emptyLines', data: { count: '2' }, message: /^2 empty lines inside/, fixes: ['removeEmptyLines'] }],
      output: 'FROM debian:12-slim\r\nRUN apt-get update && \\\r\n    apt-get install -y curl\r\nCMD ["bash"]\r\n',
    },
    {
      name: 'lone CR line endings, three empty lines, two runs',
      code: 'FROM alpine:3.21\rRUN curl \\\r\r\r\r  && curl \\\r\r  && true\r',
      errors: [{ at: '3:1-6:1', messageId: 'emptyLines', data: { count: '3' }, message: /^3 empty lines/, fixes: ['removeEmptyLines'] }, { at: '7:1-8:1', messageId: 'emptyLine', message: /^Empty line inside/, fixes: ['removeEmptyLine'] }],
      output: 'FROM alpine:3.21\rRUN curl \\\r  && curl \\\r  && true\r',
    },
    { name: 'ENV and a backtick escape', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=1 `\n\n    B=2\n', errors: [{ at: '4:1-5:1', messageId: 'emptyLine', fixes: ['removeEmptyLine'] }], output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=1 `\n    B=2\n' },
    { name: 'before a heredoc on a continued line', code: 'FROM debian:12-slim\nRUN \\\n\n  <<EOF\napt-get update\nEOF\n', errors: [{ at: '3:1-4:1', messageId: 'emptyLine', fixes: ['removeEmptyLine'] }], output: 'FROM debian:12-slim\nRUN \\\n  <<EOF\napt-get update\nEOF\n' },
  ],
});
