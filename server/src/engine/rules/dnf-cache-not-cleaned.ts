import { defineRule } from '../rule';
import { baseName, isCommand, parseArgs, toolSubcommand, RPM_VALUE_FLAGS } from '../model/commands';
import { appendCommandEdit, cacheMountTargets, commandsAfter, runShips } from './support';

const TOOLS = ['dnf', 'dnf5', 'microdnf'];
const SUBS = ['install', 'in', 'groupinstall', 'localinstall', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

export default defineRule({
  meta: {
    id: 'dnf-cache-not-cleaned',
    aliases: { hadolint: 'DL3040' },
    defaultSeverity: 'warning',
    needs: { commands: ['dnf', 'dnf5', 'microdnf'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`dnf install` without `dnf clean all`',
      why: 'dnf keeps repository metadata and downloaded packages in /var/cache/dnf (/var/cache/libdnf5 for dnf5). Unless the same RUN runs `dnf clean all` (or removes the cache, or mounts a cache there), it ships in the layer. Stages that are only copied from are exempt: their files never ship.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && \\\n    dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command'],
    },
  },
  check(ctx) {
    const cacheDir = (p: string) => /^\/var\/cache\/(dnf|libdnf5|yum)(\/|$)|\.cache\/libdnf5/.test(p);
    for (const instr of ctx.model.runs) {
      if (!runShips(instr)) continue;
      if (cacheMountTargets(instr).some(cacheDir)) continue;
      for (const cmd of instr.run!.commands) {
        if (!toolSubcommand(cmd, TOOLS, SUBS, RPM_VALUE_FLAGS)) continue;
        const tool = baseName(cmd);
        const cleaned = commandsAfter(instr, cmd).some((c) => toolSubcommand(c, TOOLS, ['clean'], RPM_VALUE_FLAGS)
          || (isCommand(c, 'rm') && parseArgs(c).operands.some((w) => cacheDir(w.value))));
        if (cleaned) continue;
        const edit = appendCommandEdit(ctx.model, instr, `${tool} clean all`);
        ctx.report({
          start: cmd.start,
          end: cmd.end,
          message: `The ${tool} cache stays in this layer; run \`${tool} clean all\` in the same RUN`,
          fixes: edit ? [{ title: `Append ${tool} clean all`, safety: 'safe', changes: [{ kind: 'appends-command', command: `${tool} clean all` }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
