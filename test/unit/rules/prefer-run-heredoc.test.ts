import rule from '../../../server/src/engine/rules/prefer-run-heredoc';
import { testRule } from '../../support/rule-tester';

const chain = (sep: string) => `FROM debian:12-slim\nRUN apt-get update \\\n ${sep} apt-get install -y curl \\\n ${sep} curl -fsSLo /tmp/t.tgz https://example.com/t.tgz \\\n ${sep} tar -xzf /tmp/t.tgz -C /usr/local/bin \\\n ${sep} rm /tmp/t.tgz \\\n ${sep} rm -rf /var/lib/apt/lists/*\n`;

testRule(rule, {
  valid: [
    { name: 'five steps', code: 'FROM debian:12-slim\nRUN a \\\n && b \\\n && c \\\n && d \\\n && e\n' },
    { name: 'a `;` in the chain: not an `&&` chain (set -e would stop where `;` went on)', code: chain('&&').replace(' && rm /tmp/t.tgz', ' ; rm /tmp/t.tgz') },
    { name: 'docker-library style `set -eux; \\` chain', code: 'FROM debian:12-slim\nRUN set -eux; \\\n  a; \\\n  b; \\\n  c; \\\n  d; \\\n  e\n' },
    { name: 'six steps on one line', code: 'FROM debian:12-slim\nRUN a && b && c && d && e && f\n' },
    { name: 'already a heredoc', code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\na\nb\nc\nd\ne\nf\nEOF\n' },
    { name: '`&&` inside quotes and $( ) is no step', code: 'FROM debian:12-slim\nRUN echo "a && b && c" \\\n && x="$(d && e && f)" \\\n && g \\\n && h \\\n && i\n' },
    { name: 'exec form', code: 'FROM debian:12-slim\nRUN ["sh", "-c", "a && b && c && d && e && f"]\n' },
  ],
  invalid: [
    {
      name: 'six steps over six lines',
      code: chain('&&'),
      errors: [{ at: '2:1-2:4', messageId: 'longChain', data: { count: '6', lines: '6' }, fixes: ['useHeredoc'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\ncurl -fsSLo /tmp/t.tgz https://example.com/t.tgz\ntar -xzf /tmp/t.tgz -C /usr/local/bin\nrm /tmp/t.tgz\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'trailing operators, set -ex kept, a continued command, flags kept',
      code: 'FROM debian:12-slim\nRUN --network=host set -ex && \\\n    apt-get update && \\\n    apt-get install -y \\\n        curl \\\n        git && \\\n    b && \\\n    c && \\\n    d\n',
      errors: [{ at: '2:1-2:4', messageId: 'longChain', data: { count: '6', lines: '8' }, fixes: ['useHeredoc'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN --network=host <<EOF\nset -ex\napt-get update\napt-get install -y \\\n        curl \\\n        git\nb\nc\nd\nEOF\n',
    },
    {
      name: 'a comment line inside the RUN: no rewrite',
      code: chain('&&').replace(' && rm /tmp/t.tgz', '# clean up\n && rm /tmp/t.tgz'),
      errors: [{ at: '2:1-2:4', messageId: 'longChain', data: { count: '6', lines: '7' } }],
      output: null,
    },
    {
      name: 'an old pinned frontend: no rewrite',
      code: `# syntax=docker/dockerfile:1.3\n${chain('&&')}`,
      errors: [{ at: '3:1-3:4', messageId: 'longChain', data: { count: '6', lines: '6' } }],
      output: null,
    },
  ],
});
