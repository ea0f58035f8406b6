import rule from '../../../server/src/engine/rules/chpasswd-literal-password';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'from a variable', code: 'FROM debian:12-slim\nARG PW\nRUN echo "root:$PW" | chpasswd\n' },
    { name: 'from a secret mount', code: 'FROM debian:12-slim\nRUN --mount=type=secret,id=pw printf \'root:%s\\n\' "$(cat /run/secrets/pw)" | chpasswd\n' },
    { name: 'from a file', code: 'FROM debian:12-slim\nCOPY users.txt /tmp/\nRUN chpasswd < /tmp/users.txt\n' },
    { name: 'removing or locking a password sets none', code: 'FROM debian:12-slim\nRUN passwd -d root && passwd -l app\n' },
    { name: 'echo into another command', code: 'FROM debian:12-slim\nRUN echo root:x | tee /tmp/x && chpasswd --help\n' },
    { name: 'a generated password', code: 'FROM debian:12-slim\nRUN echo "app:$(openssl rand -hex 16)" | chpasswd\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN echo \'root:changeme\' | chpasswd\n',
      errors: [{ at: '2:10-2:25', messageId: 'literalPassword', data: { command: 'chpasswd' } }],
    },
    {
      name: 'hashed with -e, through sudo, inside sh -c',
      code: 'FROM debian:12-slim\nRUN sh -c "echo app:\\$6\\$salt\\$hash | sudo chpasswd -e"\n',
      errors: [{ at: '2:17-2:36', messageId: 'literalPassword', data: { command: 'chpasswd' } }],
    },
    {
      name: 'passwd --stdin and a here-string',
      code: 'FROM centos:7\nRUN echo secret | passwd --stdin root\nRUN chpasswd <<< "app:app"\n',
      errors: [{ at: '2:10-2:16', messageId: 'literalPassword', data: { command: 'passwd' } }, { at: '3:19-3:26', messageId: 'literalPassword', data: { command: 'chpasswd' } }],
    },
    {
      name: 'printf of both lines into passwd',
      code: 'FROM debian:12-slim\nRUN printf "pw\\npw\\n" | passwd app\n',
      errors: [{ at: '2:12-2:22', messageId: 'literalPassword', data: { command: 'passwd' } }],
    },
  ],
});
