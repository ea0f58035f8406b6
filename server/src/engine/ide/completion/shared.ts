// What several kinds of completion offer alike: the stages a line may name, and the texts in the user's language.
import type { DockerfileModel, Stage } from '../../model/dockerfile';
import { speaker } from '../../i18n/catalog';
import { COMPLETION_STRINGS } from './strings';
import type { CompletionContext, Draft } from '.';

export const say = (ctx: CompletionContext) => speaker(COMPLETION_STRINGS, ctx.locale);

/** The named stages before the one `offset` is in (a stage can name only those: `COPY --from`, `FROM`, `from=`). */
export function stagesBefore(model: DockerfileModel, offset: number): Stage[] {
  const started = model.stages.filter((s) => s.from.start < offset);
  return started.slice(0, -1).filter((s) => s.alias !== undefined);
}

export function stageDraft(model: DockerfileModel, stage: Stage, ctx: CompletionContext): Draft {
  return {
    label: stage.alias!,
    kind: 'stage',
    detail: say(ctx)('completion.stage', { line: stage.from.line + 1 }),
    documentation: `\`\`\`dockerfile\n${model.text.slice(stage.from.start, stage.from.end)}\n\`\`\``,
  };
}
