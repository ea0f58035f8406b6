import { defineRule } from '../rule';
import { canMerge, isCleanupOnlyRun, mergeRunsEdits, previousInStage } from './support';

export default defineRule({
  meta: {
    id: 'cleanup-in-separate-layer',
    aliases: {},
    defaultSeverity: 'warning',
    needs: { keywords: ['RUN'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: 'Cleanup in its own RUN does not make the image smaller',
      why: 'Layers are additive: files created by one RUN stay in that layer even when a later RUN deletes them. Deleting caches, package lists or temporary files only saves space when it happens in the same RUN that created them.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n',
        },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (!isCleanupOnlyRun(instr)) continue;
        const prev = previousInStage(instr);
        if (!prev || prev.keyword !== 'RUN' || !prev.run) continue;
        const edits = canMerge(model, prev, instr) ? mergeRunsEdits(model, [prev, instr]) : undefined;
        ctx.report({
          start: instr.keywordStart,
          end: instr.keywordEnd,
          message: 'This RUN only deletes files; the bytes stay in the previous layer. Do the cleanup in the RUN that created them',
          fixes: edits ? [{ title: 'Merge the cleanup into the previous RUN', safety: 'safe', changes: [{ kind: 'merges-runs' }], edits }] : [],
        });
      }
    }
  },
});
