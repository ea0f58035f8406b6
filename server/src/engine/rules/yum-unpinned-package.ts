import { defineRule } from '../rule';
import type { RuleContext, RuleHandlers } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { packageCommand, PACKAGE_MANAGERS, PIN_MESSAGES, type PackageManager } from '../model/package-managers';
import { reportUnpinned } from './support';

/** Shared by yum (DL3033) and dnf (DL3041): install packages need a version, `module install` streams a `:stream`. */
export function rpmPinningHandlers(ctx: RuleContext, manager: PackageManager): RuleHandlers {
  const install = (cmd: ShellCommand, instr: Instr): void => {
    const pc = packageCommand(cmd);
    if (pc?.manager !== manager || pc.action !== 'install') return;
    reportUnpinned(ctx, instr, pc);
  };
  // One function under each of the manager's names: called once per command.
  return { commands: Object.fromEntries(manager.commands.map((name) => [name, install])) };
}

export default defineRule({
  meta: {
    id: 'yum-unpinned-package',
    aliases: { hadolint: 'DL3033' },
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
  create(ctx) { return rpmPinningHandlers(ctx, PACKAGE_MANAGERS.yum); },
});
