import { defineRule, type FixInput, type OffsetEdit } from '../rule';
import { imageBaseName } from '../model/image';
import type { DockerfileModel, Stage, StageReference } from '../model/dockerfile';
import { namesInUse, RESERVED_STAGE_NAMES, STAGE_NAME } from '../model/stage-names';

/** A reference by number: `--from=0`, `from=1` in a mount (not a FROM: `FROM 0` names an image). */
function numericReferences(model: DockerfileModel, stage: Stage): StageReference[] {
  return stage.references.filter((r) => r.instr.keyword !== 'FROM' && /^\d+$/.test(model.text.slice(r.start, r.end)));
}

/** A name for an unnamed stage: its image's repository name (`golang`), else `builder`, made unique in the file. */
export function newStageName(model: DockerfileModel, stage: Stage): string {
  const used = namesInUse(model, stage);
  const base = stage.image.unresolved.length ? '' : imageBaseName(stage.image).replace(/[^a-z0-9._-]/g, '');
  const candidates = [STAGE_NAME.test(base) && !RESERVED_STAGE_NAMES.has(base) ? base : 'builder'];
  if (candidates[0] !== 'builder') candidates.push(`${base}-stage`);
  candidates.push('builder');
  for (const c of candidates) if (!used.has(c)) return c;
  for (let n = 2; ; n++) if (!used.has(`builder-${n}`)) return `builder-${n}`;
}

export default defineRule({
  meta: {
    id: 'copy-from-stage-index',
    aliases: {},
    counterparts: {
      kics: ['Using Unnamed Build Stages'],
      differences: 'Also finds `RUN --mount=…,from=0`, and its fix names the stage (after its image, unique in the file) and rewrites every numeric reference to it at once.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'safe',
    messages: {
      stageIndex: '`{flag}={number}` names stage {number} by its position; name the stage (`FROM … AS name`) and use the name',
      useStageName: 'Use the stage name `{name}`',
      nameStage: 'Name stage {number} `{name}` and use the name',
    },
    docs: {
      summary: '`COPY --from` or a mount names a stage by its number',
      why: 'Stage numbers count the FROM lines from the top: add a stage above (a new builder, a shared base) and `COPY --from=0` silently copies from a different stage, which fails the build at best and ships the wrong files at worst. A stage name stays attached to its stage and tells the reader what is copied from where. Name the stage with `FROM image AS name` and use the name in `--from`.',
      examples: [
        { bad: 'FROM golang:1.23\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=0 /out/app /app\n', good: 'FROM golang:1.23 AS golang\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=golang /out/app /app\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (let s = 0; s < model.stages.length; s++) {
      const stage = model.stages[s];
      if (!stage.references.length) continue;
      const refs = numericReferences(model, stage);
      if (!refs.length) continue;
      // Only a FROM with nothing after its image can take ` AS name` at the end of the image.
      // A name two stages share (duplicate-stage-name) is not one to point at.
      const unique = !stage.alias || model.stages.filter((o) => o.alias?.toLowerCase() === stage.alias!.toLowerCase()).length === 1;
      const name = stage.alias ? (unique ? stage.alias : undefined) : stage.from.args.length === 1 ? newStageName(model, stage) : undefined;
      const changes = name ? [{ kind: 'names-stage' as const, index: stage.index, name }] : [];
      const edits: OffsetEdit[] = refs.map((r) => ({ start: r.start, end: r.end, text: name ?? '' }));
      let fix: FixInput | undefined;
      if (name && stage.alias) fix = { titleId: 'useStageName', data: { name }, safety: 'safe', edits, changes };
      else if (name) {
        const as = model.text.slice(stage.from.keywordStart, stage.from.keywordEnd) === 'FROM' ? 'AS' : 'as';
        fix = { titleId: 'nameStage', data: { number: String(stage.index), name }, safety: 'safe', edits: [{ start: stage.imageEnd, end: stage.imageEnd, text: ` ${as} ${name}` }, ...edits], changes };
      }
      for (const r of refs) {
        const flag = r.instr.keyword === 'RUN' ? 'from' : '--from';
        ctx.report({ start: r.start, end: r.end, messageId: 'stageIndex', data: { flag, number: model.text.slice(r.start, r.end) }, fixes: fix ? [fix] : [] });
      }
    }
  },
});
