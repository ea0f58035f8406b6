import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';

export default defineRule({
  meta: {
    id: 'dnf-unpinned-package',
    aliases: { hadolint: 'DL3041' },
    counterparts: {
      kics: ['Missing Version Specification In dnf install'],
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
      summary: '`dnf install` of a package without a version',
      why: 'Without a version, `dnf install httpd` installs the newest build in the repositories on the day of the build, so rebuilds can differ. Pin with `name-version` (`httpd-2.4.62`) or `name-version-release`; for modules, name the stream (`dnf module install nodejs:20`). Fedora mirrors drop superseded builds, so pins there need regular bumps.',
      examples: [
        { bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n', good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n' },
      ],
      references: ['https://dnf.readthedocs.io/en/latest/command_ref.html#install-command'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, PACKAGE_MANAGERS.dnf); },
});
