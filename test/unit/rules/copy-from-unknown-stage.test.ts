import rule from '../../../server/src/engine/rules/copy-from-unknown-stage';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS builder\nFROM scratch\nCOPY --from=builder /a /a\n',
    'FROM golang:1.23 AS builder\nFROM scratch\nCOPY --from=0 /a /a\n',
    { name: 'image references', code: 'FROM scratch\nCOPY --from=nginx:1.27 /etc/nginx /n\nCOPY --from=ghcr.io/org/tool /t /t\nCOPY --from=busybox /bin/sh /sh\n' },
    { name: 'an ARG naming a stage', code: 'ARG SRC=builder\nFROM golang:1.23 AS builder\nFROM scratch\nARG SRC\nCOPY --from=${SRC} /a /a\n' },
    { name: 'unresolved variables are not judged', code: 'FROM scratch\nCOPY --from=$UNKNOWN /a /a\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS builder\nFROM scratch\nCOPY --from=bulider /a /a\n',
      errors: [{ at: '3:13-3:20', messageId: 'unknownStage', data: { stage: 'bulider', alias: 'builder' }, message: /did you mean `builder`/, fixes: ['copyFromStage'] }],
      unsafeOutput: 'FROM golang:1.23 AS builder\nFROM scratch\nCOPY --from=builder /a /a\n',
    },
    {
      name: 'an index that is not earlier, and a stage defined further down',
      code: 'FROM scratch\nCOPY --from=1 /a /a\nCOPY --from=later /b /b\nFROM alpine:3.20 AS later\n',
      errors: [{ at: '2:13-2:14', messageId: 'noStageNumber', data: { number: '1' }, message: /no stage 1/ }, { at: '3:13-3:18', messageId: 'stageDefinedLater', data: { stage: 'later' }, message: /further down/ }],
    },
  ],
});
