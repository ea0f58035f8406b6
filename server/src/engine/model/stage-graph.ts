// Which stages a build needs: asked by the unreachable-stage rule, the editor's stage lenses and the rules that
// judge what one build runs (build-arg-not-declared).
import { isRunTarget, mountFrom, type DockerfileModel, type Stage } from './dockerfile';
import { substitute } from './variables';

/**
 * The stages some build needs: the build of the final stage, of every stage that ships (one with its own CMD or
 * ENTRYPOINT), of the invocation's target and of every target another build of the file names (a compose file
 * building `dev` for one service and `prod` for another), with those they are built FROM, copy from or mount from,
 * transitively. A target adds to the builds, never removes one: the file's last stage is still what a plain
 * `docker build` makes, so it is not dead code. Undefined when a needed stage names its source through a variable
 * the file does not resolve (`COPY --from=build-${VARIANT}`): then any stage may be it.
 */
export function neededStages(model: DockerfileModel): Set<Stage> | undefined {
  const { stages } = model.wholeFile;
  const targets = new Set((model.invocation?.builtTargets ?? []).map((t) => t.toLowerCase()));
  return stagesBuiltFrom(model, model.stages.filter((s) => s.isFinal || s.ships || s === stages[stages.length - 1] || isRunTarget(s) || (s.alias !== undefined && targets.has(s.alias.toLowerCase()))));
}

/**
 * The stages this build runs: the one it makes (the invocation's target, else the last) and those it needs.
 * Undefined as for neededStages, and when the target names no stage (the build fails before running any).
 */
export function builtStages(model: DockerfileModel): Set<Stage> | undefined {
  const whole = model.wholeFile;
  if (model.invocation?.target && !whole.targetStage) return undefined;
  const final = whole.finalStage;
  return final ? stagesBuiltFrom(whole, [final]) : new Set();
}

/**
 * The stages the builds of `targets` run (names compared in any case; a name no stage has adds nothing): what
 * the other builds of the file (`invocation.builtTargets`) run. Undefined as for neededStages.
 */
export function stagesOfTargets(model: DockerfileModel, targets: readonly string[]): Set<Stage> | undefined {
  const names = new Set(targets.map((t) => t.toLowerCase()));
  const whole = model.wholeFile;
  return stagesBuiltFrom(whole, whole.stages.filter((s) => s.alias !== undefined && names.has(s.alias.toLowerCase())));
}

/** `roots` and the stages they are built FROM, copy from or mount from, transitively; undefined as above. */
function stagesBuiltFrom(model: DockerfileModel, roots: readonly Stage[]): Set<Stage> | undefined {
  const needed = new Set<Stage>();
  const todo = [...roots];
  while (todo.length) {
    const stage = todo.pop()!;
    if (needed.has(stage)) continue;
    needed.add(stage);
    if (stage.parent) todo.push(stage.parent);
    else if (stage.image.unresolved.length) return undefined;
    for (const instr of stage.instructions) {
      for (const f of instr.flags) {
        const ref = f.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD') ? f.value : instr.keyword === 'RUN' ? mountFrom(f)?.value : undefined;
        if (!ref) continue;
        const { value, unresolved } = substitute(ref, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
        if (unresolved.length) return undefined;
        const source = model.stageByName(value, stage);
        if (source) todo.push(source);
      }
    }
  }
  return needed;
}
