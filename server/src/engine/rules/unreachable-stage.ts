import { defineRule } from '../rule';
import { neededStages } from '../model/stage-graph';
import { isBuilderName } from '../model/stage-names';

export default defineRule({
  meta: {
    id: 'unreachable-stage',
    aliases: {},
    counterparts: {
      tally: ['no-unreachable-stages'],
      differences: 'Stages with their own CMD or ENTRYPOINT count as build targets, references through ARG values are resolved (an unresolved one makes every stage count as used), and a named stage, which may be a `--target`, is reported only when its name says it is a builder (`build`, `deps`, `*-builder`).',
    },
    category: 'cache',
    status: 'stable',
    defaultSeverity: 'info',
    tags: ['unnecessary'],
    // A stage another build of the file uses (its args choose it) is not dead code.
    builds: 'every',
    messages: {
      unnamedStage: 'Stage {index} is not used by the final stage (not built FROM, copied from or mounted) and, without a name, cannot be a `--target`: it is dead',
      namedStage: 'Builder stage `{stage}` is not used by the final stage (not built FROM, copied from or mounted): what it builds is thrown away',
    },
    docs: {
      summary: 'A stage the final image does not need',
      why: 'BuildKit builds only the stages the target needs: a stage that the final stage is not built FROM, does not copy from and does not mount is skipped, while the legacy builder still builds it. Either way it is dead code that readers must study and that still gets updated. An unnamed stage cannot even be chosen with `--target`, so it is surely dead: delete it, or copy from it if that was the intent. A named stage that nothing uses may be a target for `docker build --target` (a test or dev image), so it is reported only when its name says it builds something for another stage (`build`, `builder`, `deps`, `*-build`).',
      examples: [
        { bad: 'FROM node:22 AS deps\nRUN npm ci\nFROM golang:1.23\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=deps /app/node_modules /app/node_modules\n', good: 'FROM node:22 AS deps\nRUN npm ci\nFROM gcr.io/distroless/static-debian12\nCOPY --from=deps /app/node_modules /app/node_modules\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/#differences-between-legacy-builder-and-buildkit', 'https://docs.docker.com/build/building/multi-stage/#stop-at-a-specific-build-stage'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.stages.length < 2) return;
    const needed = neededStages(model);
    if (!needed) return;
    for (const stage of model.stages) {
      if (needed.has(stage)) continue;
      if (stage.alias && stage.aliasStart !== undefined) {
        if (isBuilderName(stage.alias)) ctx.report({ start: stage.aliasStart, end: stage.aliasEnd!, messageId: 'namedStage', data: { stage: stage.alias } });
      } else ctx.report({ start: stage.from.keywordStart, end: stage.imageEnd, messageId: 'unnamedStage', data: { index: String(stage.index) } });
    }
  },
});
