// Applying fixes: non-overlapping edits, fix-all to a fixed point, and a re-parse check that drops any fix
// whose result Docker would reject where the original was accepted.
import { LineIndex } from '../text';
import type { CreatedFile, Finding, Fix, TextEdit } from '../types';
import { lintText, type LintOptions } from '../linter';
import { DockerfileModel } from '../model/dockerfile';
import { syntaxProblems } from '../model/syntax';

interface OffsetEdit { start: number; end: number; text: string }

function toOffsets(index: LineIndex, edits: TextEdit[]): OffsetEdit[] {
  return edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }));
}

function overlaps(a: OffsetEdit[], b: OffsetEdit[]): boolean {
  // Two insertions at the same point would interleave unpredictably, so they count as overlapping too.
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || (x.start === y.start)));
}

/** Applies edits that do not overlap; throws when they do (a rule bug, caught by the rule tester). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = toOffsets(index, edits).sort((a, b) => a.start - b.start || a.end - b.end);
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
  /** Fixes left out because their result broke the parse. */
  rejected: Array<{ rule: string; title: string }>;
  /** True when the last pass found nothing more to fix. */
  converged: boolean;
}

function eligible(f: Finding, options: FixAllOptions): Fix | undefined {
  if (options.onlyRules && !options.onlyRules.includes(f.rule)) return undefined;
  return f.fixes.find((x) => x.safety === 'safe' || options.unsafe);
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
    const { findings } = lintText(result.text, options);
    const index = new LineIndex(result.text);
    const chosen: Array<{ finding: Finding; fix: Fix; edits: OffsetEdit[] }> = [];
    for (const finding of findings) {
      const fix = eligible(finding, options);
      if (!fix) continue;
      const key = `${finding.rule}\u0000${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (rejectedKeys.has(key)) continue;
      if (appliedFindings.has(findingKey(finding, fix, index.offsetAt(finding.range.start)))) {
        rejectedKeys.add(key);
        result.rejected.push({ rule: finding.rule, title: fix.title });
        continue;
      }
      const edits = toOffsets(index, fix.edits);
      if (chosen.some((c) => overlaps(c.edits, edits))) continue;
      chosen.push({ finding, fix, edits });
    }
    if (!chosen.length) {
      result.converged = true;
      break;
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
          rejectedKeys.add(`${c.finding.rule}\u0000${c.fix.title}\u0000${JSON.stringify(c.fix.edits)}`);
          result.rejected.push({ rule: c.finding.rule, title: c.fix.title });
        } else {
          accepted.push(c);
          current = candidate;
        }
      }
      next = current;
    }
    const edited = accepted.flatMap((c) => c.edits);
    appliedFindings = new Set(accepted.map((c) => findingKey(c.finding, c.fix, mapOffset(index.offsetAt(c.finding.range.start), edited))));
    for (const c of accepted) {
      result.applied.push({ rule: c.finding.rule, title: c.fix.title });
      for (const f of c.fix.createFiles ?? []) if (!result.createFiles.some((x) => x.path === f.path)) result.createFiles.push(f);
    }
    if (next === result.text) {
      result.converged = true;
      break;
    }
    result.text = next;
  }
  return result;
}
