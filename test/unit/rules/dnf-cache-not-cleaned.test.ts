import rule from '../../../server/src/engine/rules/dnf-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    'FROM fedora:40\nRUN microdnf install -y httpd && microdnf clean all\n',
    'FROM fedora:40\nRUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5\n',
    'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n',
    { name: 'only copied from', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf upgrade -y\n',
      errors: [{ at: '2:5-2:19', messageId: 'cacheNotCleaned', message: /dnf clean all/, fixes: ['appendClean'] }],
      output: 'FROM fedora:40\nRUN dnf upgrade -y && \\\n    dnf clean all\n',
    },
    {
      name: 'microdnf gets its own clean, leading && style kept',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils \\\n    && useradd app\n',
      errors: [{ at: '2:5-2:37', messageId: 'cacheNotCleaned', message: /microdnf clean all/, fixes: ['appendClean'] }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils \\\n    && useradd app \\\n    && microdnf clean all\n',
    },
  ],
});
