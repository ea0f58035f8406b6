import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { appendCommandEdit, cacheCleanedAfter, cacheDirsAt, mountsCache, packageCommands, runShips } from './support';

const MANAGER = PACKAGE_MANAGERS.zypper;

export default defineRule({
  meta: {
    id: 'zypper-cache-not-cleaned',
    aliases: { hadolint: 'DL3036' },
    defaultSeverity: 'warning',
    needs: { commands: ['zypper'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`zypper install` or `zypper update` without `zypper clean`',
      why: 'zypper keeps repository metadata and packages in /var/cache/zypp. Unless the same RUN runs `zypper clean` (or removes /var/cache/zypp, or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n', good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && \\\n    zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
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
          message: 'The zypper cache stays in this layer; run `zypper clean` in the same RUN',
          fixes: edit ? [{ title: 'Append zypper clean', safety: 'safe', changes: [{ kind: 'appends-command', command: 'zypper clean' }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
