import rule from '../../../server/src/engine/rules/inline-ignore-pragma';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\n# hadolint global ignore=DL3008\nRUN ls\n',
    'FROM debian:12-slim\n# install tools\nRUN ls\n',
    'FROM debian:12-slim\n# dockwise global ignore=cd-in-run\nRUN ls\n',
  ],
  invalid: [
    { code: 'FROM debian:12-slim\n# hadolint ignore=DL3008,DL3015\nRUN ls\n', errors: [{ at: '2:1-2:32', messageId: 'inlineIgnore', message: /configuration file/ }] },
    { name: 'dockwise pragma, indented', code: 'FROM debian:12-slim\n  #dockwise ignore=cd-in-run\nRUN cd /x\n', errors: [{ at: '2:3-2:29', messageId: 'inlineIgnore' }] },
  ],
});
