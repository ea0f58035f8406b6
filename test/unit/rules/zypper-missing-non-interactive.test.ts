import rule from '../../../server/src/engine/rules/zypper-missing-non-interactive';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper rm -y curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper install --no-confirm curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper refresh\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ at: '2:5-2:11', messageId: 'missingNonInteractive', data: { subcommand: 'install' }, message: /without `-n`/, fixes: ['addYes'] }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n',
    },
    {
      name: 'every subcommand that asks, with a repo option, and ONBUILD',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --root /mnt si pkg && zypper patch\nONBUILD RUN zypper remove vim\n',
      errors: [{ at: '2:5-2:11', messageId: 'missingNonInteractive', fixes: ['addYes'] }, { at: '2:34-2:40', messageId: 'missingNonInteractive', fixes: ['addYes'] }, { at: '3:13-3:19', messageId: 'missingNonInteractive', fixes: ['addYes'] }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --root /mnt si -y pkg && zypper patch -y\nONBUILD RUN zypper remove -y vim\n',
    },
  ],
});
