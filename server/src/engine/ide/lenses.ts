// The code lenses above each FROM: what the stage is to the build (the final image, an image built with
// `--target`, unreachable), how many places use it, and for an image that ships, the user, working directory and
// ports it runs with. Computed from the model, which the editor already has for the diagnostics.
import { defineStrings, speaker } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { hasRunCommand, type DockerfileModel, type Stage } from '../model/dockerfile';
import { neededStages } from '../model/stage-graph';
import { isBuilderName } from '../model/stage-names';
import { buildState, type BuildState } from './build-state';

export interface StageLens {
  /** The FROM keyword's span: the lens stands above its line. */
  start: number;
  end: number;
  title: string;
  /** For "used by N": where the stage is named (a FROM's image, `--from=`, a mount's `from=`). */
  references?: Array<{ start: number; end: number }>;
}

export const LENS_STRINGS = defineStrings({
  'lens.finalImage': 'final image',
  'lens.targetImage': 'target image',
  'lens.usedBy': 'used by {count}',
  'lens.unreachable': 'unreachable',
  'lens.targetOnly': 'built only with --target',
  'lens.runsAs': 'runs as {user}',
  'lens.runsAsNonRoot': 'runs as a non-root user',
  'lens.runsAsUnknown': 'runs as the base image\'s user',
  'lens.ports': 'ports {ports}',
});

type Speak = ReturnType<typeof speaker<typeof LENS_STRINGS>>;

/** A stage besides the final one that ships (the model's `ships`) and says how to run it: an image built with `--target`. */
function runTarget(stage: Stage): boolean {
  return stage.ships && hasRunCommand(stage);
}

export function stageLenses(model: DockerfileModel, locale: Locale = 'en'): StageLens[] {
  const t = speaker(LENS_STRINGS, locale);
  // Undefined when a stage is named through a variable the file does not set: then any stage may be needed.
  const needed = model.stages.length > 1 ? neededStages(model) : undefined;
  const lenses: StageLens[] = [];
  for (const stage of model.stages) {
    const span = { start: stage.from.keywordStart, end: stage.from.keywordEnd };
    const image = stage.isFinal || runTarget(stage);
    if (stage.isFinal) lenses.push({ ...span, title: t('lens.finalImage') });
    else if (image) lenses.push({ ...span, title: t('lens.targetImage') });
    else if (needed && !needed.has(stage)) lenses.push({ ...span, title: t(stage.alias && !isBuilderName(stage.alias) ? 'lens.targetOnly' : 'lens.unreachable') });
    if (stage.references.length) lenses.push({ ...span, title: t('lens.usedBy', { count: stage.references.length }), references: stage.references.map((r) => ({ start: r.start, end: r.end })) });
    if (image) {
      const state = buildState(model, stage.instructions[stage.instructions.length - 1]);
      if (state) lenses.push({ ...span, title: runsWith(state, t) });
    }
  }
  return lenses;
}

/** "runs as node · /app · ports 3000, 9229/udp": what is not known is left out. */
function runsWith(state: BuildState, t: Speak): string {
  const { user, workdir, ports } = state;
  const parts = [
    user.source === 'unknown' ? t('lens.runsAsUnknown') : user.value === undefined ? t('lens.runsAsNonRoot') : t('lens.runsAs', { user: user.value }),
  ];
  if (workdir.path !== undefined) parts.push(workdir.path);
  if (ports.length) parts.push(t('lens.ports', { ports: ports.map((p) => p.value).join(', ') }));
  return parts.join(' · ');
}
