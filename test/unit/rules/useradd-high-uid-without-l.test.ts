import rule from '../../../server/src/engine/rules/useradd-high-uid-without-l';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN useradd -u 10001 app\n',
    'FROM debian:12-slim\nRUN useradd -l -u 123456 app\n',
    'FROM debian:12-slim\nRUN useradd --no-log-init --uid 123456 app\n',
    'FROM debian:12-slim\nRUN useradd -lu 123456 app\n',
    'FROM debian:12-slim\nRUN useradd app\n',
    { name: 'a variable we cannot resolve', code: 'FROM debian:12-slim\nRUN useradd -u "$UID" app\n' },
    { name: 'an ARG with a low default', code: 'FROM debian:12-slim\nARG APP_UID=1000\nRUN useradd -u ${APP_UID} app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN useradd -u 123456 app\n',
      errors: [{ at: '2:5-2:12', messageId: 'highUidWithoutL', data: { uid: '123456' }, message: /123456/, fixes: ['addNoLogInit'] }],
      output: 'FROM debian:12-slim\nRUN useradd -l -u 123456 app\n',
    },
    {
      name: '--uid, a resolved ARG, and ONBUILD',
      code: 'FROM debian:12-slim\nARG APP_UID=200000\nRUN useradd -m --uid=$APP_UID app\nONBUILD RUN useradd -r -u 999999 svc\n',
      errors: [{ at: '3:5-3:12', messageId: 'highUidWithoutL', message: /200000/, fixes: ['addNoLogInit'] }, { at: '4:13-4:20', messageId: 'highUidWithoutL', fixes: ['addNoLogInit'] }],
      output: 'FROM debian:12-slim\nARG APP_UID=200000\nRUN useradd -l -m --uid=$APP_UID app\nONBUILD RUN useradd -l -r -u 999999 svc\n',
    },
  ],
});
