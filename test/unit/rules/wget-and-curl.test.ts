import rule from '../../../server/src/engine/rules/wget-and-curl';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n',
    { name: 'different stages', code: 'FROM debian:12-slim AS a\nRUN curl -fsSLO https://example.com/a\nFROM debian:12-slim\nRUN wget -nv https://example.com/b\n' },
    { name: 'the stage and its ONBUILD triggers are separate builds', code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -nv https://example.com/b\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nRUN wget -nv https://example.com/b && wget -nv https://example.com/c\n',
      errors: [{ at: '3:5-3:9', message: /already downloads with `curl`/ }, { at: '3:39-3:43' }],
    },
    {
      name: 'in one RUN, and among ONBUILD triggers',
      code: 'FROM debian:12-slim\nRUN wget -nv https://example.com/a | sh -c "curl -fsS https://x"\nONBUILD RUN curl -fsSO https://example.com/a\nONBUILD RUN wget -nv https://example.com/b\n',
      errors: [{ at: '2:45-2:49', message: /`wget`/ }, { at: '4:13-4:17' }],
    },
  ],
});
