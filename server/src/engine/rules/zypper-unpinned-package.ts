import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';

const ZYPPER = PACKAGE_MANAGERS.zypper;

export default defineRule({
  meta: {
    id: 'zypper-unpinned-package',
    aliases: { hadolint: 'DL3037' },
    counterparts: {
      kics: ['Zypper Install Without Version'],
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unpinned: 'Pin {packages}',
      ...PIN_MESSAGES,
    },
    docs: {
      summary: '`zypper install` of a package without a version',
      why: 'Without a version, `zypper install curl` installs the newest build on the day of the build, so rebuilds can differ. Pin with `curl=8.6.0` or a range such as `"curl>=8.6"`. openSUSE repositories drop superseded builds, so exact pins need regular bumps.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n', good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, ZYPPER); },
});
