// Line by line differences of two texts: the command's --diff prints them, and a refactoring's change reaches an
// editor as one edit per changed run of lines (so its preview shows what changed, not one block replaced).
import type { OffsetEdit } from './types';

/** One line of the comparison: kept (' '), only in the old text ('-') or only in the new ('+'); `a`, `b` its line numbers there. */
export interface LineOp { kind: ' ' | '-' | '+'; text: string; a: number; b: number }

function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array[] {
  const t = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  return t;
}

/** The lines of `a` and `b` in order, each kept, removed or added (a longest common subsequence). */
export function lineOps(a: readonly string[], b: readonly string[]): LineOp[] {
  // Only the changed middle goes through the quadratic table: shared head and tail lines are skipped.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const ops: LineOp[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', text: a[i], a: i, b: i });
  const t = lcsTable(am, bm);
  let i = 0;
  let j = 0;
  while (i < am.length || j < bm.length) {
    if (i < am.length && j < bm.length && am[i] === bm[j]) { ops.push({ kind: ' ', text: am[i], a: head + i, b: head + j }); i++; j++; }
    // Deletions before insertions, as diff(1) prints them.
    else if (i < am.length && (j >= bm.length || t[i + 1][j] >= t[i][j + 1])) { ops.push({ kind: '-', text: am[i], a: head + i, b: head + j }); i++; }
    else { ops.push({ kind: '+', text: bm[j], a: head + i, b: head + j }); j++; }
  }
  for (let k = 0; k < tail; k++) ops.push({ kind: ' ', text: a[a.length - tail + k], a: a.length - tail + k, b: b.length - tail + k });
  return ops;
}

/** The lines of a text with their line breaks, so that joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Edits that turn `oldText` into `newText`, one per run of changed lines, each replacing whole lines. */
export function lineEdits(oldText: string, newText: string): OffsetEdit[] {
  if (oldText === newText) return [];
  const a = linesOf(oldText);
  const starts = [0];
  for (const l of a) starts.push(starts[starts.length - 1] + l.length);
  const ops = lineOps(a, linesOf(newText));
  const edits: OffsetEdit[] = [];
  for (let k = 0; k < ops.length;) {
    if (ops[k].kind === ' ') { k++; continue; }
    const from = ops[k].a;
    let to = from;
    let text = '';
    for (; k < ops.length && ops[k].kind !== ' '; k++) {
      if (ops[k].kind === '-') to = ops[k].a + 1;
      else text += ops[k].text;
    }
    edits.push({ start: starts[from], end: starts[to], text });
  }
  return edits;
}
