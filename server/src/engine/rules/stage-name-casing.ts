import { defineRule, type OffsetEdit } from '../rule';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: { buildkit: 'StageNameCasing' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      notLowercase: 'Stage name "{name}" is not lowercase; BuildKit reads it as "{lower}"',
      rename: 'Rename the stage to {lower}',
      renameWithReference: 'Rename the stage to {lower} (and 1 reference)',
      renameWithReferences: 'Rename the stage to {lower} (and {count} references)',
    },
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
      // A reference through a variable (`FROM $BASE`) is left alone: the variable's value names the stage.
      for (const ref of stage.references) {
        const text = model.text.slice(ref.start, ref.end);
        if (text !== lower && text.toLowerCase() === lower) edits.push({ start: ref.start, end: ref.end, text: lower });
      }
      const others = edits.length - 1;
      ctx.report({
        start: stage.aliasStart,
        end: stage.aliasEnd!,
        messageId: 'notLowercase',
        data: { name, lower },
        fixes: [{ titleId: others > 1 ? 'renameWithReferences' : others ? 'renameWithReference' : 'rename', data: others > 1 ? { lower, count: others } : { lower }, safety: 'safe', edits }],
      });
    }
  },
});
