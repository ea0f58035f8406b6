// The checks every refactoring's result passes before anyone sees it: the new text parses no worse, keeps every
// comment, lints no worse (no rule reports more problems at warning or error, unless what it says again it said
// before), and a safe one changes the build only as it declares. A refactoring whose offer depends on them (a newer
// base that a RUN would fail on) asks them itself, so it can say why it cannot be done.
import { applyEdits, meaningProblem, parseProblemCount } from '../fix/apply';
import { defineStrings, localize } from '../i18n/catalog';
import { lintText } from '../linter';
import { DockerfileModel } from '../model/dockerfile';
import type { FileAccess } from '../rule';
import type { Finding } from '../types';
import type { RefactorContext, RefactorFileChange, RefactorOffer, RefactorResult } from './types';

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
  'refactor.addsProblem': 'it would add a {rule} problem: {message}',
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
    const message = p.count > (was?.count ?? 0) ? [...p.messages].find((m) => !was?.messages.has(m)) : undefined;
    if (message !== undefined) return t('refactor.addsProblem', { rule, message });
  }
  return undefined;
}
