import rule from '../../../server/src/engine/rules/wget-and-curl';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n',
    { name: 'different stages', code: 'FROM debian:12-slim AS a\nRUN curl -fsSLO https://example.com/a\nFROM debian:12-slim\nRUN wget -nv https://example.com/b\n' },
    { name: 'both come from the base image', code: 'FROM buildpack-deps:bookworm-curl\nRUN curl -fsSLO https://example.com/a && wget -nv https://example.com/b\n' },
    { name: 'the stage and its ONBUILD triggers are separate builds', code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -nv https://example.com/b\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u8 wget=1.21.3-1+b2\nRUN curl -fsSLO https://example.com/a\nRUN wget -nv https://example.com/b && wget -nv https://example.com/c\n',
      errors: [{ at: '4:5-4:9', messageId: 'bothTools', data: { first: 'curl', second: 'wget' }, message: /already downloads with `curl`/ }, { at: '4:39-4:43', messageId: 'bothTools' }],
    },
    {
      name: 'in one RUN, and among ONBUILD triggers; installed in a parent stage',
      code: 'FROM debian:12-slim AS tools\nRUN apt-get install -y wget=1.21.3-1+b2\nFROM tools\nRUN wget -nv https://example.com/a | sh -c "curl -fsS https://x"\nONBUILD RUN curl -fsSO https://example.com/a\nONBUILD RUN wget -nv https://example.com/b\n',
      errors: [{ at: '4:45-4:49', messageId: 'bothTools', data: { first: 'wget', second: 'curl' }, message: /`wget`/ }, { at: '6:13-6:17', messageId: 'bothTools' }],
    },
  ],
});
