import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'copy-from-own-stage',
    aliases: { hadolint: 'DL3023' },
    counterparts: {
      tally: ['hadolint/DL3023'],
      trivy: ['DS-0006'],
      kics: ["COPY '--from' References Current FROM Alias"],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      fromOwnStage: '`COPY --from={stage}` copies from the stage it is in',
    },
    docs: {
      summary: '`COPY --from` names the stage it is in',
      why: 'A stage cannot copy from itself: its files are not built yet. The build fails with a circular dependency. Copy from the stage that produces the files, or use a plain COPY/`RUN cp` within the stage.',
      examples: [
        { bad: 'FROM node:22-slim AS build\nCOPY --from=build /app/dist /srv\n', good: 'FROM node:22-slim AS build\nRUN mkdir -p /srv && cp -r /app/dist /srv\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  create(ctx) {
    return {
      instructions: {
        COPY(instr) {
          // Instructions before the first FROM belong to no stage.
          const alias = instr.stage?.alias;
          if (!alias) return;
          const from = instr.flags.find((f) => f.name === 'from');
          if (!from?.value || from.value.toLowerCase() !== alias.toLowerCase()) return;
          const start = from.valueStart ?? from.start;
          ctx.report({ start, end: from.end, messageId: 'fromOwnStage', data: { stage: from.value } });
        },
      },
    };
  },
});
