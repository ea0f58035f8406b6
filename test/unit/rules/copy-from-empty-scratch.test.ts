import rule from '../../../server/src/engine/rules/copy-from-empty-scratch';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\n',
    { name: 'a scratch stage that was filled', code: 'FROM golang:1.23 AS build\nFROM scratch AS artifact\nCOPY --from=build /a /a\nFROM alpine:3.21\nCOPY --from=artifact /a /a\n' },
    { name: 'filled by ADD, a heredoc or WORKDIR', code: 'FROM scratch AS a\nADD app.tar.gz /\nFROM scratch AS b\nCOPY <<EOF /x\nhi\nEOF\nFROM scratch AS c\nWORKDIR /data\nFROM alpine:3.21\nCOPY --from=a / /a\nCOPY --from=b /x /x\nCOPY --from=c /data /data\n' },
    { name: 'filled in a stage it is built FROM', code: 'FROM scratch AS base\nCOPY app /app\nFROM base AS more\nFROM alpine:3.21\nCOPY --from=more /app /app\n' },
    { name: 'the scratch image, not a stage', code: 'FROM alpine:3.21\nCOPY --from=scratch / /x\n' },
    { name: 'an unresolved variable', code: 'FROM scratch AS empty\nFROM alpine:3.21\nCOPY --from=$SRC /a /a\n' },
    { name: 'a stage on a variable image', code: 'ARG BASE\nFROM $BASE AS base\nFROM alpine:3.21\nCOPY --from=base /a /a\n' },
    { name: 'its root: nothing copied, and no failure (content only some builds fill)', code: 'ARG FROM_SOURCE=false\nFROM golang:1.23 AS tool-build\nFROM scratch AS tool-false\nFROM scratch AS tool-true\nCOPY --from=tool-build /out/tool /tool\nFROM tool-${FROM_SOURCE} AS tool\nFROM alpine:3.21\nCOPY --from=tool / /usr/bin/\n' },
  ],
  invalid: [
    {
      code: 'FROM scratch AS artifact\nFROM alpine:3.21\nCOPY --from=artifact /out/app /app\n',
      errors: [{ at: '3:13-3:21', messageId: 'emptyStage', data: { stage: 'artifact' }, message: /nothing copied into it/ }],
    },
    {
      name: 'by number, through a stage built FROM it, and through an ARG',
      code: 'FROM scratch AS empty\nLABEL a=b\nFROM empty AS next\nFROM alpine:3.21\nARG SRC=next\nCOPY --from=0 /a /a\nCOPY --from=${SRC} /b /b\n',
      errors: [
        { at: '6:13-6:14', messageId: 'emptyStage', data: { stage: 'empty' } },
        { at: '7:13-7:19', messageId: 'emptyStage', data: { stage: 'next' } },
      ],
    },
  ],
});
