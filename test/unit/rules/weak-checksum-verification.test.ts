import rule from '../../../server/src/engine/rules/weak-checksum-verification';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSLo a.tgz https://example.com/a.tgz && echo "$SUM  a.tgz" | sha256sum -c -\n',
    { name: 'a SHA-256 check of the same file too', code: 'FROM debian:12-slim\nRUN curl -fsSLo a.tgz https://example.com/a.tgz && echo "$MD5  a.tgz" | md5sum -c - && echo "$SHA  a.tgz" | sha256sum -c -\n' },
    { name: 'a signature check too', code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tgz && echo "$MD5  a.tgz" | md5sum -c - && gpg --batch --verify a.tgz.asc a.tgz\n' },
    { name: 'md5sum that only prints', code: 'FROM debian:12-slim\nRUN md5sum /usr/local/bin/app > /app.md5\n' },
    { name: 'a digest kept in a variable, not compared', code: 'FROM debian:12-slim\nRUN serverMd5="$(md5sum /usr/local/bin/redis-server | cut -d\' \' -f1)"; export serverMd5\n' },
    { name: 'shasum -c reads the algorithm from the sums', code: 'FROM debian:12-slim\nRUN shasum -c SHASUMS\n' },
    { name: 'shasum -a 256', code: 'FROM debian:12-slim\nRUN echo "$SHA  a.tgz" | shasum -a 256 -c -\n' },
    { name: 'echo', code: 'FROM debian:12-slim\nRUN echo md5sum -c sums\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSLo a.tgz https://example.com/a.tgz && echo "$MD5  a.tgz" | md5sum -c -\n',
      errors: [{ at: '2:73-2:84', messageId: 'weakChecksum', data: { algorithm: 'MD5', tool: 'md5sum' } }],
      output: null,
    },
    {
      name: 'sha1sum --check',
      code: 'FROM debian:12-slim\nRUN echo "$SHA1 *wp.tar.gz" | sha1sum --check --strict -\n',
      errors: [{ at: '2:31-2:57', messageId: 'weakChecksum', data: { algorithm: 'SHA-1', tool: 'sha1sum' } }],
      output: null,
    },
    {
      name: 'shasum -a 1',
      code: 'FROM debian:12-slim\nRUN echo "$SHA1  a.tgz" | shasum -a 1 -c -\n',
      errors: [{ at: '2:27-2:43', messageId: 'weakChecksum', data: { algorithm: 'SHA-1', tool: 'shasum' } }],
      output: null,
    },
    {
      name: 'compared in a test',
      code: 'FROM debian:12-slim\nRUN [ "$(md5sum a.tgz | cut -d\' \' -f1)" = "$MD5" ] || exit 1\n',
      errors: [{ at: '2:10-2:22', messageId: 'weakChecksum' }],
      output: null,
    },
    {
      name: 'compared on the right',
      code: 'FROM debian:12-slim\nRUN test "$MD5" != "$(md5sum a.tgz | awk \'{print $1}\')" && exit 1 || true\n',
      errors: [{ at: '2:23-2:35', messageId: 'weakChecksum' }],
      output: null,
    },
    {
      name: 'piped into grep',
      code: 'FROM debian:12-slim\nRUN sha1sum a.tgz | grep -q "$SHA1"\n',
      errors: [{ at: '2:5-2:18', messageId: 'weakChecksum', data: { algorithm: 'SHA-1', tool: 'sha1sum' } }],
      output: null,
    },
  ],
});
