import { defineRule } from '../rule';
import { baseName, flagNames, toolSubcommand, RPM_VALUE_FLAGS } from '../model/commands';

export default defineRule({
  meta: {
    id: 'dnf-missing-yes',
    aliases: { hadolint: 'DL3038' },
    defaultSeverity: 'warning',
    needs: { commands: ['dnf', 'dnf5', 'microdnf'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`dnf install` without `-y`',
      why: 'dnf (and microdnf) ask for confirmation before installing. A build cannot answer, so without `-y` (`--assumeyes`) the transaction is refused and the RUN fails.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const hit = toolSubcommand(cmd, ['dnf', 'dnf5', 'microdnf'], ['install', 'groupinstall', 'localinstall'], RPM_VALUE_FLAGS);
        if (!hit) continue;
        const flags = flagNames(cmd, RPM_VALUE_FLAGS);
        if (flags.has('y') || flags.has('assumeyes')) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: `\`${baseName(cmd)} ${hit.sub.value}\` without \`-y\` stops at the confirmation prompt`,
          fixes: [{ title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['-y'] }], edits: [{ start: hit.sub.end, end: hit.sub.end, text: ' -y' }] }],
        });
      }
    }
  },
});
