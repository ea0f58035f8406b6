// Applying fixes: non-overlapping edits, fix-all to a fixed point, a re-parse check that drops any fix whose
// result Docker would reject where the original was accepted, and a meaning check that drops any safe fix that
// changes the build more than it declares (fix/meaning.ts).
import type { CreatedFile, Finding, Fix, OffsetEdit } from '../types';
import type { FileAccess } from '../rule';
import { lintText, type LintOptions } from '../linter';
import { DockerfileModel } from '../model/dockerfile';
import { syntaxProblems } from '../model/syntax';
import { meaningOf, unexplainedChange, type Meaning } from './meaning';

function overlaps(a: OffsetEdit[], b: OffsetEdit[]): boolean {
  // Two insertions at the same point would interleave unpredictably, so they count as overlapping too.
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || (x.start === y.start)));
}

/** Applies edits that do not overlap; throws when they do (a rule bug, caught by the rule tester). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    if (e.start < last) throw new Error('overlapping edits');
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** Number of problems Docker itself would reject; a fix must never raise it. */
export function parseProblemCount(text: string): number {
  return syntaxProblems(new DockerfileModel(text)).length;
}

const problemCounts = new WeakMap<DockerfileModel, number>();

/** The fix applied on its own: whether it adds syntax problems, and what it changes beyond what it declares. */
function judge(model: DockerfileModel, fix: Fix, before?: Meaning): { breaksParse: boolean; unexplained?: string } {
  const after = new DockerfileModel(applyEdits(model.text, fix.edits));
  let baseline = problemCounts.get(model);
  if (baseline === undefined) problemCounts.set(model, baseline = syntaxProblems(model).length);
  if (syntaxProblems(after).length > baseline) return { breaksParse: true };
  if (fix.safety !== 'safe') return { breaksParse: false };
  return { breaksParse: false, unexplained: unexplainedChange(before ?? meaningOf(model), meaningOf(after), fix.changes) };
}

/**
 * Why a safe fix of `model`'s text changes the build more than it declares, or undefined when it does not
 * (unsafe fixes claim nothing and are not checked). `before` is `meaningOf(model)`, when known.
 */
export function meaningProblem(model: DockerfileModel, fix: Fix, before?: Meaning): string | undefined {
  if (fix.safety !== 'safe' || !fix.edits.length) return undefined;
  return judge(model, fix, before).unexplained;
}

/**
 * Why one fix should not be offered on `model`'s text: its result has more syntax problems, or (a safe fix)
 * it changes the build more than it declares. Undefined when it is fine. For a fix applied on its own (a code action).
 */
export function fixProblem(model: DockerfileModel, fix: Fix): string | undefined {
  if (!fix.edits.length) return undefined;
  const { breaksParse, unexplained } = judge(model, fix);
  return breaksParse ? 'its result does not parse' : unexplained && `it changes more than it says: ${unexplained}`;
}

export interface FixAllOptions extends LintOptions {
  unsafe?: boolean;
  /** Only fixes of these rules (Fix all <id> problems). */
  onlyRules?: readonly string[];
  maxPasses?: number;
}

export interface FixAllResult {
  text: string;
  applied: Array<{ rule: string; title: string }>;
  createFiles: CreatedFile[];
  passes: number;
  /** Fixes left out: their result broke the parse, they were offered again for what they fixed, or (`reason`) a safe fix changed more than it declares. */
  rejected: Array<{ rule: string; title: string; reason?: string }>;
  /** True when the last pass found nothing more to fix. */
  converged: boolean;
}

function eligible(f: Finding, options: FixAllOptions): Fix | undefined {
  if (options.onlyRules && !options.onlyRules.includes(f.rule)) return undefined;
  // A fix that edits another file (the compose file that passes an arg) is for one finding at a time, in the editor.
  return f.fixes.find((x) => !x.editFiles?.length && (x.safety === 'safe' || options.unsafe));
}

/** Where `offset` is after `edits` (an edit starting at the offset itself leaves it where it is). */
function mapOffset(offset: number, edits: OffsetEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.start < offset) delta += e.text.length - (Math.min(e.end, offset) - e.start);
  return offset + delta;
}

/** Applies every eligible fix, re-linting between passes, until nothing changes or the pass cap is hit. */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  const result: FixAllResult = { text, applied: [], createFiles: [], passes: 0, rejected: [], converged: false };
  const rejectedKeys = new Set<string>();
  // A fix offered again for the same finding after it was applied did not fix it: never apply it twice.
  // "The same finding" is the same rule and fix at the place the applied one's finding moved to with the
  // pass's edits (line and character alone are not enough: text shifts, and another finding of the same
  // rule can land on those coordinates).
  let appliedFindings = new Set<string>();
  const findingKey = (f: { rule: string }, fix: Fix, offset: number) => `${f.rule}\u0000${fix.title}\u0000${offset}`;
  for (let pass = 0; pass < maxPasses; pass++) {
    // The files earlier passes created are there for the rules of this one (a new .dockerignore is read by
    // missing-dockerignore and copy-ignored-file), as they will be on disk.
    const { findings, model } = lintText(result.text, result.createFiles.length ? { ...options, files: withCreated(options.files, result.createFiles) } : options);
    const chosen: Array<{ finding: Finding; fix: Fix }> = [];
    const keyOf = (finding: Finding, fix: Fix) => `${finding.rule}\u0000${fix.title}\u0000${JSON.stringify(fix.edits)}`;
    for (const finding of findings) {
      const fix = eligible(finding, options);
      if (!fix) continue;
      const key = keyOf(finding, fix);
      if (rejectedKeys.has(key)) continue;
      if (appliedFindings.has(findingKey(finding, fix, finding.start))) {
        rejectedKeys.add(key);
        result.rejected.push({ rule: finding.rule, title: fix.title });
        continue;
      }
      if (chosen.some((c) => overlaps(c.fix.edits, fix.edits))) continue;
      chosen.push({ finding, fix });
    }
    if (!chosen.length) {
      result.converged = true;
      break;
    }
    // The safe fixes together may change only what they declare. When they change more, they are taken one at a
    // time: one that changes more than it declares on its own is dropped, one that is fine alone but not with the
    // ones before it waits for the next pass (one that breaks the parse is left to the parse check below).
    let deferred = false;
    const safe = chosen.filter((c) => c.fix.safety === 'safe' && c.fix.edits.length);
    if (safe.length) {
      const before = meaningOf(model);
      const keepsMeaning = (cs: typeof safe) => !unexplainedChange(before, meaningOf(new DockerfileModel(applyEdits(result.text, cs.flatMap((c) => c.fix.edits)))), cs.flatMap((c) => c.fix.changes ?? []));
      if (!keepsMeaning(safe)) {
        const kept: typeof safe = [];
        for (const c of safe) {
          const alone = judge(model, c.fix, before);
          if (alone.breaksParse) continue;
          if (alone.unexplained) {
            rejectedKeys.add(keyOf(c.finding, c.fix));
            result.rejected.push({ rule: c.finding.rule, title: c.fix.title, reason: alone.unexplained });
            // A fix it overlapped may be fine: the next pass offers it.
            deferred = true;
          } else if (!kept.length || keepsMeaning([...kept, c])) {
            kept.push(c);
            continue;
          } else deferred = true;
          chosen.splice(chosen.indexOf(c), 1);
        }
      }
    }
    result.passes++;
    const baseline = parseProblemCount(result.text);
    let next = applyEdits(result.text, chosen.flatMap((c) => c.fix.edits));
    let accepted = chosen;
    if (parseProblemCount(next) > baseline) {
      // Find the culprits one at a time; keep the fixes that are fine on their own.
      accepted = [];
      let current = result.text;
      for (const c of chosen) {
        const candidate = applyEdits(result.text, [...accepted, c].flatMap((x) => x.fix.edits));
        if (parseProblemCount(candidate) > baseline) {
          rejectedKeys.add(keyOf(c.finding, c.fix));
          result.rejected.push({ rule: c.finding.rule, title: c.fix.title });
        } else {
          accepted.push(c);
          current = candidate;
        }
      }
      next = current;
    }
    const edited = accepted.flatMap((c) => c.fix.edits);
    appliedFindings = new Set(accepted.map((c) => findingKey(c.finding, c.fix, mapOffset(c.finding.start, edited))));
    for (const c of accepted) {
      result.applied.push({ rule: c.finding.rule, title: c.fix.title });
      for (const f of c.fix.createFiles ?? []) if (!result.createFiles.some((x) => x.path === f.path)) result.createFiles.push(f);
    }
    if (next === result.text && !deferred) {
      result.converged = true;
      break;
    }
    result.text = next;
  }
  return result;
}

/** `files` with the created files added where nothing exists at their path. */
function withCreated(files: FileAccess | undefined, created: readonly CreatedFile[]): FileAccess {
  const byPath = new Map(created.map((f) => [f.path, f.content]));
  const bytes = (text: string, length: number) => new TextEncoder().encode(text).slice(0, length);
  return {
    ...files,
    read: (p) => files?.read(p) ?? byPath.get(p),
    isFile: (p) => (files?.isFile ? files.isFile(p) : files?.read(p) !== undefined) || byPath.has(p),
    readHead: (p, length) => files?.readHead?.(p, length) ?? (byPath.has(p) ? bytes(byPath.get(p)!, length) : undefined),
  };
}
