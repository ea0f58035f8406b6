import rule from '../../../server/src/engine/rules/instruction-casing';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN apk add --no-cache curl\nCMD ["curl"]\n',
    'from alpine:3.21\nrun apk add --no-cache curl\ncmd ["curl"]\n',
    { name: 'a heredoc body is not instructions', code: 'FROM alpine:3.21\nRUN <<EOF\nrun this\nfrom here\nEOF\n' },
    // Unknown keywords neither vote nor get "fixed": jq's `sub("[a-zA-Z]"; "")` once became `SUB("[A-ZA-Z]"; "")`.
    { name: 'unknown lowercase lines do not vote', code: 'FROM alpine:3.21\nRUN true\ndef x:\nsub("[a-zA-Z]"; "")\nend\n' },
    { name: 'lowercase words after the keyword', code: 'FROM alpine:3.21 as build\nONBUILD RUN echo run\n' },
  ],
  invalid: [
    { name: 'minority lowercase', code: 'FROM alpine:3.21\nrun apk add --no-cache curl\nCMD ["curl"]\n', errors: [{ at: '2:1-2:4', messageId: 'mostlyUppercase', data: { keyword: 'RUN', count: '2' }, message: /Write "RUN": 2 of the file's instructions are in uppercase/, fixes: ['writeKeyword'] }], output: 'FROM alpine:3.21\nRUN apk add --no-cache curl\nCMD ["curl"]\n' },
    { name: 'majority lowercase', code: 'from alpine:3.21\nrun apk add --no-cache curl\nCMD ["curl"]\n', errors: [{ at: '3:1-3:4', messageId: 'mostlyLowercase', data: { keyword: 'cmd', count: '2' }, message: /Write "cmd": 2 .* lowercase/, fixes: ['writeKeyword'] }], output: 'from alpine:3.21\nrun apk add --no-cache curl\ncmd ["curl"]\n' },
    { name: 'a tie goes to uppercase', code: 'from alpine:3.21\nRUN true\n', errors: [{ at: '1:1-1:5', messageId: 'mostlyUppercase', data: { keyword: 'FROM', count: '1' }, fixes: ['writeKeyword'] }], output: 'FROM alpine:3.21\nRUN true\n' },
    { name: 'mixed case is always reported', code: 'FROM alpine:3.21\nRun true\n', errors: [{ at: '2:1-2:4', messageId: 'mostlyUppercase', fixes: ['writeKeyword'] }], output: 'FROM alpine:3.21\nRUN true\n' },
    { name: 'ONBUILD trigger', code: 'FROM alpine:3.21\nONBUILD run true\n', errors: [{ at: '2:9-2:12', messageId: 'mostlyUppercase', fixes: ['writeKeyword'] }], output: 'FROM alpine:3.21\nONBUILD RUN true\n' },
  ],
});
