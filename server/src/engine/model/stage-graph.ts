// Which stages a build needs: asked by the unreachable-stage rule, the editor's stage lenses and the build-secret
// rules (which RUNs the invocation's build runs).
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
 * ENTRYPOINT), of the invocation's target and of the stages a named context replaces, with those they are built
 * FROM, copy from or mount from, transitively. A target adds to the builds, never removes one: the file's last stage is still what a plain
 * `docker build` makes, so it is not dead code. Undefined when a needed stage names its source through a variable
 * the file does not resolve (`COPY --from=build-${VARIANT}`): then any stage may be it.
 */
export function neededStages(model: DockerfileModel): Set<Stage> | undefined {
  const { stages } = model.wholeFile;
  // A stage a named context replaces is not built by this build, but is what the builds without that context use.
  const built = stagesBuilt(model, model.stages.filter((s) => s.isFinal || s.ships || s === stages[stages.length - 1] || isRunTarget(s) || s.context));
  return built.complete ? built.stages : undefined;
}
