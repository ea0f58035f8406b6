import rule from '../../../server/src/engine/rules/volume-docker-socket';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM docker:27-dind\nVOLUME /var/lib/docker\n',
    { name: 'a socket of another daemon', code: 'FROM debian:12-slim\nVOLUME /var/run/docker.sock.d /run/docker-proxy.sock /var/run/mysqld\n' },
    { name: 'a RUN that mentions it is not a VOLUME', code: 'FROM debian:12-slim\nRUN echo /var/run/docker.sock\n' },
    { name: 'a directory below it', code: 'FROM debian:12-slim\nVOLUME /run/docker.sock/x\n' },
  ],
  invalid: [
    {
      code: 'FROM docker:27-cli\nVOLUME /var/run/docker.sock\n',
      errors: [{ at: '2:8-2:28', messageId: 'dockerSocket', data: { path: '/var/run/docker.sock' } }],
    },
    {
      name: 'JSON form, among others, and /run',
      code: 'FROM docker:27-cli\nVOLUME ["/data", "/run/docker.sock"]\n',
      errors: [{ at: '2:19-2:35', messageId: 'dockerSocket', data: { path: '/run/docker.sock' } }],
    },
    {
      name: 'plain form with a trailing slash, second of two, in ONBUILD',
      code: 'FROM docker:27-cli\nONBUILD VOLUME /data /var/run/docker.sock/\n',
      errors: [{ at: '2:22-2:42', messageId: 'dockerSocket', data: { path: '/var/run/docker.sock' } }],
    },
  ],
});
