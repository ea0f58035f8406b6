import { defineRule } from '../rule';
import { aptInstall, isCommand, parseArgs, APT_VALUE_FLAGS } from '../model/commands';

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
      why: 'By default apt also installs every "recommended" package: documentation, extra tools, sometimes whole toolchains. They make the image larger and widen its attack surface, and an image rarely needs them.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
      ],
      fixSafety: 'Unsafe: the image gets fewer packages. If something relied on a recommended package (for example ca-certificates pulled in by curl), add it to the install list explicitly.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const install = aptInstall(cmd);
        if (!install || !isCommand(cmd, 'apt-get')) continue;
        const { flags } = parseArgs(cmd, APT_VALUE_FLAGS);
        if (flags.some((f) => f.name === 'no-install-recommends' || (f.value ?? '').startsWith('APT::Install-Recommends=') )) continue;
        if (cmd.args.some((w) => /APT::Install-Recommends=(false|0|no)/i.test(w.value))) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: '`apt-get install` without `--no-install-recommends` also installs recommended packages',
          fixes: [{ title: 'Add --no-install-recommends (unsafe: installs fewer packages)', safety: 'unsafe', edits: [{ start: install.end, end: install.end, text: ' --no-install-recommends' }] }],
        });
      }
    }
  },
});
