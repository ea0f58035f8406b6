// The properties every Dockerfile must satisfy, used by the property tests and the corpus check.
import { applyFix, fixAll, lintText, parseProblemCount, type Finding, type LintOptions } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';

export interface Violation { kind: string; detail: string }

function inside(text: string, f: Finding): boolean {
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)) && p.character <= lines.lineText(p.line).length;
  return ok(f.range.start) && ok(f.range.end);
}

/** Lints, applies each fix alone, then fix-all twice; returns what went wrong (nothing, normally). */
export function checkText(text: string, options: LintOptions = {}, { unsafe = true, eachFix = true } = {}): Violation[] {
  const out: Violation[] = [];
  const { findings, ruleErrors } = lintText(text, options);
  for (const e of ruleErrors) out.push({ kind: 'rule threw', detail: `${e.rule}: ${(e.error as Error)?.message}` });
  for (const f of findings) if (!inside(text, f)) out.push({ kind: 'range outside the document', detail: `${f.rule} ${JSON.stringify(f.range)}` });
  const baseProblems = parseProblemCount(text);
  // "No new error": no rule reports more errors than before (positions move when a fix edits text).
  const errorCounts = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').reduce((m, f) => m.set(f.rule, (m.get(f.rule) ?? 0) + 1), new Map<string, number>());
  const baseErrors = errorCounts(findings);
  if (eachFix) {
    for (const f of findings) {
      for (const fix of f.fixes) {
        if (fix.safety === 'unsafe' && !unsafe) continue;
        let fixed: string;
        try { fixed = applyFix(text, fix); } catch (e) { out.push({ kind: 'fix could not apply', detail: `${f.rule}: ${(e as Error).message}` }); continue; }
        if (parseProblemCount(fixed) > baseProblems) out.push({ kind: 'fix broke the parse', detail: `${f.rule} "${fix.title}"` });
        const after = lintText(fixed, options).findings;
        if (!fix.createFiles?.length && after.some((a) => a.rule === f.rule && a.message === f.message && a.range.start.line === f.range.start.line && a.range.start.character === f.range.start.character && a.fixes.some((x) => x.title === fix.title))) {
          out.push({ kind: 'fix left its finding', detail: `${f.rule} "${fix.title}"` });
        }
        for (const [rule, n] of errorCounts(after)) {
          if (n > (baseErrors.get(rule) ?? 0)) out.push({ kind: 'fix added an error', detail: `${f.rule} "${fix.title}" → ${rule}: ${after.find((a) => a.rule === rule && a.severity === 'error')?.message}` });
        }
      }
    }
  }
  const once = fixAll(text, { ...options, unsafe });
  if (!once.converged) out.push({ kind: 'fix-all did not converge', detail: `${once.passes} passes` });
  if (parseProblemCount(once.text) > baseProblems) out.push({ kind: 'fix-all broke the parse', detail: once.applied.map((a) => a.rule).join(', ') });
  const twice = fixAll(once.text, { ...options, unsafe });
  if (twice.text !== once.text) out.push({ kind: 'second fix-all changed the text', detail: twice.applied.map((a) => a.rule).join(', ') });
  return out;
}
