import { defineRule } from '../rule';
import { flagNames, toolSubcommand, RPM_VALUE_FLAGS } from '../model/commands';

export default defineRule({
  meta: {
    id: 'yum-missing-yes',
    aliases: { hadolint: 'DL3030' },
    defaultSeverity: 'warning',
    needs: { commands: ['yum'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`yum install` without `-y`',
      why: 'yum asks "Is this ok [y/N]" before installing. A build cannot answer, so without `-y` (`--assumeyes`) yum reads end-of-input as "no" and the RUN fails.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
      ],
      references: ['https://man7.org/linux/man-pages/man8/yum.8.html'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const hit = toolSubcommand(cmd, ['yum'], ['install', 'groupinstall', 'localinstall'], RPM_VALUE_FLAGS);
        if (!hit) continue;
        const flags = flagNames(cmd, RPM_VALUE_FLAGS);
        if (flags.has('y') || flags.has('assumeyes')) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: `\`yum ${hit.sub.value}\` without \`-y\` stops at the confirmation prompt`,
          fixes: [{ title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['-y'] }], edits: [{ start: hit.sub.end, end: hit.sub.end, text: ' -y' }] }],
        });
      }
    }
  },
});
