import { defineRule, type FixInput } from '../rule';
import { substitute } from '../model/variables';
import type { Instr } from '../model/dockerfile';

/** Edit distance (insert, delete, substitute) between two short names. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function fromFlag(instr: Instr): Instr['flags'][number] | undefined {
  for (let i = 0; i < instr.flags.length; i++) if (instr.flags[i].name === 'from') return instr.flags[i];
  return undefined;
}

export default defineRule({
  meta: {
    id: 'copy-from-unknown-stage',
    aliases: { hadolint: 'DL3022' },
    counterparts: {
      tally: ['hadolint/DL3022'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      noStageNumber: 'There is no stage {number} before this one (stages are numbered from 0)',
      stageDefinedLater: 'Stage `{stage}` is defined further down; define it before the stage that copies from it',
      unknownStage: 'No stage `{stage}` is defined above (did you mean `{alias}`?); Docker would pull an image named `{stage}`',
      copyFromStage: 'Copy from stage {alias}',
    },
    docs: {
      summary: '`COPY --from` names a stage that is not defined above',
      why: 'When `--from` does not match a stage defined earlier, Docker takes it as an image name and pulls it from a registry: a misspelled stage name or a stage defined further down turns into a surprising image pull (or a failed build). Names that look like images (`nginx:1.27`, `ghcr.io/org/tool`) are accepted. Stage indexes must refer to an earlier stage.',
      examples: [
        { bad: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=bulider /out/app /app\n', good: 'FROM golang:1.23 AS builder\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /out/app /app\n' },
      ],
      fixSafety: 'For a name one or two letters away from an existing stage, the fix replaces it with that stage name. If the name really was an image, the copy now reads from the stage instead.',
      references: ['https://docs.docker.com/build/building/multi-stage/#use-an-external-image-as-a-stage', 'https://github.com/moby/buildkit/issues/4155'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    // Runs on every keystroke (it reads other stages): indexed loops allocate nothing per instruction.
    for (let s = 0; s < model.stages.length; s++) {
      const stage = model.stages[s];
      for (let i = 0; i < stage.instructions.length; i++) {
        const instr = stage.instructions[i];
        if (instr.keyword !== 'COPY') continue;
        const from = fromFlag(instr);
        if (!from?.value) continue;
        const start = from.valueStart ?? from.start;
        const { value, unresolved } = substitute(from.value, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
        if (unresolved.length || !value) continue;
        if (stage.alias && value.toLowerCase() === stage.alias.toLowerCase()) continue; // copy-from-own-stage
        if (/^\d+$/.test(value)) {
          if (Number(value) >= stage.index) ctx.report({ start, end: from.end, messageId: 'noStageNumber', data: { number: value } });
          continue;
        }
        // A named context of the build is no stage and no image pull, whatever stage has its name.
        if (model.stageByName(value, stage) || model.namedContext(value)) continue;
        const later = model.stages.find((s) => s.index > stage.index && s.alias?.toLowerCase() === value.toLowerCase());
        if (later) {
          ctx.report({ start, end: from.end, messageId: 'stageDefinedLater', data: { stage: value } });
          continue;
        }
        if (/[:/@.]/.test(value)) continue; // an image reference
        const earlier = model.stages.filter((s) => s.index < stage.index && s.alias);
        const close = earlier.filter((s) => distance(s.alias!.toLowerCase(), value.toLowerCase()) <= (value.length > 4 ? 2 : 1));
        if (close.length !== 1) continue; // a bare image name such as `alpine`
        const alias = close[0].alias!;
        const fix: FixInput | undefined = from.value === value ? { titleId: 'copyFromStage', data: { alias }, safety: 'unsafe', edits: [{ start, end: from.end, text: alias }] } : undefined;
        ctx.report({ start, end: from.end, messageId: 'unknownStage', data: { stage: value, alias }, fixes: fix ? [fix] : [] });
      }
    }
  },
});
