import { defineRule } from '../rule';
import { assumesYes, changesPackages, PACKAGE_MANAGERS } from '../model/package-managers';
import { packageCommands } from './support';

const MANAGER = PACKAGE_MANAGERS.dnf;

export default defineRule({
  meta: {
    id: 'dnf-missing-yes',
    aliases: { hadolint: 'DL3038' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    needs: { commands: ['dnf', 'dnf5', 'microdnf'] },
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingYes: '`{tool} {subcommand}` without `-y` stops at the confirmation prompt',
      addYes: 'Add -y',
    },
    docs: {
      summary: '`dnf install` (or upgrade, remove) without `-y`',
      why: 'dnf (and microdnf) ask for confirmation before every transaction: install, upgrade or remove. A build cannot answer, so without `-y` (`--assumeyes`) the transaction is refused and the RUN fails.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const pc of packageCommands(instr)) {
        // Everything that changes packages asks first.
        if (pc.manager !== MANAGER || !changesPackages(pc) || assumesYes(pc)) continue;
        const sub = pc.sub[pc.sub.length - 1];
        ctx.report({
          start: pc.nameWord.start,
          end: pc.nameWord.end,
          messageId: 'missingYes',
          data: { tool: pc.tool, subcommand: pc.subcommand },
          fixes: [{ titleId: 'addYes', safety: 'safe', changes: [{ kind: 'adds-arguments', command: pc.cmd.name, args: [MANAGER.yes!.add] }], edits: [{ start: sub.end, end: sub.end, text: ' ' + MANAGER.yes!.add }] }],
        });
      }
    }
  },
});
