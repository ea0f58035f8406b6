import rule from '../../../server/src/engine/rules/dnf-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
    'FROM fedora:40\nRUN microdnf install -y shadow-utils-4.14.0\n',
    'FROM fedora:40\nRUN dnf module install -y nodejs:20/common\n',
  ],
  invalid: [
    { code: 'FROM fedora:40\nRUN dnf install -y httpd\n', errors: [{ at: '2:20-2:25', messageId: 'unpinned', message: /dnf install <package>-<version>/ }] },
    {
      name: 'microdnf and a heredoc',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN <<EOF\nmicrodnf install -y shadow-utils\nEOF\n',
      errors: [{ at: '3:21-3:33', messageId: 'unpinned', message: /microdnf/ }],
    },
  ],
});
