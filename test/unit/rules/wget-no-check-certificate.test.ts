import rule from '../../../server/src/engine/rules/wget-no-check-certificate';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN wget -q -O /x https://example.com/x\n',
    { name: 'echo, curl and comments', code: 'FROM debian:12-slim\n# wget --no-check-certificate\nRUN echo wget --no-check-certificate && curl --no-check-certificate https://x\n' },
    { name: 'a value of -O, checks on, too short an abbreviation', code: 'FROM debian:12-slim\nRUN wget -O --no-check-certificate https://x && wget -e check_certificate=on https://y && wget --no-check https://z\n' },
    { name: 'after --', code: 'FROM debian:12-slim\nRUN wget -- --no-check-certificate\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN wget --no-check-certificate -O /x https://example.com/x\n',
      errors: [{ at: '2:10-2:32', messageId: 'noCheck', data: { flag: '--no-check-certificate' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN wget -O /x https://example.com/x\n',
    },
    {
      name: 'an abbreviation, and the wgetrc command in both forms',
      code: 'FROM debian:12-slim\nRUN wget -q --no-check-cert https://a/x && wget -e check_certificate=off https://b/y && wget --execute=checkcertificate=no https://c/z\n',
      errors: [
        { at: '2:13-2:28', messageId: 'noCheck', data: { flag: '--no-check-cert' }, fixes: ['removeFlag'] },
        { at: '2:49-2:73', messageId: 'noCheck', data: { flag: '-e check_certificate=off' }, fixes: ['removeFlag'] },
        { at: '2:94-2:123', messageId: 'noCheck', data: { flag: '--execute=checkcertificate=no' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN wget -q https://a/x && wget https://b/y && wget https://c/z\n',
    },
    {
      name: 'on a continuation line with a comment line before it',
      code: 'FROM debian:12-slim\nRUN set -eux; \\\n    wget \\\n# skip checks\n      --no-check-certificate \\\n      https://example.com/x\n',
      errors: [{ at: '5:7-5:29', messageId: 'noCheck', fixes: [] }],
      output: null,
    },
  ],
});
