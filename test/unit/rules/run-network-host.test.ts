import rule from '../../../server/src/engine/rules/run-network-host';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no network at all is the safe direction', code: 'FROM debian:12-slim\nRUN --network=none make\n' },
    'FROM debian:12-slim\nRUN --network=default apt-get update\n',
    { name: 'the words of the command are not flags', code: 'FROM debian:12-slim\nRUN docker build --network=host .\n' },
    { name: 'a variable is not judged', code: 'FROM debian:12-slim\nARG NET=default\nRUN --network=$NET make\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nRUN --network=host pip install requests\n',
      errors: [{ at: '2:5-2:19', messageId: 'hostNetwork', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM python:3.13-slim\nRUN pip install requests\n',
    },
    {
      name: 'after another flag, before a heredoc',
      code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt --network=host <<EOF\napt-get update\nEOF\n',
      errors: [{ at: '2:46-2:60', messageId: 'hostNetwork', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt <<EOF\napt-get update\nEOF\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12-slim\nONBUILD RUN --network=host make\n',
      errors: [{ at: '2:13-2:27', messageId: 'hostNetwork', fixes: ['removeFlag'] }],
      unsafeOutput: 'FROM debian:12-slim\nONBUILD RUN make\n',
    },
  ],
});
