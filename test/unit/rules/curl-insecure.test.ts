import rule from '../../../server/src/engine/rules/curl-insecure';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x -o /x\n',
    { name: '-K is a config file', code: 'FROM debian:12-slim\nRUN curl -K /etc/curlrc https://example.com/x\n' },
    { name: 'echo, comments and other commands', code: 'FROM debian:12-slim\n# curl -k https://x\nRUN echo curl -k https://example.com && wget -k https://example.com/x\n' },
    { name: 'a header value, a data value, after --', code: 'FROM debian:12-slim\nRUN curl -H -k -d --insecure https://example.com -- -k\n' },
    { name: 'a letter after one that takes a value', code: 'FROM debian:12-slim\nRUN curl -ok https://example.com/x\n' },
    { name: 'an option in a variable is not read', code: 'FROM debian:12-slim\nARG CURL_OPTS=-fsSL\nRUN curl $CURL_OPTS https://example.com/x\n' },
    { name: 'exec form is not parsed', code: 'FROM debian:12-slim\nRUN ["curl", "-k", "https://example.com/x"]\n' },
  ],
  invalid: [
    {
      name: 'a letter of a cluster',
      code: 'FROM debian:12-slim\nRUN curl -fsSLk -o /tmp/x.tgz https://example.com/x.tgz\n',
      errors: [{ at: '2:15-2:16', messageId: 'insecure', data: { flag: '-k' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz\n',
    },
    {
      name: 'alone, and the long form',
      code: 'FROM debian:12-slim\nRUN curl -k https://a.example/x && curl --insecure -fsSLO https://b.example/y\n',
      errors: [{ at: '2:10-2:12', messageId: 'insecure', data: { flag: '-k' }, fixes: ['removeFlag'] }, { at: '2:41-2:51', messageId: 'insecure', data: { flag: '--insecure' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN curl https://a.example/x && curl -fsSLO https://b.example/y\n',
    },
    {
      name: 'on its own continuation line, through sudo, sh -c and ONBUILD',
      code: 'FROM debian:12-slim\nRUN curl -fsSL \\\n      --insecure \\\n      https://example.com/x\nRUN sudo curl -sk https://example.com/y\nRUN sh -c \'curl -kL https://example.com/z\'\nONBUILD RUN curl --proxy-insecure https://example.com/w\n',
      errors: [
        { at: '3:7-3:17', messageId: 'insecure', fixes: ['removeFlag'] },
        { at: '5:17-5:18', messageId: 'insecure', fixes: ['removeFlag'] },
        { at: '6:18-6:19', messageId: 'insecure', fixes: ['removeFlag'] },
        { at: '7:18-7:34', messageId: 'insecure', data: { flag: '--proxy-insecure' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN curl -fsSL \\\n      https://example.com/x\nRUN sudo curl -s https://example.com/y\nRUN sh -c \'curl -L https://example.com/z\'\nONBUILD RUN curl https://example.com/w\n',
    },
    {
      name: 'in a heredoc script',
      code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ncurl -k -o /x https://example.com/x\nEOF\n',
      errors: [{ at: '4:6-4:8', messageId: 'insecure', fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ncurl -o /x https://example.com/x\nEOF\n',
    },
  ],
});
