// What a formatter did to one Dockerfile, judged the way issue 25 asks: the file means the same to Docker
// (meaningOf, instruction by instruction), a second run changes nothing, no finding of error severity appears, and
// no comment line is lost. `npm run format:corpus` (scripts/format-corpus.mjs) judges our formatter and its peers
// with it on whole corpora; test/unit/format-corpus.test.ts judges ours on the committed files.
import { DockerfileModel, lintModel, meaningOf, unexplainedChange, type LintOptions, type Meaning } from '../../server/src/engine';
import { unifiedDiff } from '../../server/src/cli/diff';

/** What the original file is judged against: worked out once, then compared with every formatter's output. */
export interface Baseline {
  text: string;
  meaning: Meaning;
  /** Findings of error severity per rule. */
  errors: Map<string, number>;
  comments: Map<string, number>;
}

export interface Verdict {
  changed: boolean;
  /** Lines of the original rewritten or removed, or lines added, whichever is more. */
  linesChanged: number;
  /** Where and how the formatted file means something else to Docker, when it does. */
  meaningChange?: string;
  /** `rule ×n` for each rule with more findings of error severity than before. */
  newErrors: string[];
  /** Comment lines of the original that are no longer in the file. */
  commentsLost: number;
}

function errorCounts(model: DockerfileModel, options: LintOptions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of lintModel(model, options).findings) if (f.severity === 'error') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

// A comment line's text without the blanks around it: formatters may re-indent or trim it, never reword it.
function commentLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith('#')) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

export function baselineOf(text: string, options: LintOptions): Baseline {
  const model = new DockerfileModel(text);
  return { text, meaning: meaningOf(model), errors: errorCounts(model, options), comments: commentLines(text) };
}

/** Lines changed between two texts: rewritten or removed lines of `before`, or added ones, whichever is more. */
export function linesChanged(before: string, after: string): number {
  if (before === after) return 0;
  let removed = 0;
  let added = 0;
  for (const line of unifiedDiff(before, after, 'a', 'b', 0).split('\n').slice(2)) {
    if (line.startsWith('-')) removed++;
    else if (line.startsWith('+')) added++;
  }
  return Math.max(removed, added);
}

/** `after` (a formatter's output for `base.text`) judged against the original. */
export function judge(base: Baseline, after: string, options: LintOptions): Verdict {
  if (after === base.text) return { changed: false, linesChanged: 0, newErrors: [], commentsLost: 0 };
  const model = new DockerfileModel(after);
  const meaningChange = unexplainedChange(base.meaning, meaningOf(model));
  const newErrors: string[] = [];
  for (const [rule, n] of errorCounts(model, options)) {
    const was = base.errors.get(rule) ?? 0;
    if (n > was) newErrors.push(`${rule} ×${n - was}`);
  }
  const kept = commentLines(after);
  let commentsLost = 0;
  for (const [line, n] of base.comments) commentsLost += Math.max(0, n - (kept.get(line) ?? 0));
  return { changed: true, linesChanged: linesChanged(base.text, after), ...(meaningChange ? { meaningChange } : {}), newErrors, commentsLost };
}

/** The verdict's failures, as issue 25 counts them: a meaning change, a second run that changes the text, a new error. */
export function failures(verdict: Verdict, idempotent: boolean): string[] {
  const out: string[] = [];
  if (verdict.meaningChange) out.push(`meaning: ${verdict.meaningChange}`);
  if (!idempotent) out.push('a second run changes the text');
  if (verdict.newErrors.length) out.push(`new errors: ${verdict.newErrors.join(', ')}`);
  return out;
}
