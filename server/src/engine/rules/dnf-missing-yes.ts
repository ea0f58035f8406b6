import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { assumeYesHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.dnf;

export default defineRule({
  meta: {
    id: 'dnf-missing-yes',
    aliases: { hadolint: 'DL3038' },
    counterparts: {
      tally: ['hadolint/DL3038'],
      kics: ['Missing Flag From Dnf Install'],
      differences: 'Also checks upgrade and remove, and microdnf, and offers a fix that adds `-y`.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
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
  create(ctx) { return assumeYesHandlers(ctx, MANAGER, 'missingYes', (pc) => ({ tool: pc.tool, subcommand: pc.subcommand })); },
});
