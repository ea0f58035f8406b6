import rule from '../../../server/src/engine/rules/apt-instead-of-apt-get';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:12-slim\nRUN apt-cache policy curl\n',
    { name: 'apt as an argument', code: 'FROM debian:12-slim\nRUN echo apt install\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n',
      errors: [{ at: '2:5-2:8', messageId: 'aptInScript', message: /apt-get/, fixes: ['useAptGet'] }, { at: '2:19-2:22', messageId: 'aptInScript', fixes: ['useAptGet'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'upgrade and full-upgrade change meaning; list has no equivalent; a path keeps its directory',
      code: 'FROM debian:12-slim\nRUN apt upgrade -y && apt full-upgrade -y && apt list --installed && /usr/bin/apt clean\n',
      errors: [{ at: '2:5-2:8', messageId: 'aptInScript', fixes: ['useAptGet'] }, { at: '2:23-2:26', messageId: 'aptInScript', fixes: ['useAptGet'] }, { at: '2:46-2:49', messageId: 'aptInScript' }, { at: '2:70-2:82', messageId: 'aptInScript', fixes: ['useAptGet'] }],
      output: 'FROM debian:12-slim\nRUN apt upgrade -y && apt full-upgrade -y && apt list --installed && /usr/bin/apt-get clean\n',
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get upgrade -y && apt-get dist-upgrade -y && apt list --installed && /usr/bin/apt-get clean\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12-slim\nONBUILD RUN apt remove -y vim\n',
      errors: [{ at: '2:13-2:16', messageId: 'aptInScript', fixes: ['useAptGet'] }],
      output: 'FROM debian:12-slim\nONBUILD RUN apt-get remove -y vim\n',
    },
  ],
});
