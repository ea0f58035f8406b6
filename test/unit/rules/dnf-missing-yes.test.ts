import rule from '../../../server/src/engine/rules/dnf-missing-yes';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd\n',
    'FROM fedora:40\nRUN microdnf --assumeyes install httpd\n',
    'FROM fedora:40\nRUN dnf makecache && dnf clean all\n',
  ],
  invalid: [
    {
      name: 'an upgrade asks too (this case was valid before the one table of package managers)',
      code: 'FROM fedora:40\nRUN dnf upgrade-minimal && dnf remove vim\n',
      errors: [{ at: '2:5-2:8', messageId: 'missingYes', data: { tool: 'dnf', subcommand: 'upgrade-minimal' }, message: /`dnf upgrade-minimal`/, fixes: ['addYes'] }, { at: '2:28-2:31', messageId: 'missingYes', message: /`dnf remove`/, fixes: ['addYes'] }],
      output: 'FROM fedora:40\nRUN dnf upgrade-minimal -y && dnf remove -y vim\n',
    },
    {
      code: 'FROM fedora:40\nRUN dnf --setopt=install_weak_deps=False install httpd\n',
      errors: [{ at: '2:5-2:8', messageId: 'missingYes', message: /`dnf install` without `-y`/, fixes: ['addYes'] }],
      output: 'FROM fedora:40\nRUN dnf --setopt=install_weak_deps=False install -y httpd\n',
    },
    {
      name: 'microdnf in a heredoc and ONBUILD',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN <<EOF\nmicrodnf install git\nEOF\nONBUILD RUN dnf groupinstall tools\n',
      errors: [{ at: '3:1-3:9', messageId: 'missingYes', data: { tool: 'microdnf', subcommand: 'install' }, message: /microdnf/, fixes: ['addYes'] }, { at: '5:13-5:16', messageId: 'missingYes', fixes: ['addYes'] }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN <<EOF\nmicrodnf install -y git\nEOF\nONBUILD RUN dnf groupinstall -y tools\n',
    },
  ],
});
