import { defineRule } from '../rule';
import { isEmptyScratch } from '../model/base-images';
import { substitute } from '../model/variables';
import { copyOperands } from './support';

export default defineRule({
  meta: {
    id: 'copy-from-empty-scratch',
    aliases: {},
    counterparts: {
      tally: ['copy-from-empty-scratch-stage'],
      differences: 'Follows stages built FROM other stages and `--from` values set by ARG, and counts WORKDIR (which creates its folder) as content.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      emptyStage: 'Stage `{stage}` is `FROM scratch` with nothing copied into it: there is nothing to copy from it',
    },
    docs: {
      summary: '`COPY --from` a scratch stage that has no files',
      why: 'A stage `FROM scratch` starts with no files at all, and only COPY, ADD and WORKDIR put anything in it (RUN cannot run there). Copying a path from such a stage fails the build with "not found" (copying its root, `/`, copies nothing and succeeds: that is how a file offers content only some builds fill, and it is not reported): usually the COPY that was meant to fill it was deleted or went into another stage, or `--from` names the wrong stage. Copy from the stage that builds the files, or fill the scratch stage first.',
      examples: [
        { bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS artifact\nFROM gcr.io/distroless/static-debian12\nCOPY --from=artifact /out/app /app\n', good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS artifact\nCOPY --from=build /out/app /out/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=artifact /out/app /app\n' },
      ],
      references: ['https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch', 'https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        COPY(instr) {
          const stage = instr.stage;
          const from = instr.flags.find((f) => f.name === 'from');
          if (!stage || !from?.value || from.valueStart === undefined) return;
          const { value, unresolved } = substitute(from.value, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
          if (unresolved.length || !value) return;
          const source = model.stageByName(value, stage);
          if (!source || !isEmptyScratch(source)) return;
          // Copying the root of an empty stage copies nothing and succeeds: the idiom for content that is there only
          // in some builds (`FROM scratch AS tool-${FROM_SOURCE}`, filled in one variant, empty in the other).
          const sources = copyOperands(model, instr)?.sources ?? [];
          if (sources.length && sources.every((s) => /^(?:\/|\.|\.\/|\/\.)$/.test(s.value))) return;
          ctx.report({ start: from.valueStart, end: from.end, messageId: 'emptyStage', data: { stage: source.alias ?? String(source.index) } });
        },
      },
    };
  },
});
