import rule from '../../../server/src/engine/rules/zypper-dist-upgrade';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n update curl\n',
    { name: 'dup as a package name', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install dup\n' },
  ],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n', errors: [{ at: '2:15-2:27', messageId: 'distUpgrade', message: /dist-upgrade/ }] },
    { name: 'short form and ONBUILD', code: 'FROM opensuse/leap:15.6\nRUN zypper dup -y\nONBUILD RUN zypper -n dup\n', errors: [{ at: '2:12-2:15', messageId: 'distUpgrade' }, { at: '3:23-3:26', messageId: 'distUpgrade' }] },
  ],
});
