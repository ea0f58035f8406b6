import rule from '../../../server/src/engine/rules/apt-get-update-alone';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'upgrade counts as using the index', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y dist-upgrade\n' },
    { name: 'heredoc with install', code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n' },
    { name: 'inside sh -c with install', code: 'FROM debian:12-slim\nRUN sh -c "apt-get update && apt-get install -y curl"\n' },
    { name: 'the install runs through xargs', code: 'FROM debian:12-slim\nRUN set -eux; apt-get update; xargs -rt apt-get install -y < /deps.txt; rm -rf /var/lib/apt/lists/*\n' },
    { name: 'a script the RUN calls may install', code: 'FROM debian:12-slim\nCOPY install-deps.sh /tmp/\nRUN apt-get update && /tmp/install-deps.sh && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'a script run by bash may install', code: 'FROM debian:12-slim\nCOPY setup /setup\nRUN apt-get update && bash /setup/deps.sh\n' },
    { name: 'reinstall installs', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y reinstall --no-install-recommends tzdata\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ at: '2:5-2:19', messageId: 'updateAlone', message: /without an install/, fixes: ['mergeWithInstall'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'no installing RUN follows: no fix',
      code: 'FROM debian:12-slim\nRUN apt-get update\nCOPY . /app\n',
      errors: [{ at: '2:5-2:19', messageId: 'updateAlone' }],
      output: null,
    },
    {
      name: 'a program from /bin is not a script of the build',
      code: 'FROM debian:12-slim\nRUN apt-get update && /bin/echo done\n',
      errors: [{ at: '2:5-2:19', messageId: 'updateAlone' }],
      output: null,
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12-slim\nONBUILD RUN apt-get -q update\n',
      errors: [{ at: '2:13-2:30', messageId: 'updateAlone' }],
      output: null,
    },
  ],
});
