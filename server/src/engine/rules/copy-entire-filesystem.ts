import { defineRule } from '../rule';
import { rootStage } from '../model/base-images';
import { copyOperands } from './support';

export default defineRule({
  meta: {
    id: 'copy-entire-filesystem',
    aliases: { hadolint: 'DL3067' },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      entireFilesystem: 'This copies the entire filesystem of stage `{stage}`; copy only what you need',
    },
    docs: {
      summary: '`COPY --from=<stage> / /` copies a whole filesystem',
      why: 'Copying `/` of another stage built on an operating system brings its entire operating system, caches, package databases and build tools into this one, overwriting files of the base: the image grows and multi-stage builds lose their point. Copy only the artifacts you need. Images and `FROM scratch` stages made to be copied whole (`COPY --from=docker/buildx-bin / /`) are not reported.',
      examples: [
        { bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n', good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        COPY(instr) {
          // Instructions before the first FROM belong to no stage.
          const stage = instr.stage;
          const from = instr.flags.find((f) => f.name === 'from');
          if (!stage || !from?.value) return;
          // Only stages of this file built on an operating system. An image (or a scratch stage) that holds just a
          // few files is often made to be copied whole: `COPY --from=docker/buildx-bin / /`.
          const source = model.stageByName(from.value, stage);
          if (!source || rootStage(source).image.resolved === 'scratch') return;
          const ops = copyOperands(model, instr);
          if (!ops || ops.dest.value !== '/') return;
          for (const src of ops.sources) {
            if (src.value !== '/') continue;
            ctx.report({ start: src.start, end: src.end, messageId: 'entireFilesystem', data: { stage: from.value } });
          }
        },
      },
    };
  },
});
