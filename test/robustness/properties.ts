// The properties every Dockerfile must satisfy, used by the property tests, the hostile-input tests and the
// corpus check (scripts/check-corpus.mjs):
// - linting never throws (a rule that throws is caught by the engine and listed in ruleErrors: a bug);
// - every finding's range and every fix's edit ranges lie inside the document, on real positions;
// - every fix, applied alone, parses at least as well as before, removes the finding it fixed and adds no
//   finding of error severity;
// - no fix drops a comment (pragmas aside) or a RUN flag such as `--mount=…` (a published "merge RUN" fix
//   broke real builds by dropping them);
// - fix-all (safe fixes only, and separately with unsafe ones) keeps every fix it chose (none rejected for
//   breaking the parse), reaches a fixed point, adds no error, and a second run changes nothing;
// - formatting (under any options) never throws, means the same to Docker, gives its text by its edits, and a
//   second run changes nothing.
import { applyEdits, applyFix, DockerfileModel, fixAll, formatDockerfile, lintText, meaningOf, parseProblemCount, type Finding, type Fix, type FormatOptions, type LintOptions } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';

export interface Violation { kind: string; detail: string }

export type FixMode = 'safe' | 'unsafe';

export interface Examination {
  violations: Violation[];
  /** Findings of the plain lint. */
  findings: Finding[];
  /** What fix-all applied, per mode that was run. */
  applied: Partial<Record<FixMode, Array<{ rule: string; title: string }>>>;
}

export interface ExamineOptions {
  /** Apply every offered fix on its own and check it (costs one lint per fix). Default true. */
  eachFix?: boolean;
  /** Fix-all modes to run. Default both. */
  modes?: FixMode[];
}

/** Whether offsets lie in the text, in order, and each is a place an editor can name (a line and character that lead back to it: not inside a CRLF). */
function rangeChecker(text: string): (r: { start: number; end: number }) => boolean {
  const lines = new LineIndex(text);
  const ok = (o: number) => Number.isInteger(o) && o >= 0 && o <= text.length && lines.offsetAt(lines.positionAt(o)) === o;
  return (r) => ok(r.start) && ok(r.end) && r.start <= r.end;
}

/** Error-severity findings per rule. Positions move when a fix edits text, so "no new error" compares counts. */
function errorCounts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

function newErrors(before: Map<string, number>, after: Finding[]): string[] {
  const out: string[] = [];
  for (const [rule, n] of errorCounts(after)) {
    if (n > (before.get(rule) ?? 0)) out.push(`${rule}: ${after.find((a) => a.rule === rule && a.severity === 'error')?.message}`);
  }
  return out;
}

const PRAGMA = /^#\s*(dockwise|hadolint|check\s*=|syntax\s*=|escape\s*=)/i;

/** Comment lines (pragmas and directives aside, which fixes may rewrite), with how often each occurs. */
function commentLines(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') && !PRAGMA.test(line)) m.set(line, (m.get(line) ?? 0) + 1);
  }
  return m;
}

/** Every RUN flag (`--mount=type=cache,target=/x`, `--network=none`) of the file, as written. */
function runFlags(model: DockerfileModel): Set<string> {
  const out = new Set<string>();
  for (const i of [...model.instructions, ...model.triggers]) {
    if (i.keyword === 'RUN') for (const f of i.flags) out.add(model.text.slice(f.start, f.end));
  }
  return out;
}

/**
 * The RUN flags the fixes delete on purpose: an edit that removes exactly a flag the finding is about
 * (`--security=insecure`). Any other flag a fix loses is user text dropped.
 */
function flagsDeletedBy(model: DockerfileModel, fixes: readonly Fix[]): Set<string> {
  const out = new Set<string>();
  for (const i of [...model.instructions, ...model.triggers]) {
    if (i.keyword !== 'RUN') continue;
    for (const f of i.flags) if (fixes.some((x) => x.edits.some((e) => e.start === f.start && e.end >= f.end && e.text === '' && /^\s*$/.test(model.text.slice(f.end, e.end))))) out.add(model.text.slice(f.start, f.end));
  }
  return out;
}

/** What of the user's text a change lost: comments, RUN flags (but those in `deleted`). */
function lostText(before: { text: string; comments: Map<string, number>; flags: Set<string> }, after: { text: string; model: DockerfileModel }, deleted: Set<string> = new Set()): string[] {
  const lost: string[] = [];
  const comments = commentLines(after.text);
  for (const [c, n] of before.comments) if ((comments.get(c) ?? 0) < n) lost.push(`comment ${JSON.stringify(c)}`);
  const flags = runFlags(after.model);
  for (const f of before.flags) if (!flags.has(f) && !deleted.has(f)) lost.push(`RUN flag ${f}`);
  return lost;
}

const samePlace = (a: Finding, b: Finding) => a.rule === b.rule && a.message === b.message && a.start === b.start;

/** Lints, applies each fix alone, then fix-all twice per mode; returns what went wrong (nothing, normally). */
export function examine(text: string, options: LintOptions = {}, { eachFix = true, modes = ['safe', 'unsafe'] }: ExamineOptions = {}): Examination {
  const violations: Violation[] = [];
  const add = (kind: string, detail: string) => violations.push({ kind, detail });
  const { findings, ruleErrors, model } = lintText(text, options);
  const kept = { text, comments: commentLines(text), flags: runFlags(model) };
  for (const e of ruleErrors) add('rule threw', `${e.rule}: ${(e.error as Error)?.stack ?? e.error}`);
  const inside = rangeChecker(text);
  for (const f of findings) {
    if (!inside(f)) add('range outside the document', `${f.rule} ${f.start}-${f.end}`);
    for (const fix of f.fixes) for (const e of fix.edits) if (!inside(e)) add('fix edit outside the document', `${f.rule} "${fix.title}" ${e.start}-${e.end}`);
  }
  const baseProblems = parseProblemCount(text);
  const baseErrors = errorCounts(findings);

  if (eachFix) {
    for (const f of findings) {
      for (const fix of f.fixes) {
        let fixed: string;
        try { fixed = applyFix(text, fix); } catch (e) { add('fix could not apply', `${f.rule} "${fix.title}": ${(e as Error).message}`); continue; }
        if (parseProblemCount(fixed) > baseProblems) add('fix broke the parse', `${f.rule} "${fix.title}"`);
        const after = lintText(fixed, options);
        for (const e of after.ruleErrors) add('rule threw after a fix', `${f.rule} "${fix.title}" → ${e.rule}: ${(e.error as Error)?.message}`);
        // A fix that creates a file (a .dockerignore) fixes the finding only once the file exists.
        if (!fix.createFiles?.length && after.findings.some((a) => samePlace(a, f) && a.fixes.some((x) => x.title === fix.title))) add('fix left its finding', `${f.rule} "${fix.title}"`);
        for (const e of newErrors(baseErrors, after.findings)) add('fix added an error', `${f.rule} "${fix.title}" → ${e}`);
        for (const l of lostText(kept, { text: fixed, model: after.model }, flagsDeletedBy(model, [fix]))) add('fix dropped user text', `${f.rule} "${fix.title}": ${l}`);
      }
    }
  }

  const applied: Examination['applied'] = {};
  for (const mode of modes) {
    const unsafe = mode === 'unsafe';
    const once = fixAll(text, { ...options, unsafe });
    applied[mode] = once.applied;
    for (const r of once.rejected) add(`fix-all (${mode}) rejected a fix`, `${r.rule} "${r.title}"`);
    if (!once.converged) add(`fix-all (${mode}) did not converge`, `${once.passes} passes: ${once.applied.map((a) => a.rule).join(', ')}`);
    if (once.text === text) continue;
    if (parseProblemCount(once.text) > baseProblems) add(`fix-all (${mode}) broke the parse`, once.applied.map((a) => a.rule).join(', '));
    const after = lintText(once.text, options);
    for (const e of after.ruleErrors) add(`rule threw after fix-all (${mode})`, `${e.rule}: ${(e.error as Error)?.message}`);
    for (const e of newErrors(baseErrors, after.findings)) add(`fix-all (${mode}) added an error`, e);
    const deleted = flagsDeletedBy(model, findings.flatMap((f) => f.fixes.filter((x) => unsafe || x.safety === 'safe')));
    for (const l of lostText(kept, { text: once.text, model: after.model }, deleted)) add(`fix-all (${mode}) dropped user text`, l);
    const twice = fixAll(once.text, { ...options, unsafe });
    if (twice.text !== once.text) add(`second fix-all (${mode}) changed the text`, twice.applied.map((a) => `${a.rule} "${a.title}"`).join(', '));
  }
  return { violations, findings, applied };
}

/** The violations alone, for assertions. */
export function checkText(text: string, options: LintOptions = {}, examineOptions: ExamineOptions = {}): Violation[] {
  return examine(text, options, examineOptions).violations;
}

/**
 * What went wrong formatting `text` under `options`: a throw, a meaning that differs (directives included; with
 * sortPackages the order of install arguments may), edits that do not give the text, a second run that changes it.
 */
export function checkFormat(text: string, options: Partial<FormatOptions> = {}): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: string, detail: string) => violations.push({ kind, detail });
  let result;
  try { result = formatDockerfile(text, options); } catch (e) { add('format threw', (e as Error)?.stack ?? String(e)); return violations; }
  const before = meaningOf(new DockerfileModel(text));
  const after = meaningOf(new DockerfileModel(result.text));
  if (!options.sortPackages && JSON.stringify(before.directives) + JSON.stringify(before.instructions) !== JSON.stringify(after.directives) + JSON.stringify(after.instructions)) add('format changed the meaning', JSON.stringify(result.text));
  if (options.sortPackages && before.instructions.length !== after.instructions.length) add('format changed the instructions', JSON.stringify(result.text));
  let applied: string | undefined;
  try { applied = applyEdits(text, result.edits); } catch (e) { add('format edits overlap', (e as Error).message); }
  if (applied !== undefined && applied !== result.text) add('format edits do not give its text', JSON.stringify(result.edits));
  const twice = formatDockerfile(result.text, options).text;
  if (twice !== result.text) add('second format changed the text', `${JSON.stringify(result.text)} → ${JSON.stringify(twice)}`);
  return violations;
}
