import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { aptInstall, aptUpdate, isCommand, subcommand, APT_VALUE_FLAGS } from '../model/commands';
import { canMerge, mergeRunsEdits, nextInStage } from './support';

/** A RUN that refreshes the apt index but installs or upgrades nothing with it. */
export function isAptUpdateOnlyRun(instr: Instr): boolean {
  const cmds = instr.run?.commands ?? [];
  if (!cmds.some(aptUpdate)) return false;
  return !cmds.some((c) => aptInstall(c) || (isCommand(c, 'apt-get', 'apt') && ['upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source'].includes(subcommand(c, APT_VALUE_FLAGS)?.value ?? '')));
}

export default defineRule({
  meta: {
    id: 'apt-get-update-alone',
    aliases: {},
    defaultSeverity: 'warning',
    needs: { commands: ['apt-get', 'apt', 'aptitude'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`apt-get update` in a RUN that installs nothing',
      why: 'The layer cache keeps the RUN with `apt-get update` as long as its text is unchanged. When a later RUN changes its package list, it installs against the months-old cached index: packages fail to download or come out stale. Update and install in the same RUN.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.runs) {
      if (!isAptUpdateOnlyRun(instr)) continue;
      const update = instr.run!.commands.find(aptUpdate)!;
      const next = instr.onbuild ? undefined : nextInStage(instr);
      const installs = next?.run?.commands.some(aptInstall);
      const edits = next && installs && canMerge(model, instr, next) ? mergeRunsEdits(model, [instr, next]) : undefined;
      ctx.report({
        start: update.start,
        end: update.end,
        message: '`apt-get update` without an install in the same RUN: a cached index goes stale and later installs fail',
        fixes: edits ? [{ title: 'Merge with the next RUN that installs', safety: 'safe', changes: [{ kind: 'merges-runs' }], edits }] : [],
      });
    }
  },
});
