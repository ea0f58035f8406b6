import rule from '../../../server/src/engine/rules/zypper-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n',
    'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: [{ at: '2:5-2:27', messageId: 'cacheNotCleaned', message: /zypper clean/, fixes: ['appendClean'] }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && \\\n    zypper clean\n',
    },
    {
      name: 'heredoc script with set -e gets the clean as its last line',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nset -e\nzypper -n in curl\nEOF\n',
      errors: [{ at: '4:1-4:18', messageId: 'cacheNotCleaned', fixes: ['appendClean'] }],
      output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nset -e\nzypper -n in curl\nzypper clean\nEOF\n',
    },
    {
      name: 'heredoc script without set -e: a last line would make a failed install pass, so no fix',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in curl\nEOF\n',
      errors: [{ at: '3:1-3:18', messageId: 'cacheNotCleaned' }],
      output: null,
    },
  ],
});
