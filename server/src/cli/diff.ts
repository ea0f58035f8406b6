// A unified diff of two texts (for `--diff`), line based, with three lines of context, that patch and git apply take.

function lcsTable(a: string[], b: string[]): Uint32Array[] {
  const t = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  return t;
}

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

// A last line without a line break is a different line from the same text with one: it carries this mark while the
// lines are compared, and is printed followed by the marker patch and git apply expect.
const NO_EOL = '\0';
const NO_EOL_MARKER = '\\ No newline at end of file';

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const lines = (t: string) => (t === '' ? [] : t.endsWith('\n') ? t.slice(0, -1).split('\n') : (t + NO_EOL).split('\n'));
  const a = lines(oldText);
  const b = lines(newText);
  // Only the changed middle goes through the quadratic table: shared head and tail lines are skipped.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const ops: Op[] = [];
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
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k].kind === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2×context lines of each other.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${hunk[0].a + (aLen ? 1 : 0)},${aLen} +${hunk[0].b + (bLen ? 1 : 0)},${bLen} @@`);
    for (const o of hunk) {
      if (o.text.endsWith(NO_EOL)) out.push(o.kind + o.text.slice(0, -1), NO_EOL_MARKER);
      else out.push(o.kind + o.text);
    }
    k = stop;
  }
  return out.join('\n') + '\n';
}
