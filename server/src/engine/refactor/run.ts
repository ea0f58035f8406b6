// Asking for refactorings and running one; every result passes the checks of guard.ts before anyone sees it.
import { applyEdits } from '../fix/apply';
import { localize } from '../i18n/catalog';
import { REFACTOR_STRINGS, resultProblem } from './guard';
import { REFACTORINGS, findRefactoring } from './registry';
import type { RefactorContext, RefactorOffer, RefactorResult } from './types';

export { filesAfter, REFACTOR_STRINGS, resultProblem } from './guard';

/** The offers of every refactoring that overlap [start, end]; a refactoring that throws offers nothing. */
export function refactoringsAt(ctx: RefactorContext, start: number, end: number = start): RefactorOffer[] {
  return REFACTORINGS.flatMap((r) => {
    try {
      return r.offers(ctx, start, end);
    } catch {
      return [];
    }
  });
}

/** Every offer in the file (the command's `--list`, the corpus check). */
export function allRefactorings(ctx: RefactorContext): RefactorOffer[] {
  return refactoringsAt(ctx, 0, ctx.model.text.length);
}

export interface RefactorOutcome extends RefactorResult {
  /** The Dockerfile's new text. */
  text: string;
}

/**
 * Runs the refactoring of `offer` and checks its result; an error says why there is no change (the refactoring's
 * own reason, or the check it failed). `offer` must be one of `refactoringsAt` on the same text.
 */
export async function runRefactoring(ctx: RefactorContext, offer: RefactorOffer, answers?: readonly string[]): Promise<RefactorOutcome | { error: string }> {
  const t = (id: keyof typeof REFACTOR_STRINGS, data?: Record<string, string>) => localize(REFACTOR_STRINGS, id, ctx.settings.locale, data);
  const refactoring = findRefactoring(offer.refactoring);
  if (!refactoring) return { error: t('refactor.unknown', { id: offer.refactoring }) };
  if (offer.unavailable) return { error: offer.unavailable };
  let result: RefactorResult | { error: string };
  try {
    result = await refactoring.apply(ctx, offer, answers);
  } catch (e) {
    return { error: t('refactor.failed', { id: offer.refactoring, error: String((e as Error)?.message ?? e) }) };
  }
  if ('error' in result) return result;
  const problem = resultProblem(ctx, offer, result);
  if (problem) return { error: t('refactor.withheld', { title: offer.title, reason: problem }) };
  return { ...result, text: applyEdits(ctx.model.text, result.edits) };
}
