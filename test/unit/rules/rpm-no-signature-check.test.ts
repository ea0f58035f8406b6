import rule from '../../../server/src/engine/rules/rpm-no-signature-check';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM rockylinux:9\nRUN rpm -ivh https://example.com/tool.rpm\n',
    { name: 'queries and checks verify nothing to skip', code: 'FROM rockylinux:9\nRUN rpm -qa --nosignature && rpm -K --nodigest /tmp/x.rpm && rpm -q --nosignature bash\n' },
    { name: 'echo, a value of --define, dnf', code: 'FROM rockylinux:9\nRUN echo rpm -i --nosignature && rpm -i --define --nosignature x.rpm && dnf install -y --nosignature x\n' },
    { name: 'RPMs another stage built', code: 'FROM rockylinux:9 AS build\nRUN rpmbuild -bb x.spec\nFROM rockylinux:9\nRUN --mount=type=bind,from=build,source=/root/rpmbuild/RPMS,target=/rpms rpm -ivh --nosignature /rpms/x86_64/x-1.0.rpm\n' },
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN rpm -ivh --nosignature https://example.com/tool.rpm\n',
      errors: [{ at: '2:14-2:27', messageId: 'noCheck', data: { flag: '--nosignature', what: 'signature' }, message: /its signature/, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM rockylinux:9\nRUN rpm -ivh https://example.com/tool.rpm\n',
    },
    {
      name: 'upgrade with several, long mode names',
      code: 'FROM rockylinux:9\nRUN rpm -Uvh --nodigest --nofiledigest /tmp/a.rpm && rpm --install --noverify /tmp/b.rpm\n',
      errors: [
        { at: '2:14-2:24', messageId: 'noCheck', message: /its digests/, fixes: ['removeFlag'] },
        { at: '2:25-2:39', messageId: 'noCheck', fixes: ['removeFlag'] },
        { at: '2:68-2:78', messageId: 'noCheck', fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM rockylinux:9\nRUN rpm -Uvh /tmp/a.rpm && rpm --install /tmp/b.rpm\n',
    },
  ],
});
