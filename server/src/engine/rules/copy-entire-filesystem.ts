import { defineRule } from '../rule';
import { copyOperands } from './support';

export default defineRule({
  meta: {
    id: 'copy-entire-filesystem',
    aliases: { hadolint: 'DL3067' },
    defaultSeverity: 'warning',
    docs: {
      summary: '`COPY --from=<stage> / /` copies a whole filesystem',
      why: 'Copying `/` of another stage brings its entire operating system, caches, package databases and build tools into this one, overwriting files of the base: the image grows and multi-stage builds lose their point. Copy only the artifacts you need.',
      examples: [
        { bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n', good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const target = instr.trigger ?? instr;
      if (target.keyword !== 'COPY' || !target.flags.some((f) => f.name === 'from')) continue;
      const ops = copyOperands(ctx.model, target);
      if (!ops || ops.dest.value !== '/') continue;
      for (const src of ops.sources) {
        if (src.value !== '/') continue;
        ctx.report({ start: src.start, end: src.end, message: 'This copies the entire filesystem of the other stage; copy only what you need' });
      }
    }
  },
});
