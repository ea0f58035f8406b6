import rule from '../../../server/src/engine/rules/run-in-empty-scratch';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN ["/bin/mkdir", "/data"]\n',
    { name: 'a program copied in first', code: 'FROM scratch\nCOPY --from=busybox:1.37 /bin/busybox /bin/busybox\nRUN ["/bin/busybox", "mkdir", "/data"]\n' },
    { name: 'copied in the stage it is built FROM', code: 'FROM scratch AS base\nADD rootfs.tar.gz /\nFROM base\nRUN ["/bin/true"]\n' },
    { name: 'the shell form is shell-form-in-shell-less-image\'s', code: 'FROM scratch\nRUN mkdir /data\n' },
    { name: 'a variable image', code: 'ARG BASE\nFROM $BASE\nRUN ["/bin/true"]\n' },
  ],
  invalid: [
    {
      code: 'FROM scratch\nRUN ["/bin/mkdir", "/data"]\nCOPY app /app\n',
      errors: [{ at: '2:5-2:28', messageId: 'nothingToRun', data: { program: '/bin/mkdir' }, message: /`\/bin\/mkdir` does not exist/ }],
    },
    {
      name: 'a stage built FROM an empty scratch stage, with flags',
      code: 'FROM scratch AS empty\nLABEL a=b\nFROM empty\nRUN --network=none [ "/busybox", "true" ]\n',
      errors: [{ at: '4:20-4:42', messageId: 'nothingToRun', data: { program: '/busybox' } }],
    },
  ],
});
