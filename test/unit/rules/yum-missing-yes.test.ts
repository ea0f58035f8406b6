import rule from '../../../server/src/engine/rules/yum-missing-yes';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd\n',
    'FROM centos:7\nRUN yum --assumeyes install httpd\n',
    'FROM centos:7\nRUN yum -yq groupinstall "Development Tools"\n',
    'FROM centos:7\nRUN yum clean all && yum makecache\n',
    { name: 'a repo option value is not the subcommand', code: 'FROM centos:7\nRUN yum --setopt tsflags=nodocs -y install httpd\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd\n',
      errors: [{ at: '2:5-2:8', messageId: 'missingYes', data: { subcommand: 'install' }, message: /without `-y`/, fixes: ['addYes'] }],
      output: 'FROM centos:7\nRUN yum install -y httpd\n',
    },
    {
      name: 'localinstall and groupinstall, in sh -c and ONBUILD',
      code: 'FROM centos:7\nRUN yum localinstall /tmp/x.rpm && sh -c "yum groupinstall base"\nONBUILD RUN /usr/bin/yum -q install git\n',
      errors: [{ at: '2:5-2:8', messageId: 'missingYes', fixes: ['addYes'] }, { at: '2:43-2:46', messageId: 'missingYes', fixes: ['addYes'] }, { at: '3:13-3:25', messageId: 'missingYes', fixes: ['addYes'] }],
      output: 'FROM centos:7\nRUN yum localinstall -y /tmp/x.rpm && sh -c "yum groupinstall -y base"\nONBUILD RUN /usr/bin/yum -q install -y git\n',
    },
  ],
});
