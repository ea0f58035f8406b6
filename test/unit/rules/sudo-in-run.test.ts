import rule from '../../../server/src/engine/rules/sudo-in-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM debian:12-slim\nRUN apt-get update\n', 'FROM debian:12-slim\nRUN echo sudo\n'],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN sudo apt-get update\n', errors: [{ at: '2:5-2:9', message: /sudo/ }] },
    { name: 'inside sh -c and ONBUILD', code: 'FROM debian:12-slim\nRUN sh -c "sudo make install"\nONBUILD RUN sudo true\n', errors: [{ at: '2:12-2:16' }, { at: '3:13-3:17' }] },
  ],
});
