import rule from '../../../server/src/engine/rules/sudo-in-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update\n',
    'FROM debian:12-slim\nRUN echo sudo\n',
    { name: 'sudo only when not root (id -u)', code: 'FROM debian:12-slim\nRUN if [ "$(id -u)" -ne 0 ]; then sudo apt-get update; else apt-get update; fi\n' },
    { name: 'sudo only when not root ($EUID)', code: 'FROM debian:12-slim\nRUN if [ "$EUID" != 0 ]; then sudo apt-get update; fi\n' },
    { name: 'whoami', code: 'FROM debian:12-slim\nRUN [ "$(whoami)" = root ] || sudo chown app /srv\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN sudo apt-get update\n', errors: [{ at: '2:5-2:9', messageId: 'sudo', message: /USER root/ }] },
    // A `[` left open made tree-sitter read `curl; sudo make` as one command `curl`: the steps after a syntax
    // error are read as bash runs them.
    { name: 'after a step that does not parse', code: 'FROM fedora:41\nRUN dnf install y; [ curl; sudo make\n', errors: [{ at: '2:28-2:32', messageId: 'sudo' }] },
    { name: 'inside sh -c and ONBUILD', code: 'FROM debian:12-slim\nRUN sh -c "sudo make install"\nONBUILD RUN sudo true\n', errors: [{ at: '2:12-2:16', messageId: 'sudo' }, { at: '3:13-3:17', messageId: 'sudo' }] },
    { name: 'sudo -u a user: the advice is USER that user', code: 'FROM debian:12-slim\nRUN useradd -m app\nRUN sudo -E -u app git config --global user.name ci\nRUN sudo --user=root true\n', errors: [{ at: '3:5-3:9', messageId: 'sudoAsUser', data: { user: 'app' }, message: /USER app for the steps that should run as app/ }, { at: '4:5-4:9', messageId: 'sudo', message: /USER root for the steps that need it/ }] },
  ],
});
