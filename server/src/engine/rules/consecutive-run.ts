import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { canMerge, isCleanupOnlyRun, mergeRisk, mergeRunsEdits } from './support';
import { isAptUpdateOnlyRun } from './apt-get-update-alone';

// hadolint's condition: both RUNs are a single step (a chained RUN is already somebody's deliberate layer).
function singleStep(i: Instr): boolean {
  return (i.run?.scripts[0]?.topLevelCount ?? 0) <= 1;
}

export default defineRule({
  meta: {
    id: 'consecutive-run',
    aliases: { hadolint: 'DL3059' },
    counterparts: {
      tally: ['prefer-run-heredoc'],
      kics: ['Multiple RUN, ADD, COPY, Instructions Listed'],
      sonar: ['S7031'],
      differences: "Offers a fix that merges the RUNs into one, where tally's prefer-run-heredoc rewrites them as a heredoc and KICS also flags consecutive COPY/ADD to one destination.",
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'both',
    messages: {
      consecutiveRuns: '{count} consecutive RUN instructions each create a layer; merge them into one',
      mergeRuns: 'Merge {count} RUN instructions into one',
      mergeRunsUnsafe: 'Merge {count} RUN instructions into one (unsafe: {risk})',
      riskShellState: 'shell state carries over',
      riskPowershellState: 'PowerShell variables and location carry over',
      riskPowershellRunsOn: "joined with ';', Windows PowerShell runs on after a failed command, and PowerShell variables and location carry over",
    },
    docs: {
      summary: 'Consecutive RUN instructions that could be one layer',
      why: 'Every RUN creates an image layer. Single-command RUNs in a row add layers, metadata and cache entries without any benefit; one RUN per logical step keeps the image smaller and the build faster.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN mkdir -p /app/data\nRUN chown -R 1000:1000 /app\n',
          good: 'FROM debian:12-slim\nRUN mkdir -p /app/data && \\\n    chown -R 1000:1000 /app\n',
        },
      ],
      fixSafety: "Merging joins the commands with the shell's and-then operator (`&&` for POSIX shells, cmd and pwsh), so a failing command still stops the build, and comments that stood between the RUNs stay beside their command as lines of the continuation (Docker skips them there). It is safe unless an earlier RUN changes shell state (cd, export, set, umask …; cmd's CD, SET … in any letter case): that state would then carry into the commands merged after it, so such merges are marked unsafe. Under PowerShell every merge is unsafe: its variables and location carry over, and Windows PowerShell 5.1 has no `&&`, so its commands are joined with `;`, which runs on after a failed command ($ErrorActionPreference = 'Stop' stops on cmdlet errors only, not on a failing program). Under a shell Dockwise does not know there is no fix.",
      references: ['https://docs.docker.com/build/building/best-practices/#run'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const list = stage.instructions;
      for (let i = 0; i < list.length; i++) {
        // Grow the chain of neighbours that qualify pairwise; report it once, on its second RUN.
        const chain = [list[i]];
        while (i + 1 < list.length) {
          const a = chain[chain.length - 1];
          const b = list[i + 1];
          if (!canMerge(model, a, b) || !singleStep(a) || !singleStep(b)) break;
          // These pairs belong to more specific rules with their own advice.
          if (isCleanupOnlyRun(b) || isAptUpdateOnlyRun(a)) break;
          chain.push(b);
          i++;
        }
        if (chain.length < 2) continue;
        const second = chain[1];
        const edits = mergeRunsEdits(model, chain, { sequence: true });
        const risk = mergeRisk(chain);
        ctx.report({
          start: second.keywordStart,
          end: second.keywordEnd,
          messageId: 'consecutiveRuns',
          data: { count: chain.length },
          fixes: edits ? [{ ...(risk ? { titleId: 'mergeRunsUnsafe', data: { count: chain.length, risk } } : { titleId: 'mergeRuns', data: { count: chain.length } }), safety: risk ? 'unsafe' : 'safe', changes: [{ kind: 'merges-runs' }], edits }] : [],
        });
      }
    }
  },
});
