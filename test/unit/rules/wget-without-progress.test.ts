import rule from '../../../server/src/engine/rules/wget-without-progress';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
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
      errors: [{ at: '2:5-2:9', message: /progress/ }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a\n',
    },
    {
      name: 'letters inside an option value are not options; -nc is not -nv',
      code: 'FROM debian:12-slim\nRUN wget -O/tmp/qa -nc https://example.com/a\nONBUILD RUN wget https://example.com/b\n',
      errors: [{ at: '2:5-2:9' }, { at: '3:13-3:17' }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga -O/tmp/qa -nc https://example.com/a\nONBUILD RUN wget --progress=dot:giga https://example.com/b\n',
    },
    {
      name: 'no fix on Alpine: BusyBox wget has no --progress',
      code: 'FROM alpine:3.20\nRUN wget https://example.com/a\n',
      errors: [{ at: '2:5-2:9' }],
      output: null,
    },
  ],
});
