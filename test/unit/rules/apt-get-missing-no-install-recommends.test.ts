import rule from '../../../server/src/engine/rules/apt-get-missing-no-install-recommends';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'apt-get install -f only after dpkg -i succeeded: nothing to install', code: 'FROM debian:12-slim\nCOPY app.deb /tmp/\nRUN dpkg -i /tmp/app.deb && apt-get install -y -f && rm /tmp/app.deb\n' },
    { name: 'purged with --auto-remove in the same RUN: the recommends go too', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && curl -o /x http://example.com/x && apt-get purge -y --auto-remove curl\n' },
    { name: 'a builder stage: recommends never ship', code: 'FROM debian:12-slim AS build\nRUN apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
    { name: 'a Docker Dev Environments stage wants them', code: 'FROM golang:1.25 AS dev-envs\nRUN apt-get install -y git\n' },
    { name: 'a Dockerfile beside devcontainer.json', code: 'FROM debian:12\nRUN apt-get install -y git\n', files: { 'devcontainer.json': '{}' } },
    { name: 'install -s only simulates (a probe)', code: 'FROM debian:12-slim\nRUN if apt-get install -s "pg-jit" > /dev/null 2>&1; then apt-get install -y --no-install-recommends pg-jit; fi\n' },
    'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n',
    'FROM debian:12-slim\nRUN apt-get update\n',
  ],
  invalid: [
    {
      name: 'apt-get -f install after a failed dpkg -i installs the missing dependencies, recommends too',
      code: 'FROM debian:12-slim\nRUN (dpkg -i /tmp/app.deb || apt-get -f install -y)\n',
      errors: [{ at: '2:30-2:37', messageId: 'missingNoInstallRecommends', fixes: ['addFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN (dpkg -i /tmp/app.deb || apt-get -f install --no-install-recommends -y)\n',
    },
    {
      name: 'purged without --auto-remove: the recommends stay',
      code: 'FROM debian:12-slim\nRUN apt-get install -y gnupg && apt-get purge -y gnupg\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingNoInstallRecommends', fixes: ['addFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y gnupg && apt-get purge -y gnupg\n',
    },
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y jq\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingNoInstallRecommends', data: { subcommand: 'install' }, fixes: ['addFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y jq\n',
    },
    {
      name: 'curl gets its CA bundle only as a recommend: the fix names ca-certificates',
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl=8.5.0-2 jq\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingNoInstallRecommends', fixes: ['addFlagAndCaCertificates'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl=8.5.0-2 jq ca-certificates\n',
    },
    {
      name: 'wget with ca-certificates already named: only the flag',
      code: 'FROM debian:12-slim\nRUN apt-get install -y ca-certificates wget\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingNoInstallRecommends', fixes: ['addFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y ca-certificates wget\n',
    },
    {
      name: 'two installs in one RUN',
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl && \\\n    apt-get install -y git\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingNoInstallRecommends', fixes: ['addFlagAndCaCertificates'] }, { at: '3:5-3:12', messageId: 'missingNoInstallRecommends', fixes: ['addFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl ca-certificates && \\\n    apt-get install --no-install-recommends -y git\n',
    },
  ],
});
