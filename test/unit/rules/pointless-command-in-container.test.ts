import rule from '../../../server/src/engine/rules/pointless-command-in-container';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'kill stops what the step started in the background', code: 'FROM debian:12-slim\nRUN (browsh &) && sleep 10; kill $(pidof browsh) || true\n' },
    'FROM debian:12-slim\nRUN apt-get install -y vim-tiny openssh-client\n',
    'FROM debian:12-slim\nCMD ["top"]\n',
    { name: 'words that are not commands', code: 'FROM debian:12-slim\nRUN echo ps top && grep kill /etc/x\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN service nginx start\n', errors: [{ at: '2:5-2:12', messageId: 'pointlessCommand', data: { command: 'service' }, message: /`service`/ }] },
    {
      name: 'inside a chain, a path, sh -c and ONBUILD',
      code: 'FROM debian:12-slim\nRUN ps aux | grep x && /usr/bin/ssh host\nRUN sh -c "top -b"\nONBUILD RUN shutdown -h now\n',
      errors: [{ at: '2:5-2:7', messageId: 'pointlessCommand', data: { command: 'ps' } }, { at: '2:24-2:36', messageId: 'pointlessCommand', data: { command: 'ssh' } }, { at: '3:12-3:15', messageId: 'pointlessCommand' }, { at: '4:13-4:21', messageId: 'pointlessCommand', data: { command: 'shutdown' } }],
    },
  ],
});
