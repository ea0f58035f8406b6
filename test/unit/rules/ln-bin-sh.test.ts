import rule from '../../../server/src/engine/rules/ln-bin-sh';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n',
    'FROM debian:12-slim\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
    { name: 'a suffix value is not the target', code: 'FROM debian:12-slim\nRUN ln -S /bin/sh -s a b\n' },
    { name: 'copying the shell away leaves it in place', code: 'FROM debian:12-slim\nRUN cp /bin/sh /opt/sh && mv /usr/bin/sh.distrib /tmp/ && cp -t /bin/sh a\n' },
    { name: 'a login shell is not the shell RUN uses', code: 'FROM debian:12-slim\nRUN chsh -s /bin/bash root && usermod -s /bin/zsh app\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n', errors: [{ at: '2:22-2:29', messageId: 'replacesBinSh', message: /SHELL/ }] },
    { name: 'cp and mv onto it, /usr/bin/sh, through sudo', code: 'FROM debian:12-slim\nRUN cp /bin/bash /bin/sh && sudo mv -f /bin/dash /usr/bin/sh\n', errors: [{ at: '2:18-2:25', messageId: 'replacesBinSh' }, { at: '2:50-2:61', messageId: 'replacesBinSh' }] },
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD RUN ln -s -f bash /bin/sh\n', errors: [{ at: '2:27-2:34', messageId: 'replacesBinSh' }] },
  ],
});
