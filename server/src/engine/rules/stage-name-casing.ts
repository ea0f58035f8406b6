import { defineRule, type OffsetEdit } from '../rule';
import type { DockerfileModel, Stage } from '../model/dockerfile';

/** Where each use of `stage` names it: `FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=…,from=<stage>`. */
function references(model: DockerfileModel, stage: Stage): Array<{ start: number; end: number }> {
  const name = stage.alias!.toLowerCase();
  const refs: Array<{ start: number; end: number }> = [];
  for (const instr of stage.usedBy) {
    if (instr.keyword === 'FROM') {
      const child = model.stages.find((s) => s.from === instr);
      if (child && model.text.slice(child.imageStart, child.imageEnd).toLowerCase() === name) refs.push({ start: child.imageStart, end: child.imageEnd });
      continue;
    }
    for (const flag of instr.flags) {
      if (flag.valueStart === undefined || !flag.value) continue;
      if (flag.name === 'from' && flag.value.toLowerCase() === name) refs.push({ start: flag.valueStart, end: flag.valueStart + flag.value.length });
      if (flag.name === 'mount') {
        const m = /(^|,)from=([^,]+)/.exec(flag.value);
        if (m && m[2].toLowerCase() === name) {
          const start = flag.valueStart + m.index + m[1].length + 'from='.length;
          refs.push({ start, end: start + m[2].length });
        }
      }
    }
  }
  return refs;
}

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: { buildkit: 'StageNameCasing' },
    defaultSeverity: 'warning',
    fixable: 'safe',
    docs: {
      summary: 'Stage name not in lowercase',
      why: 'BuildKit lowercases stage names, so `AS Build`, `--from=build` and `--target BUILD` all name the same stage. Writing the name in lowercase everywhere shows what BuildKit sees and avoids names that look different but are not.',
      examples: [{ bad: 'FROM golang:1.25 AS Build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=Build /app /app\n', good: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n' }],
      references: ['https://docs.docker.com/reference/build-checks/stage-name-casing/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const name = stage.alias;
      if (!name || stage.aliasStart === undefined || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      // The fix renames the stage together with every reference to it, so the build does not change.
      const edits: OffsetEdit[] = [{ start: stage.aliasStart, end: stage.aliasEnd!, text: lower }];
      for (const ref of references(model, stage)) if (model.text.slice(ref.start, ref.end) !== lower) edits.push({ ...ref, text: lower });
      const others = edits.length - 1;
      ctx.report({
        start: stage.aliasStart,
        end: stage.aliasEnd!,
        message: `Stage name "${name}" is not lowercase; BuildKit reads it as "${lower}"`,
        fixes: [{ title: `Rename the stage to ${lower}${others ? ` (and ${others} reference${others > 1 ? 's' : ''})` : ''}`, safety: 'safe', edits }],
      });
    }
  },
});
