import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { appendCommandEdit, cacheCleanedAfter, cacheDirsAt, mountsCache, packageCommands, runShips } from './support';

const MANAGER = PACKAGE_MANAGERS.dnf;


export default defineRule({
  meta: {
    id: 'dnf-cache-not-cleaned',
    aliases: { hadolint: 'DL3040' },
    defaultSeverity: 'warning',
    needs: { commands: ['dnf', 'dnf5', 'microdnf'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`dnf install` or `dnf upgrade` without `dnf clean all`',
      why: 'dnf keeps repository metadata and downloaded packages in /var/cache/dnf (/var/cache/libdnf5 for dnf5). Unless the same RUN runs `dnf clean all` (or removes the cache, or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && \\\n    dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command'],
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
        const tool = pc.tool;
        const edit = appendCommandEdit(ctx.model, instr, `${tool} clean all`);
        ctx.report({
          start: pc.cmd.start,
          end: pc.cmd.end,
          message: `The ${tool} cache stays in this layer; run \`${tool} clean all\` in the same RUN`,
          fixes: edit ? [{ title: `Append ${tool} clean all`, safety: 'safe', changes: [{ kind: 'appends-command', command: `${tool} clean all` }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
