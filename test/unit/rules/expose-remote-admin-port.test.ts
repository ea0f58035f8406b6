import rule from '../../../server/src/engine/rules/expose-remote-admin-port';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443\n',
    { name: 'ports that only contain the digits', code: 'FROM debian:12-slim\nEXPOSE 2222 220 8022 59000\n' },
    { name: 'a range beside them', code: 'FROM debian:12-slim\nEXPOSE 5901-5910 24-80\n' },
    { name: 'an SSH server image exposes its port on purpose', code: 'FROM alpine:3.21\nRUN apk add --no-cache openssh\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n' },
    { name: 'the server installed in the parent stage, pinned', code: 'FROM debian:12-slim AS base\nRUN apt-get install -y openssh-server=1:9.2p1-2\nFROM base\nEXPOSE 22/tcp\n' },
    { name: 'a VNC desktop run by its CMD', code: 'FROM debian:12-slim\nEXPOSE 5900\nCMD x11vnc -forever\n' },
    { name: 'variables are not judged', code: 'FROM debian:12-slim\nARG PORT=22\nEXPOSE $PORT\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nEXPOSE 22 8080\n',
      errors: [{ at: '2:8-2:10', messageId: 'adminPort', data: { port: '22', service: 'SSH' } }],
    },
    {
      name: 'with protocols, a range, and ONBUILD; an SSH client is not the server',
      code: 'FROM debian:12-slim\nRUN apt-get install -y openssh-client\nEXPOSE 22/tcp 3389/UDP\nEXPOSE 5900-5905\nONBUILD EXPOSE 23\n',
      errors: [
        { at: '3:8-3:14', messageId: 'adminPort', data: { port: '22', service: 'SSH' } },
        { at: '3:15-3:23', messageId: 'adminPort', data: { port: '3389', service: 'RDP' } },
        { at: '4:8-4:17', messageId: 'adminPort', data: { port: '5900', service: 'VNC' } },
        { at: '5:16-5:18', messageId: 'adminPort', data: { port: '23', service: 'Telnet' } },
      ],
    },
  ],
});
