import rule from '../../../server/src/engine/rules/multiple-healthcheck';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n'],
  invalid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["true"]\n', errors: [{ at: '2:1-2:12', messageId: 'overridden', fixes: ['removeIgnored'] }], output: 'FROM nginx:1.27\nHEALTHCHECK CMD ["true"]\n' },
  ],
});
