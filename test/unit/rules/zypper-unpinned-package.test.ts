import rule from '../../../server/src/engine/rules/zypper-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 "git>=2.43" /tmp/x.rpm\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n --root /mnt in curl=8.6.0\n',
  ],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n', errors: [{ at: '2:23-2:27', messageId: 'unpinned', message: /`curl`/ }] },
    { name: 'in, and ONBUILD', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in -y git\n', errors: [{ at: '2:29-2:32', messageId: 'unpinned' }] },
  ],
});
