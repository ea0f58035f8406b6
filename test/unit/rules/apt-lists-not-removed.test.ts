import rule from '../../../server/src/engine/rules/apt-lists-not-removed';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'cache mount on the lists', code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'builder stage that does not ship', code: 'FROM debian:12-slim AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /out\n' },
    { name: 'apt-get dist-clean removes the lists (trixie)', code: 'FROM debian:trixie-slim\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends curl \\\n\t; \\\n\tapt-get dist-clean\n' },
    { name: 'removal spelled with a trailing slash', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ at: '2:5-2:19', messageId: 'listsNotRemoved', message: /lists/, fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'hadolint passes any rm -rf; we want the lists removed',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /tmp/*\n',
      errors: [{ at: '2:5-2:19', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /tmp/* \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a one-line RUN gets the line in the file\'s own style: its tab indent and && at line starts',
      code: 'FROM debian:12-slim\nRUN set -eux \\\n\t&& echo one \\\n\t&& echo two\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ at: '5:5-5:19', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN set -eux \\\n\t&& echo one \\\n\t&& echo two\nRUN apt-get update && apt-get install -y curl \\\n\t&& rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a RUN with its own layout keeps it over the file\'s (operators at line ends here, at starts elsewhere)',
      code: 'FROM debian:12-slim\nRUN set -eux \\\n  && echo one \\\n  && echo two\nRUN apt-get update && \\\n  apt-get install -y curl\n',
      errors: [{ at: '5:5-5:19', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN set -eux \\\n  && echo one \\\n  && echo two\nRUN apt-get update && \\\n  apt-get install -y curl && \\\n  rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a stage the final stage is built FROM ships',
      code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ at: '2:5-2:19', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["curl"]\n',
    },
    {
      name: "find's \\; is an argument, not a separator to drop",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && find /usr/share/doc -type f -exec rm {} \\;\n',
      errors: [{ at: '2:5-2:19', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && find /usr/share/doc -type f -exec rm {} \\; && \\\n    rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'heredoc script gets a last line',
      code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ at: '4:1-4:15', messageId: 'listsNotRemoved', fixes: ['appendRemoveLists'] }],
      output: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
  ],
});
