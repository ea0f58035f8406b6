import rule from '../../../server/src/engine/rules/curl-without-fail';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/a https://example.com/a\n',
    { name: 'in a cluster with a value flag', code: 'FROM debian:12-slim\nRUN curl -sSLfo /tmp/a https://example.com/a\n' },
    { name: 'long forms', code: 'FROM debian:12-slim\nRUN curl --fail -o /a https://x/a && curl --fail-with-body -sS https://x/b > /b\n' },
    { name: 'to standard output, nowhere else', code: 'FROM debian:12-slim\nRUN curl -s https://example.com/health\n' },
    { name: 'to /dev/null', code: 'FROM debian:12-slim\nRUN curl -s -o /dev/null https://x/ && curl -s https://x/ > /dev/null\n' },
    { name: 'the status checked', code: 'FROM debian:12-slim\nRUN code="$(curl -s -o /tmp/a -w \'%{http_code}\' https://x/a)" && test "$code" = 200\n' },
    { name: 'a HEAD request', code: 'FROM debian:12-slim\nRUN curl -sI https://x/ | grep -i etag\n' },
    { name: 'into a tar that extracts', code: 'FROM debian:12-slim\nRUN curl -sSL https://x/a.tgz | tar -xz -C /opt\n' },
    { name: 'into gpg --dearmor and apt-key add', code: 'FROM debian:12-slim\nRUN curl -sSL https://x/key | gpg --dearmor -o /k.gpg && curl -sL https://x/key | apt-key add -\n' },
    { name: 'curl last in its pipe', code: 'FROM debian:12-slim\nRUN echo \'{}\' | curl -s -d @- https://x/api\n' },
    { name: 'echo, not curl', code: 'FROM debian:12-slim\nRUN echo curl -o /a https://x/a > /notes\n' },
    { name: 'stderr redirected only', code: 'FROM debian:12-slim\nRUN curl -s https://x/a 2>/tmp/err\n' },
    { name: 'a config file', code: 'FROM debian:12-slim\nRUN curl -K /etc/curlrc -o /a https://x/a\n' },
    { name: 'a pipe without pipefail: -f alone would not fail it', code: 'FROM debian:12-slim\nRUN curl -sL https://x/setup.sh | bash -\n' },
    { name: 'into a checksum check', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -sSL https://x/a.md5 | md5sum -c\n' },
    { name: 'the header value is no flag', code: 'FROM debian:12-slim\nRUN curl -f -H "-o: x" -o /a https://x/a\n' },
  ],
  invalid: [
    {
      name: '-o with a cluster',
      code: 'FROM debian:12-slim\nRUN curl -sSL -o /usr/local/bin/tini https://x/tini && chmod +x /usr/local/bin/tini\n',
      errors: [{ at: '2:5-2:9', messageId: 'savesErrorPage', fixes: ['addFail'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN curl -fsSL -o /usr/local/bin/tini https://x/tini && chmod +x /usr/local/bin/tini\n',
    },
    {
      name: '-O without a cluster, and a redirect',
      code: 'FROM debian:12-slim\nRUN curl -O https://x/a.jar && curl https://x/b.jar > /b.jar\n',
      errors: [{ at: '2:5-2:9', messageId: 'savesErrorPage', fixes: ['addFail'] }, { at: '2:32-2:36', messageId: 'savesErrorPage', fixes: ['addFail'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN curl -fO https://x/a.jar && curl --fail https://x/b.jar > /b.jar\n',
    },
    {
      name: 'piped into a shell under pipefail, through sudo',
      code: 'FROM debian:12-slim\nRUN set -o pipefail && sudo curl -sL https://x/setup.sh | bash -\n',
      errors: [{ at: '2:29-2:33', messageId: 'pipesErrorPage', data: { consumer: 'bash' }, fixes: ['addFail'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN set -o pipefail && sudo curl -fsL https://x/setup.sh | bash -\n',
    },
    {
      name: 'piped into jq under a SHELL with pipefail; --no-fail after -f',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s https://api.github.com/repos/o/r/releases/latest | jq -r .tag_name > /v && curl -f --no-fail -o /a https://x/a\n',
      errors: [{ at: '3:5-3:9', messageId: 'pipesErrorPage', data: { consumer: 'jq' }, fixes: ['addFail'] }, { at: '3:88-3:92', messageId: 'savesErrorPage', fixes: ['addFail'] }],
      unsafeOutput: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fs https://api.github.com/repos/o/r/releases/latest | jq -r .tag_name > /v && curl -f --no-fail --fail -o /a https://x/a\n',
    },
    {
      name: 'inside sh -c and a heredoc',
      code: 'FROM debian:12-slim\nRUN sh -c "curl -sL --output /a https://x/a"\nRUN <<EOF\ncurl -L https://x/b -o /b\nEOF\n',
      errors: [{ at: '2:12-2:16', messageId: 'savesErrorPage', fixes: ['addFail'] }, { at: '4:1-4:5', messageId: 'savesErrorPage', fixes: ['addFail'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN sh -c "curl -fsL --output /a https://x/a"\nRUN <<EOF\ncurl -fL https://x/b -o /b\nEOF\n',
    },
  ],
});
