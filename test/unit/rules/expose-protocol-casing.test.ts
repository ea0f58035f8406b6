import rule from '../../../server/src/engine/rules/expose-protocol-casing';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp\n', 'FROM nginx:1.27\nEXPOSE $PORT/$PROTO\n'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp\n', errors: [{ at: '2:11-2:14', messageId: 'uppercaseProtocol', data: { protocol: 'tcp' }, message: /tcp/, fixes: ['useLowercase'] }, { at: '2:18-2:21', messageId: 'uppercaseProtocol', data: { protocol: 'udp' }, message: /udp/, fixes: ['useLowercase'] }], output: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n' },
  ],
});
