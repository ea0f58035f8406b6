import rule from '../../../server/src/engine/rules/url-with-password';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/a.tgz -o /tmp/a.tgz\n',
    { name: 'a user without a password', code: 'FROM debian:12-slim\nRUN git clone https://deploy@git.example.com/o/r.git\n' },
    { name: 'the password from a variable', code: 'FROM debian:12-slim\nARG TOKEN\nRUN git clone https://oauth2:${TOKEN}@gitlab.com/o/r.git && git clone "https://ci:$TOKEN@x.example.com/r.git"\n' },
    { name: 'the password from a secret', code: 'FROM debian:12-slim\nRUN --mount=type=secret,id=pw curl -fsSL "https://u:$(cat /run/secrets/pw)@x.example.com/a" -o /a\n' },
    { name: 'in a comment', code: 'FROM debian:12-slim\n# e.g. https://user:hunter2@proxy.example.com:3128\nRUN true\n' },
    { name: 'in a shell comment', code: 'FROM debian:12-slim\nRUN true # https://user:hunter2@proxy.example.com:3128\n' },
    { name: 'a placeholder and a mask', code: 'FROM debian:12-slim\nRUN echo "https://user:<password>@host.example.com" "https://user:***@host.example.com"\n' },
    { name: 'anonymous FTP', code: 'FROM debian:12-slim\nRUN wget ftp://anonymous:guest@ftp.example.com/pub/a.tgz\n' },
    { name: 'an scp-like git address', code: 'FROM debian:12-slim\nRUN git clone git@github.com:o/r.git\n' },
    { name: 'a port, not a password', code: 'FROM debian:12-slim\nENV http_proxy=http://proxy.example.com:3128\n' },
    { name: 'LABEL is not looked at', code: 'FROM debian:12-slim\nLABEL url="https://u:p4ss@x.example.com"\n' },
  ],
  invalid: [
    {
      name: 'curl with user:password',
      code: 'FROM debian:12-slim\nRUN curl -fsSL -o /a https://deploy:s3cr3t@repo.example.com/a\n',
      errors: [{ at: '2:37-2:43', messageId: 'passwordInUrl', data: { user: 'deploy' }, message: /for `deploy`/ }],
    },
    {
      name: 'ENV proxy, quoted, and ARG',
      code: 'FROM debian:12-slim\nENV http_proxy="http://bob:pa55@proxy.example.com:3128"\nARG DB=postgres://app:app-pw@db:5432/app\n',
      errors: [{ at: '2:28-2:32', messageId: 'passwordInUrl', data: { user: 'bob' } }, { at: '3:23-3:29', messageId: 'passwordInUrl', data: { user: 'app' } }],
    },
    {
      name: 'ADD of a URL, and inside sh -c once',
      code: 'FROM debian:12-slim\nADD https://u:pw1@x.example.com/a.tgz /a.tgz\nRUN sh -c "wget -q https://u:pw2@x.example.com/b"\n',
      errors: [{ at: '2:15-2:18', messageId: 'passwordInUrl' }, { at: '3:30-3:33', messageId: 'passwordInUrl' }],
    },
    {
      name: 'an ONBUILD trigger, a user with no name',
      code: 'FROM debian:12-slim\nONBUILD RUN pip install --index-url https://:tok3n@pypi.example.com/simple x\n',
      errors: [{ at: '2:46-2:51', messageId: 'passwordInUrl', data: { user: '' } }],
    },
  ],
});
