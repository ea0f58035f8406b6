import rule from '../../../server/src/engine/rules/blank-line-between-stages';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN echo hi\n',
    { name: 'one blank line, then the comment that belongs to the stage', code: 'FROM golang:1.23 AS build\nRUN go build .\n\n# runtime\n# image\nFROM alpine:3.21\n' },
    { name: 'one blank line right above FROM, comment block above it', code: 'FROM golang:1.23 AS build\nRUN go build .\n# ---- runtime ----\n\nFROM alpine:3.21\n' },
    { name: 'ARGs before the first FROM', code: 'ARG V=1\n\n\nFROM alpine:3.21\n' },
    { name: 'a stage with only its FROM', code: 'FROM alpine:3.21 AS a\n\nFROM a\n' },
    { name: 'a heredoc whose body ends in a comment', code: 'FROM alpine:3.21\nRUN <<EOF\necho hi\n# done\nEOF\n\nFROM alpine:3.21\n' },
    { name: 'CRLF', code: 'FROM alpine:3.21 AS a\r\nRUN true\r\n\r\nFROM a\r\n' },
  ],
  invalid: [
    {
      name: 'no blank line: inserted above the comment that belongs to the stage',
      code: 'FROM golang:1.23 AS build\nRUN go build .\n# runtime\nFROM alpine:3.21\nCOPY --from=build /app /app\n',
      errors: [{ at: '4:1-4:5', messageId: 'missingBlankLine', fixes: ['insertBlankLine'] }],
      output: 'FROM golang:1.23 AS build\nRUN go build .\n\n# runtime\nFROM alpine:3.21\nCOPY --from=build /app /app\n',
    },
    {
      name: 'three blank lines (one with spaces) become one; lowercase from',
      code: 'FROM golang:1.23 AS build\nRUN go build .\n\n  \n\nfrom alpine:3.21\n',
      errors: [{ at: '6:1-6:5', messageId: 'extraBlankLines', data: { count: '3' }, fixes: ['removeBlankLines'] }],
      output: 'FROM golang:1.23 AS build\nRUN go build .\n\nfrom alpine:3.21\n',
    },
    {
      name: 'a FROM right after a FROM, CRLF',
      code: 'FROM alpine:3.21 AS a\r\nFROM a\r\n',
      errors: [{ at: '2:1-2:5', messageId: 'missingBlankLine', fixes: ['insertBlankLine'] }],
      output: 'FROM alpine:3.21 AS a\r\n\r\nFROM a\r\n',
    },
  ],
});
