import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { packageCommand, PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { reportUnpinned } from './support';

const APT = PACKAGE_MANAGERS.apt;

export const PINNING_TRADE_OFF = 'The trade-off: Debian, Ubuntu and Alpine mirrors keep only the current version of each package, so a pinned version disappears after the next security update and the build fails until someone bumps it. Pin where reproducibility matters more than that maintenance (and automate the bumps, e.g. with Renovate), or pin the base image by digest instead and turn this rule off.';

export default defineRule({
  meta: {
    id: 'apt-get-unpinned-package',
    aliases: { hadolint: 'DL3008' },
    counterparts: {
      kics: ['Apt Get Install Pin Version Not Defined'],
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
      summary: '`apt-get install` of a package without a version',
      why: `Without a version, \`apt-get install curl\` installs whatever the mirror offers on the day of the build, so two builds of the same Dockerfile can differ and a rebuild can break. Pin with \`package=version\` (find it with \`apt-cache policy package\`) or a release with \`package/release\`. Each \`apt-get install\` gets one finding that names its unpinned packages; packages purged again in the same RUN (by name, or by \`apt-mark auto\` and \`--auto-remove\`, the pattern for build dependencies) never ship and are not reported, nor are globs. ${PINNING_TRADE_OFF}`,
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://manpages.debian.org/apt-get'],
    },
  },
  create(ctx) {
    const install = (cmd: ShellCommand, instr: Instr) => {
      const pc = packageCommand(cmd);
      // `apt install` is left to apt-instead-of-apt-get.
      if (!pc || pc.manager !== APT || pc.action !== 'install' || pc.tool !== 'apt-get') return;
      reportUnpinned(ctx, instr, pc);
    };
    return { commands: { 'apt-get': install, apt: install } };
  },
});
