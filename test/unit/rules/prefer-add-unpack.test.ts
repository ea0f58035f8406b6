import rule from '../../../server/src/engine/rules/prefer-add-unpack';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'strip-components: ADD cannot', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/t.tgz | tar -xz --strip-components=1 -C /opt/t\n' },
    { name: 'a member list', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/t.tgz | tar -xz -C /usr/local/bin t/bin/t\n' },
    { name: 'a header', code: 'FROM debian:12-slim\nRUN curl -fsSL -H "Authorization: token x" https://example.com/t.tgz | tar -xz -C /opt\n' },
    { name: 'insecure', code: 'FROM debian:12-slim\nRUN curl -k https://example.com/t.tgz | tar -xz -C /opt\n' },
    { name: 'curl to a file', code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && tar -xzf /tmp/t.tgz -C /opt\n' },
    { name: 'a URL computed in the RUN', code: 'FROM debian:12-slim\nRUN curl -fsSL "https://example.com/t-$(uname -m).tgz" | tar -xz -C /opt\n' },
    { name: 'tar lists, not extracts', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/t.tgz | tar -tz\n' },
    { name: 'into a shell, not tar', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/i.sh | sh\n' },
    { name: 'wget to a file', code: 'FROM debian:12-slim\nRUN wget -q https://example.com/t.tgz | tar -xz -C /opt\n' },
  ],
  invalid: [
    {
      name: 'the whole RUN: ADD --unpack',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /usr/local/bin\n',
      errors: [{ at: '2:5-2:81', messageId: 'downloadAndUnpack', data: { downloader: 'curl' }, fixes: ['useAddUnpack'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nADD --unpack=true https://example.com/tool-1.2.3.tar.gz /usr/local/bin/\n',
    },
    {
      name: 'wget -qO-, old-style `tar xJf -`, ARG in the URL, no -C: the WORKDIR',
      code: 'FROM debian:12-slim\nARG V=1.2.3\nWORKDIR /opt/t\nRUN wget -qO- "https://example.com/t-${V}.tar.xz" | tar xJf -\n',
      errors: [{ at: '4:5-4:62', messageId: 'downloadAndUnpack', data: { downloader: 'wget' }, fixes: ['useAddUnpack'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nARG V=1.2.3\nWORKDIR /opt/t\nADD --unpack=true "https://example.com/t-${V}.tar.xz" ./\n',
    },
    {
      name: 'part of a longer RUN: reported, no rewrite',
      code: 'FROM debian:12-slim\nRUN mkdir -p /opt/t && curl -sSL https://example.com/t.tgz | tar --extract --gzip --directory /opt/t\n',
      errors: [{ at: '2:24-2:101', messageId: 'downloadAndUnpack', data: { downloader: 'curl' } }],
      output: null,
    },
    {
      name: 'an older pinned frontend: no rewrite',
      code: '# syntax=docker/dockerfile:1.7\nFROM debian:12-slim\nRUN curl -fsSL https://example.com/t.tgz | tar -xz -C /opt\n',
      errors: [{ at: '3:5-3:59', messageId: 'downloadAndUnpack', data: { downloader: 'curl' } }],
      output: null,
    },
  ],
});
