import { defineRule } from '../rule';
import { packageCommand, PACKAGE_MANAGERS, removedLater, type PackageCommand } from '../model/package-managers';
import type { Instr } from '../model/dockerfile';
import { commandsAfter, packageCommands, runShips } from './support';
import { isDevEnvironmentStage } from '../model/base-images';

const APT = PACKAGE_MANAGERS.apt;

export default defineRule({
  meta: {
    id: 'apt-get-missing-no-install-recommends',
    aliases: { hadolint: 'DL3015' },
    counterparts: {
      trivy: ['DS-0029'],
      kics: ['APT-GET Not Avoiding Additional Packages'],
      differences: 'Finds `apt-get` with a shell parser, so the flag counts wherever it stands, and offers a fix that adds it.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      missingNoInstallRecommends: '`apt-get {subcommand}` without `--no-install-recommends` also installs recommended packages',
      addFlag: 'Add --no-install-recommends (unsafe: installs fewer packages)',
      addFlagAndCaCertificates: 'Add --no-install-recommends and ca-certificates, which curl and wget only recommend (unsafe: installs fewer packages)',
    },
    docs: {
      summary: '`apt-get install` without `--no-install-recommends`',
      why: 'By default apt also installs every "recommended" package: documentation, extra tools, sometimes whole toolchains. They make the image larger and widen its attack surface, and an image rarely needs them. Not reported in builder stages, whose packages never ship, nor in development environments (a Dev Container, a Dockerfile beside devcontainer.json, a `dev-envs` stage), where the recommended tools and docs are wanted; `apt-get install -s` only simulates, a bare `apt-get install -f` reached only when `dpkg -i` succeeded installs nothing, and packages purged with `--auto-remove` in the same RUN take their recommends with them.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\n' },
      ],
      fixSafety: 'Unsafe: the image gets fewer packages. curl and wget get their CA bundle only as a recommend, so when they are installed without ca-certificates the fix names it too and https downloads keep working; if something else relied on a recommended package, add it to the install list.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  create(ctx) {
    const judge = (instr: Instr) => {
      // Recommends installed in a builder stage never ship; a development environment wants them (docs, less, ssh).
      if (!runShips(instr) || (instr.stage && isDevEnvironmentStage(instr.stage, ctx.files))) return;
      for (const pc of packageCommands(instr)) {
        if (pc.manager !== APT || pc.tool !== 'apt-get' || pc.action !== 'install') continue;
        if (pc.flags.some((f) => f.name === 'no-install-recommends' || (f.value ?? '').startsWith('APT::Install-Recommends='))) continue;
        if (pc.cmd.args.some((w) => /APT::Install-Recommends=(false|0|no)/i.test(w.value))) continue;
        // Packages purged with their dependencies take their recommends along.
        if (onlyAfterDpkgSucceeded(ctx.model.text, instr, pc) || purgedWithDependencies(instr, pc)) continue;
        const install = pc.sub[0];
        ctx.report({
          start: pc.nameWord.start,
          end: pc.nameWord.end,
          messageId: 'missingNoInstallRecommends',
          data: { subcommand: pc.subcommand },
          fixes: [caCertificatesFix(pc) ?? { titleId: 'addFlag', safety: 'unsafe', edits: [{ start: install.end, end: install.end, text: ' --no-install-recommends' }] }],
        });
      }
    };
    return { runs: { 'apt-get': judge, apt: judge } };
  },
});

/** Every package the install names is removed later in the same RUN by a removal that also takes what they pulled in. */
function purgedWithDependencies(instr: Instr, pc: PackageCommand): boolean {
  const later = commandsAfter(instr, pc.cmd);
  const autoRemoves = later.some((c) => {
    const r = packageCommand(c);
    return r?.manager === APT && r.action === 'remove' && (r.subcommand === 'autoremove' || r.flags.some((f) => f.name === 'auto-remove' || f.name === 'autoremove'));
  });
  if (!autoRemoves) return false;
  const removed = removedLater(pc, later, instr.run?.commands ?? []);
  return pc.operands.every((w) => removed(w.value));
}

/**
 * `dpkg -i x.deb && … && apt-get install -f`: the install names nothing and runs only when dpkg found every dependency, so
 * it installs nothing (after `||`, `;` or `|| true &&` it does install the missing dependencies).
 */
function onlyAfterDpkgSucceeded(text: string, instr: Instr, pc: PackageCommand): boolean {
  if (pc.operands.length) return false;
  const cmds = instr.run?.commands ?? [];
  // Back through an unbroken `&&` chain to the dpkg.
  for (let i = cmds.indexOf(pc.cmd); i > 0; i--) {
    if (text.slice(cmds[i - 1].end, cmds[i].start).replace(/\\\r?\n|\s/g, '') !== '&&') return false;
    if (cmds[i - 1].name === 'dpkg') return true;
  }
  return false;
}

// Debian's curl and wget get their CA bundle only as a recommended package: without it every https download fails.
const NEEDS_CA_BUNDLE = new Set(['curl', 'wget']);

/** For an install of curl or wget that does not name ca-certificates: the flag, and ca-certificates named explicitly. */
function caCertificatesFix(pc: PackageCommand) {
  const names = pc.operands.map((w) => APT.packageName(w.value));
  if (!names.some((n) => NEEDS_CA_BUNDLE.has(n)) || names.includes('ca-certificates')) return undefined;
  const install = pc.sub[0];
  const last = pc.operands[pc.operands.length - 1];
  return {
    titleId: 'addFlagAndCaCertificates',
    safety: 'unsafe' as const,
    edits: [{ start: install.end, end: install.end, text: ' --no-install-recommends' }, { start: last.end, end: last.end, text: ' ca-certificates' }],
  };
}
