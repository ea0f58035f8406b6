import rule from '../../../server/src/engine/rules/yum-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n',
    'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n',
    { name: 'a builder stage that is only copied from', code: 'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ at: '2:5-2:25', messageId: 'cacheNotCleaned', message: /yum clean all/, fixes: ['appendClean'] }],
      output: 'FROM centos:7\nRUN yum install -y httpd && \\\n    yum clean all\n',
    },
    {
      name: 'a clean before the install does not count; rm of another folder does not count',
      code: 'FROM centos:7\nRUN yum clean all && \\\n  yum install -y httpd && \\\n  rm -rf /tmp/*\n',
      errors: [{ at: '3:3-3:23', messageId: 'cacheNotCleaned', fixes: ['appendClean'] }],
      output: 'FROM centos:7\nRUN yum clean all && \\\n  yum install -y httpd && \\\n  rm -rf /tmp/* && \\\n  yum clean all\n',
    },
    {
      name: 'ONBUILD and a base stage of the final one',
      code: 'FROM centos:7 AS base\nRUN yum install -y httpd\nFROM base\nONBUILD RUN yum install -y git\n',
      errors: [{ at: '2:5-2:25', messageId: 'cacheNotCleaned', fixes: ['appendClean'] }, { at: '4:13-4:31', messageId: 'cacheNotCleaned', fixes: ['appendClean'] }],
      output: 'FROM centos:7 AS base\nRUN yum install -y httpd && \\\n    yum clean all\nFROM base\nONBUILD RUN yum install -y git && \\\n    yum clean all\n',
    },
  ],
});
