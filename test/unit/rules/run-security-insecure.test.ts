import rule from '../../../server/src/engine/rules/run-security-insecure';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN --security=sandbox make\n',
    'FROM debian:12-slim\nRUN make\n',
    { name: 'the words of the command are not flags', code: 'FROM debian:12-slim\nRUN echo --security=insecure\n' },
    { name: 'a variable is not judged', code: 'FROM debian:12-slim\nARG MODE=sandbox\nRUN --security=$MODE make\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN --security=insecure mount -t tmpfs none /mnt\n',
      errors: [{ at: '2:5-2:24', messageId: 'insecure', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN mount -t tmpfs none /mnt\n',
    },
    {
      name: 'among other flags, before a continuation, in a later stage',
      code: 'FROM debian:12-slim AS build\nRUN true\nFROM build\nRUN --mount=type=cache,target=/root/.cache --security=insecure \\\n  # privileged\n  losetup -a\n',
      errors: [{ at: '4:44-4:63', messageId: 'insecure', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM debian:12-slim AS build\nRUN true\nFROM build\nRUN --mount=type=cache,target=/root/.cache \\\n  # privileged\n  losetup -a\n',
    },
    {
      name: 'ONBUILD and exec form',
      code: 'FROM debian:12-slim\nONBUILD RUN --security=insecure ["losetup", "-a"]\n',
      errors: [{ at: '2:13-2:32', messageId: 'insecure', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM debian:12-slim\nONBUILD RUN ["losetup", "-a"]\n',
    },
  ],
});
