import { defineRule } from '../rule';
import { assumesYes, changesPackages, packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';

const MANAGER = PACKAGE_MANAGERS.zypper;

export default defineRule({
  meta: {
    id: 'zypper-missing-non-interactive',
    aliases: { hadolint: 'DL3034' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingNonInteractive: '`zypper {subcommand}` without `-n` or `-y` waits for an answer',
      addYes: 'Add -y',
    },
    docs: {
      summary: '`zypper install` (or update, remove) without `-n` / `-y`',
      why: 'zypper asks before changing packages. In a build nobody answers, so the RUN fails or hangs. `zypper -n` (`--non-interactive`) before the subcommand, or `-y` (`--no-confirm`) after it, makes it proceed.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean\n', good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  create(ctx) {
    return {
      commands: {
        zypper(cmd) {
          const pc = packageCommand(cmd);
          // Everything that changes packages asks first.
          if (pc?.manager !== MANAGER || !changesPackages(pc) || assumesYes(pc)) return;
          const sub = pc.sub[pc.sub.length - 1];
          ctx.report({
            start: pc.nameWord.start,
            end: pc.nameWord.end,
            messageId: 'missingNonInteractive',
            data: { subcommand: pc.subcommand },
            fixes: [{ titleId: 'addYes', safety: 'safe', changes: [{ kind: 'adds-arguments', command: pc.cmd.name, args: [MANAGER.yes!.add] }], edits: [{ start: sub.end, end: sub.end, text: ' ' + MANAGER.yes!.add }] }],
          });
        },
      },
    };
  },
});
