import rule from '../../../server/src/engine/rules/env-self-reference';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
    'FROM debian:12-slim\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n',
    { name: 'defined earlier: the old value is meant', code: 'FROM debian:12-slim\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'defined by ARG', code: 'FROM debian:12-slim\nARG V=1\nENV V=2 W=${V}\n' },
    { name: 'single quotes do not expand', code: "FROM debian:12-slim\nENV A=1 B='$A'\n" },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n',
      errors: [{ at: '2:27-2:36', messageId: 'setInSameEnv', data: { name: 'APP_HOME' }, message: /`APP_HOME` is set in this same ENV/ }],
    },
    {
      name: 'braces, a later key, and ONBUILD',
      code: 'FROM debian:12-slim\nENV B="${A}/x" A=1\nONBUILD ENV X=1 Y=$X\n',
      errors: [{ at: '2:8-2:12', messageId: 'setInSameEnv', data: { name: 'A' } }, { at: '3:19-3:21', messageId: 'setInSameEnv', data: { name: 'X' } }],
    },
  ],
});
