import rule from '../../../server/src/engine/rules/wget-without-progress';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'BusyBox wget on Alpine (no GNU wget installed)', code: 'FROM alpine:3.20\nRUN wget -O /tmp/a https://example.com/a\n' },
    'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a\n',
    'FROM debian:12-slim\nRUN wget -q -O- https://example.com/a | tar x\n',
    'FROM debian:12-slim\nRUN wget -qO- https://example.com/a\n',
    'FROM debian:12-slim\nRUN wget -nv https://example.com/a\n',
    'FROM debian:12-slim\nRUN wget --no-verbose https://example.com/a\n',
    'FROM debian:12-slim\nRUN wget -o /tmp/log https://example.com/a\n',
    'FROM debian:12-slim\nRUN wget --append-output=/tmp/log https://example.com/a\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN wget https://example.com/a\n',
      errors: [{ at: '2:5-2:9', messageId: 'noProgress', message: /progress/, fixes: ['addProgress'] }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a\n',
    },
    {
      name: 'letters inside an option value are not options; -nc is not -nv',
      code: 'FROM debian:12-slim\nRUN wget -O/tmp/qa -nc https://example.com/a\nONBUILD RUN wget https://example.com/b\n',
      errors: [{ at: '2:5-2:9', messageId: 'noProgress', fixes: ['addProgress'] }, { at: '3:13-3:17', messageId: 'noProgress', fixes: ['addProgress'] }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga -O/tmp/qa -nc https://example.com/a\nONBUILD RUN wget --progress=dot:giga https://example.com/b\n',
    },
    {
      name: 'Alpine after installing GNU wget (BusyBox wget alone is not reported)',
      code: 'FROM alpine:3.20\nRUN wget https://example.com/a\nRUN apk add --no-cache wget=1.25.0-r0 && wget https://example.com/b\n',
      errors: [{ at: '3:42-3:46', messageId: 'noProgress', fixes: ['addProgress'] }],
      output: 'FROM alpine:3.20\nRUN wget https://example.com/a\nRUN apk add --no-cache wget=1.25.0-r0 && wget --progress=dot:giga https://example.com/b\n',
    },
    {
      name: 'an image of unknown family: reported, no fix (its wget may be BusyBox)',
      code: 'FROM example.com/tools:1.0\nRUN wget https://example.com/a\n',
      errors: [{ at: '2:5-2:9', messageId: 'noProgress' }],
      output: null,
    },
  ],
});
