import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { packageCommands, runShips } from './support';
import { isDevEnvironmentStage } from '../model/base-images';

const APT = PACKAGE_MANAGERS.apt;

export default defineRule({
  meta: {
    id: 'apt-get-missing-no-install-recommends',
    aliases: { hadolint: 'DL3015' },
    defaultSeverity: 'info',
    needs: { commands: ['apt-get', 'apt'] },
    scope: 'stage',
    fixable: 'unsafe',
    docs: {
      summary: '`apt-get install` without `--no-install-recommends`',
      why: 'By default apt also installs every "recommended" package: documentation, extra tools, sometimes whole toolchains. They make the image larger and widen its attack surface, and an image rarely needs them. Not reported in builder stages, whose packages never ship, nor in development environments (a Dev Container, a Dockerfile beside devcontainer.json, a `dev-envs` stage), where the recommended tools and docs are wanted; `apt-get install -s` only simulates.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
      ],
      fixSafety: 'Unsafe: the image gets fewer packages. If something relied on a recommended package (for example ca-certificates pulled in by curl), add it to the install list explicitly.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      // Recommends installed in a builder stage never ship; a development environment wants them (docs, less, ssh).
      if (!runShips(instr) || (instr.stage && isDevEnvironmentStage(instr.stage, ctx.files))) continue;
      for (const pc of packageCommands(instr)) {
        if (pc.manager !== APT || pc.tool !== 'apt-get' || pc.action !== 'install') continue;
        if (pc.flags.some((f) => f.name === 'no-install-recommends' || (f.value ?? '').startsWith('APT::Install-Recommends='))) continue;
        if (pc.cmd.args.some((w) => /APT::Install-Recommends=(false|0|no)/i.test(w.value))) continue;
        const install = pc.sub[0];
        ctx.report({
          start: pc.nameWord.start,
          end: pc.nameWord.end,
          message: `\`apt-get ${pc.subcommand}\` without \`--no-install-recommends\` also installs recommended packages`,
          fixes: [{ title: 'Add --no-install-recommends (unsafe: installs fewer packages)', safety: 'unsafe', edits: [{ start: install.end, end: install.end, text: ' --no-install-recommends' }] }],
        });
      }
    }
  },
});
