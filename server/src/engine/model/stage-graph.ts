// Which stages a build needs: asked by the unreachable-stage rule, the editor's stage lenses, the build-secret
// rules (which RUNs the invocation's build runs) and build-arg-not-declared (which ARGs it reads).
import { isRunTarget, mountFrom, type DockerfileModel, type Stage } from './dockerfile';
import { substitute } from './variables';

/** The stages builds of some stages run; `complete` false when a needed stage names its source through a variable the file does not resolve. */
export interface BuiltStages { stages: Set<Stage>; complete: boolean }

/**
 * The stages a build of `roots` runs: they, the stages they are built FROM, copy from or mount from,
 * transitively (BuildKit skips every other stage). Not complete when one of them names its source through a
 * variable the file does not resolve (`COPY --from=build-${VARIANT}`, `FROM ${BASE}`): then any stage may be it.
 */
export function stagesBuilt(model: DockerfileModel, roots: readonly Stage[]): BuiltStages {
  const stages = new Set<Stage>();
  let complete = true;
  const todo = [...roots];
  while (todo.length) {
    const stage = todo.pop()!;
    if (stages.has(stage)) continue;
    stages.add(stage);
    if (stage.parent) todo.push(stage.parent);
    else if (stage.image.unresolved.length) complete = false;
    for (const instr of stage.instructions) {
      for (const f of instr.flags) {
        const ref = f.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD') ? f.value : instr.keyword === 'RUN' ? mountFrom(f)?.value : undefined;
        if (!ref) continue;
        const { value, unresolved } = substitute(ref, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
        if (unresolved.length) { complete = false; continue; }
        const source = model.stageByName(value, stage);
        if (source) todo.push(source);
      }
    }
  }
  return { stages, complete };
}

/**
 * The stages some build needs: the build of the final stage, of every stage that ships (one with its own CMD or
 * ENTRYPOINT), of the invocation's target, of every target another build of the file names (a compose file
 * building `dev` for one service and `prod` for another) and of the stages a named context replaces, with those
 * they are built FROM, copy from or mount from, transitively. A target adds to the builds, never removes one: the
 * file's last stage is still what a plain `docker build` makes, so it is not dead code. Undefined when a needed
 * stage names its source through a variable the file does not resolve (`COPY --from=build-${VARIANT}`): then any
 * stage may be it.
 */
export function neededStages(model: DockerfileModel): Set<Stage> | undefined {
  const { stages } = model.wholeFile;
  const targets = new Set((model.invocation?.builtTargets ?? []).map((t) => t.toLowerCase()));
  const targeted = (s: Stage) => s.alias !== undefined && targets.has(s.alias.toLowerCase());
  // A stage a named context replaces is not built by this build, but is what the builds without that context use.
  const built = stagesBuilt(model, model.stages.filter((s) => s.isFinal || s.ships || s === stages[stages.length - 1] || isRunTarget(s) || s.context || targeted(s)));
  return built.complete ? built.stages : undefined;
}

/**
 * The stages this build runs: the one it makes (the invocation's target, else the last) and those it needs.
 * Undefined when not all are known (as for neededStages), and when the target names no stage (the build fails
 * before running any).
 */
export function builtStages(model: DockerfileModel): Set<Stage> | undefined {
  const whole = model.wholeFile;
  if (model.invocation?.target && !whole.targetStage) return undefined;
  const final = whole.finalStage;
  if (!final) return new Set();
  const built = stagesBuilt(whole, [final]);
  return built.complete ? built.stages : undefined;
}

/**
 * The stages the builds of `targets` run (names compared in any case; a name no stage has adds nothing): what
 * the other builds of the file (`invocation.builtTargets`) run. Undefined when not all are known.
 */
export function stagesOfTargets(model: DockerfileModel, targets: readonly string[]): Set<Stage> | undefined {
  const names = new Set(targets.map((t) => t.toLowerCase()));
  const whole = model.wholeFile;
  const built = stagesBuilt(whole, whole.stages.filter((s) => s.alias !== undefined && names.has(s.alias.toLowerCase())));
  return built.complete ? built.stages : undefined;
}
