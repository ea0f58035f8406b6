import { defineRule } from '../rule';
import { flagNames, toolSubcommand, ZYPPER_VALUE_FLAGS } from '../model/commands';

const SUBS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export default defineRule({
  meta: {
    id: 'zypper-missing-non-interactive',
    aliases: { hadolint: 'DL3034' },
    defaultSeverity: 'warning',
    needs: { commands: ['zypper'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`zypper install` without `-n` / `-y`',
      why: 'zypper asks before changing packages. In a build nobody answers, so the RUN fails or hangs. `zypper -n` (`--non-interactive`) before the subcommand, or `-y` (`--no-confirm`) after it, makes it proceed.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean\n', good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const hit = toolSubcommand(cmd, ['zypper'], SUBS, ZYPPER_VALUE_FLAGS);
        if (!hit) continue;
        const flags = flagNames(cmd, ZYPPER_VALUE_FLAGS);
        if (['n', 'non-interactive', 'no-confirm', 'y'].some((f) => flags.has(f))) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: `\`zypper ${hit.sub.value}\` without \`-n\` or \`-y\` waits for an answer`,
          fixes: [{ title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['-y'] }], edits: [{ start: hit.sub.end, end: hit.sub.end, text: ' -y' }] }],
        });
      }
    }
  },
});
