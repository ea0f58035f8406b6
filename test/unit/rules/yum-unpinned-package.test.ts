import rule from '../../../server/src/engine/rules/yum-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 python3-pip-9.0.3-8.el7 /tmp/x.rpm\n',
    'FROM centos:7\nRUN yum module install -y nodejs:20\n',
    'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n',
    'FROM centos:7\nRUN yum install -y @development\n',
    { name: 'a version in an ARG', code: 'FROM centos:7\nARG V=2.4.6\nRUN yum install -y httpd-${V}\n' },
  ],
  invalid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd python3-pip\n', errors: [{ at: '2:20-2:37', messageId: 'unpinned', message: /^Pin the version of `httpd`, `python3-pip` \(`yum install <package>-<version>`\)$/ }] },
    {
      name: 'a module without a stream, and ONBUILD',
      code: 'FROM centos:7\nRUN yum module install -y nodejs\nONBUILD RUN yum install -y git\n',
      errors: [{ at: '2:27-2:33', messageId: 'unpinned', message: /stream/ }, { at: '3:28-3:31', messageId: 'unpinned' }],
    },
  ],
});
