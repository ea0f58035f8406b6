import rule from '../../../server/src/engine/rules/ln-bin-sh';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n',
    'FROM debian:12-slim\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
    { name: 'a suffix value is not the target', code: 'FROM debian:12-slim\nRUN ln -S /bin/sh -s a b\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n', errors: [{ at: '2:22-2:29', messageId: 'replacesBinSh', message: /SHELL/ }] },
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD RUN ln -s -f bash /bin/sh\n', errors: [{ at: '2:27-2:34', messageId: 'replacesBinSh' }] },
  ],
});
