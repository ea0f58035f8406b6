import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { appendCommandEdit, cacheCleanedAfter, cacheDirsAt, mountsCache, packageCommands, runShips } from './support';

const MANAGER = PACKAGE_MANAGERS.yum;

export default defineRule({
  meta: {
    id: 'yum-cache-not-cleaned',
    aliases: { hadolint: 'DL3032' },
    defaultSeverity: 'warning',
    needs: { commands: ['yum'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`yum install` or `yum update` without `yum clean all`',
      why: 'yum keeps repository metadata and downloaded packages in /var/cache/yum. Unless the same RUN runs `yum clean all` (or removes /var/cache/yum), that cache ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && \\\n    yum clean all\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#run'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      if (!runShips(instr)) continue;
      const dirs = cacheDirsAt(ctx.model, instr, MANAGER);
      if (mountsCache(instr, dirs)) continue;
      for (const pc of packageCommands(instr)) {
        // What downloads packages into the cache.
        if (pc.manager !== MANAGER || !(pc.action === 'install' || pc.action === 'upgrade')) continue;
        if (cacheCleanedAfter(instr, pc, dirs)) continue;
        const edit = appendCommandEdit(ctx.model, instr, MANAGER.cleanCommand!);
        ctx.report({
          start: pc.cmd.start,
          end: pc.cmd.end,
          message: 'The yum cache stays in this layer; run `yum clean all` in the same RUN',
          fixes: edit ? [{ title: 'Append yum clean all', safety: 'safe', changes: [{ kind: 'appends-command', command: 'yum clean all' }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
