import rule from '../../../server/src/engine/rules/expose-invalid-format';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 9000-9010\n', 'FROM nginx:1.27\nEXPOSE ${PORT}\n'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80 5000:5000/udp\n', errors: [{ at: '2:8-2:25', messageId: 'hostPortContainerPort', data: { port: '80' }, message: /: 80;/, fixes: ['exposeContainerPort'] }, { at: '2:26-2:39', messageId: 'hostPortContainerPort', data: { port: '5000/udp' }, fixes: ['exposeContainerPort'] }], output: 'FROM nginx:1.27\nEXPOSE 80 5000/udp\n' },
    { name: 'IPv6 host', code: 'FROM nginx:1.27\nEXPOSE [::1]:8080:8080\n', errors: [{ at: '2:8-2:23', messageId: 'hostPortContainerPort', fixes: ['exposeContainerPort'] }], output: 'FROM nginx:1.27\nEXPOSE 8080\n' },
    { name: 'a container port that is not a number: no fix', code: 'FROM nginx:1.27\nEXPOSE 8080:http\n', errors: [{ at: '2:8-2:17', messageId: 'hostPort', data: {}, message: /^EXPOSE takes the container's port only; map host ports with docker run -p$/ }], output: null },
  ],
});
