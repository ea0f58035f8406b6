import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { assumeYesHandlers } from './support';

const MANAGER = PACKAGE_MANAGERS.zypper;

export default defineRule({
  meta: {
    id: 'zypper-missing-non-interactive',
    aliases: { hadolint: 'DL3034' },
    counterparts: {
      tally: ['hadolint/DL3034'],
      kics: ['Missing Zypper Non-interactive Switch'],
      differences: 'Offers a fix that adds `-y`.',
    },
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
  create(ctx) { return assumeYesHandlers(ctx, MANAGER, 'missingNonInteractive', (pc) => ({ subcommand: pc.subcommand })); },
});
