// Which stages a build needs: asked by the unreachable-stage rule and by the editor's stage lenses.
import { mountFrom, type DockerfileModel, type Stage } from './dockerfile';
import { substitute } from './variables';

/**
 * The stages a build of the final stage (and of every stage that ships: one with its own CMD or ENTRYPOINT) needs:
 * those it is built FROM, copies from or mounts from, transitively. Undefined when a needed stage names its
 * source through a variable the file does not resolve (`COPY --from=build-${VARIANT}`): then any stage may be it.
 */
export function neededStages(model: DockerfileModel): Set<Stage> | undefined {
  const needed = new Set<Stage>();
  const todo = model.stages.filter((s) => s.isFinal || s.ships);
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
