import { defineRule } from '../rule';
import type { ShellCommand } from '../model/shell';
import { assumesYes, changesPackages, packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';

const APT = PACKAGE_MANAGERS.apt;

export default defineRule({
  meta: {
    id: 'apt-get-missing-yes',
    aliases: { hadolint: 'DL3014' },
    counterparts: {
      tally: ['hadolint/DL3014'],
      trivy: ['DS-0021'],
      kics: ['APT-GET Missing Flags To Avoid Manual Input'],
      differences: 'Also checks `apt-get upgrade` and `remove`, and offers a fix that adds `-y`.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingYes: '`apt-get {subcommand}` without `-y` stops at the confirmation prompt',
      addYes: 'Add -y',
    },
    docs: {
      summary: '`apt-get install` (or upgrade, remove) without `-y`',
      why: 'A build has no one to answer apt-get\'s "Do you want to continue?" prompt: without `-y` an install, upgrade or removal aborts as soon as it needs confirmation, which depends on what the packages pull in or take away. `-s`, `--simulate` and `--dry-run` only simulate and never ask.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
      ],
      references: ['https://manpages.debian.org/apt-get'],
    },
  },
  create(ctx) {
    const judge = (cmd: ShellCommand) => {
      const pc = packageCommand(cmd);
      // Everything that changes packages can ask first.
      if (!pc || pc.manager !== APT || pc.tool !== 'apt-get' || !changesPackages(pc) || assumesYes(pc)) return;
      const sub = pc.sub[0];
      ctx.report({
        start: pc.nameWord.start,
        end: pc.nameWord.end,
        messageId: 'missingYes',
        data: { subcommand: pc.subcommand },
        fixes: [{ titleId: 'addYes', safety: 'safe', changes: [{ kind: 'adds-arguments', command: pc.cmd.name, args: ['-y'] }], edits: [{ start: sub.end, end: sub.end, text: ' -y' }] }],
      });
    };
    return { commands: { 'apt-get': judge, apt: judge } };
  },
});
