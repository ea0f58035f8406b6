import { defineRule } from '../rule';
import { isCommand, parseArgs, toolSubcommand, RPM_VALUE_FLAGS } from '../model/commands';
import { appendCommandEdit, cacheMountTargets, commandsAfter, runShips } from './support';

export default defineRule({
  meta: {
    id: 'yum-cache-not-cleaned',
    aliases: { hadolint: 'DL3032' },
    defaultSeverity: 'warning',
    needs: { commands: ['yum'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`yum install` without `yum clean all`',
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
      if (cacheMountTargets(instr).some((t) => t.replace(/(?<!\/)\/+$/, '').startsWith('/var/cache/yum'))) continue;
      for (const cmd of instr.run!.commands) {
        if (!toolSubcommand(cmd, ['yum'], ['install', 'groupinstall', 'localinstall'], RPM_VALUE_FLAGS)) continue;
        const cleaned = commandsAfter(instr, cmd).some((c) => toolSubcommand(c, ['yum'], ['clean'], RPM_VALUE_FLAGS)
          || (isCommand(c, 'rm') && parseArgs(c).operands.some((w) => w.value.replace(/(?<!\/)\/+$/, '').startsWith('/var/cache/yum'))));
        if (cleaned) continue;
        const edit = appendCommandEdit(ctx.model, instr, 'yum clean all');
        ctx.report({
          start: cmd.start,
          end: cmd.end,
          message: 'The yum cache stays in this layer; run `yum clean all` in the same RUN',
          fixes: edit ? [{ title: 'Append yum clean all', safety: 'safe', changes: [{ kind: 'appends-command', command: 'yum clean all' }], edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
