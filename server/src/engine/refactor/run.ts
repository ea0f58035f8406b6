// Asking for refactorings and running one, with the checks every result passes before anyone sees it: the new
// text parses no worse, keeps every comment, lints no worse (no rule reports more problems at warning or error,
// unless what it says again it said before), and a safe one changes the build only as it declares.
import { applyEdits, meaningProblem, parseProblemCount } from '../fix/apply';
import { lintText } from '../linter';
import { DockerfileModel } from '../model/dockerfile';
import type { FileAccess } from '../rule';
import type { Finding } from '../types';
import { defineStrings, localize } from '../i18n/catalog';
import { REFACTORINGS, findRefactoring } from './registry';
import type { RefactorContext, RefactorFileChange, RefactorOffer, RefactorResult } from './types';

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

/** The files beside the Dockerfile as they will be after the change. */
export function filesAfter(files: FileAccess | undefined, changes: readonly RefactorFileChange[] | undefined): FileAccess | undefined {
  if (!changes?.length) return files;
  const byPath = new Map(changes.map((f) => [f.path, f.content]));
  const bytes = (text: string, length: number) => new TextEncoder().encode(text).slice(0, length);
  return {
    ...files,
    read: (p) => (byPath.has(p) ? byPath.get(p) : files?.read(p)),
    isFile: (p) => byPath.has(p) || (files?.isFile ? files.isFile(p) : files?.read(p) !== undefined),
    readHead: (p, length) => (byPath.has(p) ? bytes(byPath.get(p)!, length) : files?.readHead?.(p, length)),
  };
}

/** Why a refactoring gives no change, in the user's language. */
export const REFACTOR_STRINGS = defineStrings({
  'refactor.unknown': 'No refactoring is named "{id}"',
  'refactor.failed': '{id} failed: {error}',
  'refactor.withheld': '{title}: not offered, because {reason}',
  'refactor.dropsComment': 'it would drop the comment "{comment}"',
  'refactor.addsProblem': 'it would add a {rule} problem',
  'refactor.breaksParse': 'its result does not parse',
  'refactor.changesMore': 'it changes more than it says: {change}',
});

function commentTexts(model: DockerfileModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of model.comments) counts.set(c.text.trim(), (counts.get(c.text.trim()) ?? 0) + 1);
  return counts;
}

/** The problems at warning or error by rule: how many, and what they say. */
function problems(findings: readonly Finding[]): Map<string, { count: number; messages: Set<string> }> {
  const found = new Map<string, { count: number; messages: Set<string> }>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const p = found.get(f.rule) ?? { count: 0, messages: new Set<string>() };
    p.count++;
    p.messages.add(f.message);
    found.set(f.rule, p);
  }
  return found;
}

/** Why `result` must not be offered for `ctx`'s text, or undefined when it passes every check. */
export function resultProblem(ctx: RefactorContext, offer: RefactorOffer, result: RefactorResult): string | undefined {
  const { model } = ctx;
  const t = (id: keyof typeof REFACTOR_STRINGS, data?: Record<string, string>) => localize(REFACTOR_STRINGS, id, ctx.settings.locale, data);
  const text = applyEdits(model.text, result.edits);
  const fix = { title: offer.title, safety: offer.safety, edits: result.edits, changes: result.changes };
  if (parseProblemCount(text) > parseProblemCount(model.text)) return t('refactor.breaksParse');
  const change = meaningProblem(model, fix);
  if (change) return t('refactor.changesMore', { change });
  const after = new DockerfileModel(text);
  const kept = commentTexts(after);
  for (const [comment, n] of commentTexts(model)) {
    if ((kept.get(comment) ?? 0) < n) return t('refactor.dropsComment', { comment });
  }
  const options = { ...ctx.lint, settings: ctx.settings };
  const before = problems(lintText(model.text, { ...options, files: ctx.files }).findings);
  const now = problems(lintText(text, { ...options, files: filesAfter(ctx.files, result.files) }).findings);
  // A rule with more problems than before has a new one, unless it only says again what it said (a builder
  // stage and a runtime stage on one ended release line are one problem, not two).
  for (const [rule, p] of now) {
    const was = before.get(rule);
    if (p.count > (was?.count ?? 0) && [...p.messages].some((m) => !was?.messages.has(m))) return t('refactor.addsProblem', { rule });
  }
  return undefined;
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
