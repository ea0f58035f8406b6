import rule from '../../../server/src/engine/rules/download-over-http';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/x.tgz\n',
    { name: 'checked in the same RUN', code: 'FROM debian:12-slim\nRUN wget -O x.tgz http://example.com/x.tgz && echo "abc  x.tgz" | sha256sum -c -\nRUN curl -fsSLO http://example.com/y.tgz && curl -fsSLO http://example.com/y.tgz.asc && gpg --batch --verify y.tgz.asc y.tgz\n' },
    { name: 'the build machine, a host in a variable, a proxy, a header', code: 'FROM debian:12-slim\nRUN curl http://localhost:8080/health && curl http://127.0.0.1/x && wget http://${MIRROR}/x && curl -x http://proxy:3128 -H http://h https://example.com/x\n' },
    { name: 'echo and comments', code: 'FROM debian:12-slim\n# curl http://example.com/x\nRUN echo http://example.com/x\n' },
    { name: 'ADD with a checksum', code: 'FROM debian:12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://example.com/x.tgz /tmp/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/x.tgz http://example.com/x-1.2.tgz\n',
      errors: [{ at: '2:28-2:56', messageId: 'clearText', data: { url: 'http://example.com/x-1.2.tgz', scheme: 'HTTP' } }],
      output: null,
    },
    {
      name: 'quoted, ftp, wget through sudo, --url, ADD',
      code: 'FROM debian:12-slim\nRUN wget -q "ftp://ftp.example.org/pub/x.tgz" && sudo wget http://example.com/y\nRUN curl --url http://example.com/z -o z\nADD http://example.com/w.tgz /tmp/\n',
      errors: [
        { at: '2:14-2:45', messageId: 'clearText', data: { url: 'ftp://ftp.example.org/pub/x.tgz', scheme: 'FTP' } },
        { at: '2:60-2:80', messageId: 'clearText' },
        { at: '3:16-3:36', messageId: 'clearText' },
        { at: '4:5-4:29', messageId: 'clearText' },
      ],
      output: null,
    },
  ],
});
