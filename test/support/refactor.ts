// Running one refactoring on a text in tests, as the editor and the command do: the offer found where it applies,
// applied, and checked by the engine (refactor/run.ts). Throws with the engine's reason when it gives no change.
import { allRefactorings, memoryFiles, runRefactoring, type RefactorContext, type RefactorOffer, type RefactorOutcome, type RegistryClient } from '../../server/src/engine';
import { DockerfileModel } from '../../server/src/engine/model/dockerfile';
import type { EngineSettings } from '../../server/src/engine/rule';

export interface RefactorTestOptions {
  /** Files beside the Dockerfile (relative path → text). */
  files?: Record<string, string>;
  settings?: Partial<EngineSettings>;
  registry?: RegistryClient;
  /** The offer's key, when the refactoring is offered more than once in the text. */
  key?: string;
  answers?: readonly string[];
}

export function refactorContext(text: string, o: RefactorTestOptions = {}): RefactorContext {
  return {
    model: new DockerfileModel(text),
    settings: { trustedRegistries: [], today: '2026-12-07', locale: 'en', ...o.settings },
    files: o.files ? memoryFiles(o.files) : undefined,
    registry: o.registry,
  };
}

/** The offers of refactoring `id` anywhere in `text`. */
export function offersOf(id: string, text: string, o: RefactorTestOptions = {}): RefactorOffer[] {
  return allRefactorings(refactorContext(text, o)).filter((x) => x.refactoring === id);
}

/** Refactoring `id` applied to `text` (at the offer with `o.key`, or the only one). */
export async function refactor(id: string, text: string, o: RefactorTestOptions = {}): Promise<RefactorOutcome> {
  const ctx = refactorContext(text, o);
  const offers = allRefactorings(ctx).filter((x) => x.refactoring === id && (o.key === undefined || x.key === o.key));
  if (offers.length !== 1) throw new Error(`${id}: expected one offer${o.key === undefined ? '' : ` with key ${o.key}`}, got ${offers.length} (${offers.map((x) => x.key).join(', ')})`);
  const out = await runRefactoring(ctx, offers[0], o.answers);
  if ('error' in out) throw new Error(out.error);
  return out;
}
