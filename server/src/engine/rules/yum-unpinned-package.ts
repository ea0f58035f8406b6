import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';

export default defineRule({
  meta: {
    id: 'yum-unpinned-package',
    aliases: { hadolint: 'DL3033' },
    counterparts: {
      kics: ['Yum install Without Version'],
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
      summary: '`yum install` of a package without a version',
      why: 'Without a version, `yum install httpd` installs the newest build in the repositories on the day of the build, so rebuilds can differ. Pin with `name-version` (`httpd-2.4.6`) or `name-version-release`; for modules, name the stream (`yum module install nodejs:20`). RHEL-family repositories usually keep older versions, but mirrors of some distributions do not: pinned builds then fail until the pin is bumped.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
      ],
      references: ['https://man7.org/linux/man-pages/man8/yum.8.html'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, PACKAGE_MANAGERS.yum); },
});
