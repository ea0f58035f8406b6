import rule from '../../../server/src/engine/rules/expose-port-out-of-range';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 65535/udp 8000-8010\nEXPOSE $PORT\n'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 80800\n', errors: [{ at: '2:11-2:16', messageId: 'portOutOfRange', data: { port: '80800' }, message: /80800/ }] },
    { name: 'ranges, protocols, ONBUILD', code: 'FROM nginx:1.27\nEXPOSE 60000-70000/tcp\nONBUILD EXPOSE 99999/udp\n', errors: [{ at: '2:8-2:23', messageId: 'portOutOfRange', data: { port: '70000' }, message: /70000/ }, { at: '3:16-3:25', messageId: 'portOutOfRange' }] },
    { name: 'both ends of a range', code: 'FROM nginx:1.27\nEXPOSE 70000-80000\n', errors: [{ at: '2:8-2:19', messageId: 'bothPortsOutOfRange', data: { first: '70000', last: '80000' }, message: /^Port 70000 and 80000 is outside the valid range 0–65535$/ }] },
  ],
});
