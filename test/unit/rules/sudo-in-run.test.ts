import rule from '../../../server/src/engine/rules/sudo-in-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM debian:12-slim\nRUN apt-get update\n', 'FROM debian:12-slim\nRUN echo sudo\n'],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN sudo apt-get update\n', errors: [{ at: '2:5-2:9', message: /sudo/ }] },
    // A `[` left open made tree-sitter read `curl; sudo make` as one command `curl`: the steps after a syntax
    // error are read as bash runs them.
    { name: 'after a step that does not parse', code: 'FROM fedora:41\nRUN dnf install y; [ curl; sudo make\n', errors: [{ at: '2:28-2:32' }] },
    { name: 'inside sh -c and ONBUILD', code: 'FROM debian:12-slim\nRUN sh -c "sudo make install"\nONBUILD RUN sudo true\n', errors: [{ at: '2:12-2:16' }, { at: '3:13-3:17' }] },
  ],
});
