import { defineRule } from '../rule';
import { aptInstall, parseArgs, isCommand, APT_VALUE_FLAGS } from '../model/commands';
import type { ShellCommand } from '../model/shell';

/** apt-get assumes yes with -y/--yes/--assume-yes, or with quiet level 2 (-qq, -q -q, -q=2, --quiet twice). */
function assumesYes(cmd: ShellCommand): boolean {
  const { flags } = parseArgs(cmd, APT_VALUE_FLAGS);
  if (flags.some((f) => ['y', 'yes', 'assume-yes', 'qq'].includes(f.name))) return true;
  if (cmd.args.some((w) => /^(-q=2|--quiet=2)$/.test(w.value))) return true;
  const quiet = flags.filter((f) => f.name === 'q' || f.name === 'quiet').length;
  return quiet === 2;
}

export default defineRule({
  meta: {
    id: 'apt-get-missing-yes',
    aliases: { hadolint: 'DL3014' },
    defaultSeverity: 'warning',
    needs: { commands: ['apt-get', 'apt'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`apt-get install` without `-y`',
      why: 'A build has no one to answer apt-get\'s "Do you want to continue?" prompt: without `-y` the install aborts as soon as it needs confirmation, which depends on what the packages pull in.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
      ],
      references: ['https://manpages.debian.org/apt-get'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        const install = aptInstall(cmd);
        if (!install || !isCommand(cmd, 'apt-get') || assumesYes(cmd)) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: '`apt-get install` without `-y` stops at the confirmation prompt',
          fixes: [{ title: 'Add -y', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['-y'] }], edits: [{ start: install.end, end: install.end, text: ' -y' }] }],
        });
      }
    }
  },
});
