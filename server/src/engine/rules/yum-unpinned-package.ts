import { defineRule } from '../rule';
import type { RuleContext } from '../rule';
import { baseName, toolSubcommand, RPM_VALUE_FLAGS } from '../model/commands';
import { resolvedOperand } from './support';

/** `name-version[-release]`: some part after the first `-` starts with a digit (`httpd-2.4.6`). */
export function rpmPinned(spec: string): boolean {
  if (spec.endsWith('.rpm') || spec.includes('/')) return true;
  if (/[=<>]/.test(spec)) return true;
  const parts = spec.split('-').slice(1);
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9.~^_:+*]+$/.test(p)) && parts.some((p) => /^\d/.test(p));
}

/** Shared by yum (DL3033) and dnf (DL3041): install packages need a version, `module install` streams a `:stream`. */
export function checkRpmPinning(ctx: RuleContext, tools: string[]): void {
  for (const instr of ctx.model.runs) {
    for (const cmd of instr.run!.commands) {
      const tool = baseName(cmd);
      const module = toolSubcommand(cmd, tools, ['module'], RPM_VALUE_FLAGS);
      let words;
      let isModule = false;
      if (module) {
        if (module.operands[0]?.value !== 'install') continue;
        words = module.operands.slice(1);
        isModule = true;
      } else {
        const hit = toolSubcommand(cmd, tools, ['install', 'in', 'localinstall', 'reinstall'], RPM_VALUE_FLAGS);
        if (!hit) continue;
        words = hit.operands.filter((w) => !w.value.startsWith('@')); // groups and modules by @name
      }
      for (const w of words) {
        const values = resolvedOperand(ctx.model, instr, w);
        if (!values) continue;
        const unpinned = values.filter((v) => (isModule ? !v.includes(':') : !rpmPinned(v)));
        if (!unpinned.length) continue;
        ctx.report({
          start: w.start,
          end: w.end,
          message: isModule
            ? `Pin the stream of module \`${unpinned.join(' ')}\` (\`${tool} module install <module>:<stream>\`)`
            : `Pin the version of \`${unpinned.join(' ')}\` (\`${tool} install <package>-<version>\`)`,
        });
      }
    }
  }
}

export default defineRule({
  meta: {
    id: 'yum-unpinned-package',
    aliases: { hadolint: 'DL3033' },
    defaultSeverity: 'warning',
    needs: { commands: ['yum'] },
    scope: 'stage',
    docs: {
      summary: '`yum install` of a package without a version',
      why: 'Without a version, `yum install httpd` installs the newest build in the repositories on the day of the build, so rebuilds can differ. Pin with `name-version` (`httpd-2.4.6`) or `name-version-release`; for modules, name the stream (`yum module install nodejs:20`). RHEL-family repositories usually keep older versions, but mirrors of some distributions do not: pinned builds then fail until the pin is bumped.',
      examples: [
        { bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
      ],
      references: ['https://man7.org/linux/man-pages/man8/yum.8.html'],
    },
  },
  check(ctx) { checkRpmPinning(ctx, ['yum']); },
});
