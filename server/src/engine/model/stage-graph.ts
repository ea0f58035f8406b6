// Which stages a build needs: asked by the unreachable-stage rule and by the editor's stage lenses.
import { isRunTarget, mountFrom, type DockerfileModel, type Stage } from './dockerfile';
import { substitute } from './variables';

/**
 * The stages some build needs: the build of the final stage, of every stage that ships (one with its own CMD or
 * ENTRYPOINT) and of the invocation's target, with those they are built FROM, copy from or mount from,
 * transitively. A target adds to the builds, never removes one: the file's last stage is still what a plain
 * `docker build` makes, so it is not dead code. Undefined when a needed stage names its source through a variable
 * the file does not resolve (`COPY --from=build-${VARIANT}`): then any stage may be it.
 */
export function neededStages(model: DockerfileModel): Set<Stage> | undefined {
  const needed = new Set<Stage>();
  const { stages } = model.wholeFile;
  const todo = model.stages.filter((s) => s.isFinal || s.ships || s === stages[stages.length - 1] || isRunTarget(s));
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
