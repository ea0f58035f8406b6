import rule from '../../../server/src/engine/rules/chmod-after-copy';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\n',
    { name: 'chmod of a path nothing was copied to', code: 'FROM alpine:3.21\nCOPY app.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/other.sh\n' },
    { name: 'chmod before the COPY', code: 'FROM alpine:3.21\nRUN mkdir -p /app && chmod 755 /app\nCOPY app.sh /app/\n' },
    { name: 'a folder around the copied file, not recursive', code: 'FROM alpine:3.21\nCOPY app.sh /app/\nRUN chmod 755 /app\n' },
    { name: 'another stage', code: 'FROM alpine:3.21 AS a\nCOPY run.sh /usr/local/bin/\nFROM alpine:3.21\nRUN chmod +x /usr/local/bin/run.sh\n' },
    { name: 'a variable', code: 'FROM alpine:3.21\nCOPY run.sh /usr/local/bin/\nRUN chmod +x $BIN/run.sh\n' },
    { name: 'echo', code: 'FROM alpine:3.21\nCOPY run.sh /usr/local/bin/\nRUN echo chmod +x /usr/local/bin/run.sh\n' },
    { name: 'a file the COPY of a folder did not name', code: 'FROM alpine:3.21\nCOPY scripts/ /opt/\nRUN chmod +x /usr/local/bin/run.sh\n' },
    { name: 'one file inside a copied folder: --chmod would change them all', code: 'FROM alpine:3\nCOPY data /etc/monit\nRUN chmod 600 /etc/monit/monitrc\n' },
    { name: '--reference', code: 'FROM alpine:3.21\nCOPY run.sh /usr/local/bin/\nRUN chmod --reference=/bin/sh /usr/local/bin/run.sh\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\n',
      errors: [{ at: '3:5-3:43', messageId: 'chmodRewritesCopy', data: { lines: '2' }, fixes: ['useCopyChmod'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n',
    },
    {
      name: 'symbolic +x: unsafe',
      code: 'FROM alpine:3.21\nCOPY run.sh /usr/local/bin/\n# make it runnable\nRUN chmod +x /usr/local/bin/run.sh\n',
      errors: [{ at: '4:5-4:35', messageId: 'chmodRewritesCopy', fixes: ['useCopyChmodOctal'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nCOPY --chmod=755 run.sh /usr/local/bin/\n# make it runnable\n',
    },
    {
      name: 'the destination named directly: the source may be a folder',
      code: 'FROM alpine:3.21\nCOPY docker-entrypoint.sh /entrypoint.sh\nRUN chmod 0755 /entrypoint.sh\n',
      errors: [{ at: '3:5-3:30', messageId: 'chmodRewritesCopy', fixes: ['useCopyChmodFolder'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nCOPY --chmod=0755 docker-entrypoint.sh /entrypoint.sh\n',
    },
    {
      name: 'relative destination under WORKDIR',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY start.sh ./\nRUN chmod 755 /app/start.sh\n',
      errors: [{ at: '4:5-4:28', messageId: 'chmodRewritesCopy', fixes: ['useCopyChmod'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chmod=755 start.sh ./\n',
    },
    {
      name: 'chained with other work: no fix',
      code: 'FROM alpine:3.21\nCOPY run.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/run.sh && apk add --no-cache bash\n',
      errors: [{ at: '3:5-3:35', messageId: 'chmodRewritesCopy', fixes: [] }],
      output: null,
    },
    {
      name: 'recursive over a copied folder: no fix',
      code: 'FROM alpine:3.21\nCOPY scripts/ /opt/scripts/\nRUN chmod -R 755 /opt/scripts\n',
      errors: [{ at: '3:5-3:30', messageId: 'chmodRewritesCopy', fixes: [] }],
      output: null,
    },
    {
      name: 'one of several sources',
      code: 'FROM alpine:3.21\nCOPY a.sh b.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/a.sh\n',
      errors: [{ at: '3:5-3:34', messageId: 'chmodRewritesCopy', fixes: [] }],
      output: null,
    },
    {
      name: 'the COPY already sets a mode: no fix',
      code: 'FROM alpine:3.21\nCOPY --chmod=644 run.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/run.sh\n',
      errors: [{ at: '3:5-3:36', messageId: 'chmodRewritesCopy', fixes: [] }],
      output: null,
    },
  ],
});
