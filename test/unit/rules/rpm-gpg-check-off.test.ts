import rule from '../../../server/src/engine/rules/rpm-gpg-check-off';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM rockylinux:9\nRUN dnf install -y nginx && dnf clean all\n',
    { name: 'checks on, other options, echo', code: 'FROM rockylinux:9\nRUN dnf install -y --setopt=gpgcheck=1 --setopt=install_weak_deps=False x && echo yum --nogpgcheck\n' },
    { name: 'repo_gpgcheck is off by default; a value of -x', code: 'FROM rockylinux:9\nRUN yum install -y --setopt=repo_gpgcheck=0 -x --nogpgcheck x\n' },
    { name: 'rpm itself is another rule', code: 'FROM rockylinux:9\nRUN rpm -i --nosignature /tmp/x.rpm\n' },
    { name: 'RPMs another stage built', code: 'FROM rockylinux:9 AS build\nRUN rpmbuild -bb x.spec\nFROM rockylinux:9\nCOPY --from=build /root/rpmbuild/RPMS/ /rpms/\nRUN dnf install -y --nogpgcheck /rpms/x86_64/x-1.0.rpm\n' },
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck nginx && dnf clean all\n',
      errors: [{ at: '2:20-2:32', messageId: 'gpgOff', data: { flag: '--nogpgcheck' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM rockylinux:9\nRUN dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'setopt with = and with a separate value, microdnf, yum-config-manager',
      code: 'FROM rockylinux:9\nRUN microdnf install -y --setopt=tsflags=nodocs --setopt gpgcheck=0 x\nRUN yum-config-manager --save --setopt=*.sslverify=False\n',
      errors: [
        { at: '2:49-2:68', messageId: 'gpgOff', data: { flag: '--setopt gpgcheck=0' }, fixes: ['removeFlag'] },
        { at: '3:31-3:57', messageId: 'sslOff', data: { flag: '--setopt=*.sslverify=False' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM rockylinux:9\nRUN microdnf install -y --setopt=tsflags=nodocs x\nRUN yum-config-manager --save\n',
    },
    {
      name: 'dnf5 config-manager setopt, and through sudo',
      code: 'FROM fedora:41\nRUN dnf config-manager setopt fedora.sslverify=0 && sudo tdnf install -y --nogpg x\n',
      errors: [
        { at: '2:31-2:49', messageId: 'sslOff', fixes: [] },
        { at: '2:74-2:81', messageId: 'gpgOff', data: { flag: '--nogpg' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM fedora:41\nRUN dnf config-manager setopt fedora.sslverify=0 && sudo tdnf install -y x\n',
    },
  ],
});
