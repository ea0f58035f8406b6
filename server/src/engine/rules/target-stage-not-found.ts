import { defineRule } from '../rule';
import { closestUnique } from '../closest';

export default defineRule({
  meta: {
    id: 'target-stage-not-found',
    aliases: {},
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    messages: {
      noSuchStage: 'The build\'s target `{target}` names no stage of this file (its stages: {stages}): the build fails',
      noSuchStageSuggestion: 'The build\'s target `{target}` names no stage of this file: the build fails. Did you mean `{suggestion}`?',
      noNamedStage: 'The build\'s target `{target}` names no stage: this file names none (`FROM … AS name`), so the build fails',
    },
    docs: {
      summary: 'A compose or bake build\'s target names no stage',
      why: 'A build with a target (compose `build.target`, bake `target`, `docker build --target`) builds the stage of that name, compared without regard to case. When no stage has the name, usually after a stage was renamed or because of a typo, the build fails at once with "target stage could not be found". The finding also points at the `target:` line of the compose or bake file.',
      examples: [
        {
          bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12 AS runtime\nCOPY --from=build /out/app /app\n',
          good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12 AS release\nCOPY --from=build /out/app /app\n',
          invocation: { target: 'release' },
          note: 'Built by a compose service with `target: release`.',
        },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/#stop-at-a-specific-build-stage', 'https://docs.docker.com/reference/compose-file/build/#target'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const target = model.invocation?.target;
    const first = model.stages[0];
    // The model matches the target as BuildKit does (any case, names only: a number is no target).
    if (!target || !first || model.targetStage) return;
    const names = model.stages.flatMap((s) => (s.alias ? [s.alias] : []));
    // Nothing in the Dockerfile is wrong: the first FROM carries the finding, the related location the `target:` line.
    const range = { start: first.from.keywordStart, end: first.imageEnd, related: model.declaredAt('target') };
    const suggestion = closestUnique(target, names);
    if (suggestion) ctx.report({ ...range, messageId: 'noSuchStageSuggestion', data: { target, suggestion } });
    else if (names.length) ctx.report({ ...range, messageId: 'noSuchStage', data: { target, stages: names.join(', ') } });
    else ctx.report({ ...range, messageId: 'noNamedStage', data: { target } });
  },
});
