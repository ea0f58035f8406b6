import rule from '../../../server/src/engine/rules/apt-get-missing-no-install-recommends';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n',
    'FROM debian:12-slim\nRUN apt-get update\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl\n',
      errors: [{ at: '2:5-2:12', message: /--no-install-recommends/ }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'two installs in one RUN',
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl && \\\n    apt-get install -y git\n',
      errors: [{ at: '2:5-2:12' }, { at: '3:5-3:12' }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl && \\\n    apt-get install --no-install-recommends -y git\n',
    },
  ],
});
