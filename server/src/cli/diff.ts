// A unified diff of two texts (for `--diff`), line based, with three lines of context, that patch and git apply take.
import { lineOps } from '../engine/line-diff';

// A last line without a line break is a different line from the same text with one: it carries this mark while the
// lines are compared, and is printed followed by the marker patch and git apply expect.
const NO_EOL = '\0';
const NO_EOL_MARKER = '\\ No newline at end of file';

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const lines = (t: string) => (t === '' ? [] : t.endsWith('\n') ? t.slice(0, -1).split('\n') : (t + NO_EOL).split('\n'));
  const a = lines(oldText);
  const b = lines(newText);
  const ops = lineOps(a, b);
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
