import { defineRule } from '../rule';
import { isCommand, parseArgs, toolSubcommand, ZYPPER_VALUE_FLAGS } from '../model/commands';
import { appendCommandEdit, cacheMountTargets, commandsAfter, runShips } from './support';

export default defineRule({
  meta: {
    id: 'zypper-cache-not-cleaned',
    aliases: { hadolint: 'DL3036' },
    defaultSeverity: 'warning',
    needs: { commands: ['zypper'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`zypper install` without `zypper clean`',
      why: 'zypper keeps repository metadata and packages in /var/cache/zypp. Unless the same RUN runs `zypper clean` (or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n', good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && \\\n    zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  check(ctx) {
    const cacheDir = (p: string) => p.replace(/(?<!\/)\/+$/, '').startsWith('/var/cache/zypp');
    for (const instr of ctx.model.runs) {
      if (!runShips(instr)) continue;
      if (cacheMountTargets(instr).some(cacheDir)) continue;
      for (const cmd of instr.run!.commands) {
        if (!toolSubcommand(cmd, ['zypper'], ['install', 'in'], ZYPPER_VALUE_FLAGS)) continue;
        const cleaned = commandsAfter(instr, cmd).some((c) => toolSubcommand(c, ['zypper'], ['clean', 'cc'], ZYPPER_VALUE_FLAGS)
          || (isCommand(c, 'rm') && parseArgs(c).operands.some((w) => cacheDir(w.value))));
        if (cleaned) continue;
        const edit = appendCommandEdit(ctx.model, instr, 'zypper clean');
        ctx.report({
          start: cmd.start,
          end: cmd.end,
          message: 'The zypper cache stays in this layer; run `zypper clean` in the same RUN',
          fixes: edit ? [{ title: 'Append zypper clean', safety: 'safe', changes: [{ kind: 'appends-command', command: 'zypper clean' }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
