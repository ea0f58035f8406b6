// Which of a Dockerfile's builds the editor lints it as: every compose service and bake target that builds it
// (the default), one of them, or none (`docker build` of the file's folder, as if no compose or bake file existed).
import type { Invocation } from '../engine/invocation';

/** `all`: every build; `alone`: none; else one build's key (invocationChoiceKey). */
export type InvocationChoice = string;
export const ALL_BUILDS = 'all';
export const BUILT_ALONE = 'alone';

/**
 * A build's name that stays the same while its compose or bake file is edited: its kind, file and service or
 * target name (`compose:compose.yaml:api`). Two builds never share one, so it names the build to lint as.
 */
export function invocationChoiceKey(i: Invocation): string {
  return `${i.source.kind}:${i.source.file}:${i.name}`;
}

/**
 * The builds to lint as under `choice`, and the choice that holds: a key no build has any more (its service was
 * renamed or removed) is every build again.
 */
export function applyChoice(invocations: readonly Invocation[], choice: InvocationChoice): { invocations: readonly Invocation[]; choice: InvocationChoice } {
  if (choice === BUILT_ALONE) return { invocations: [], choice };
  if (choice === ALL_BUILDS) return { invocations, choice };
  const one = invocations.filter((i) => invocationChoiceKey(i) === choice);
  return one.length ? { invocations: one, choice } : { invocations, choice: ALL_BUILDS };
}
