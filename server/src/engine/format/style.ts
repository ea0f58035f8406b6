// The layout habits of a Dockerfile: how its continuation lines are indented and where its shell operators go.
// The formatter's `auto` options follow them, and text a fix inserts can follow them too.
import type { DockerfileModel } from '../model/dockerfile';
import { contentDepths, indentWidth, isShellCommand, LEADING_OPERATOR, readLayout, TRAILING_OPERATOR, type LayoutLine } from './layout';

export interface FileStyle {
  /** The indent of a first-level continuation line: `tab`, or a number of spaces; undefined when the file has none. */
  indent: 'tab' | number | undefined;
  /** Where `&&`, `||` and `|` go when a command is broken over lines: the majority, line ends on a tie; undefined when no line says. */
  operators: 'start' | 'end' | undefined;
  /**
   * The most common indent of the first level of continuation and, when the file nests, of the second (wider), as
   * written. Deeper levels go on by the same step.
   */
  levels: string[];
}

// Models never change once built: a file's style is read once per version (fixes ask for it finding by finding).
const styles = new WeakMap<DockerfileModel, FileStyle>();

/** The file's continuation indent and operator position, read from its instructions (all of them, in a view of one stage too). */
export function detectStyle(model: DockerfileModel): FileStyle {
  const whole = model.wholeFile;
  let style = styles.get(whole);
  if (!style) styles.set(whole, (style = readStyle(whole)));
  return style;
}

function readStyle(model: DockerfileModel): FileStyle {
  const counts: Array<Map<string, number>> = [];
  let start = 0;
  let end = 0;
  for (const instr of model.instructions) {
    if (instr.line === instr.endLine) continue;
    const layout = readLayout(model, instr);
    for (const [line, depth] of contentDepths(layout)) {
      const m = (counts[depth - 1] ??= new Map());
      m.set(line.indent, (m.get(line.indent) ?? 0) + 1);
    }
    if (!isShellCommand(instr)) continue;
    let previous: LayoutLine | undefined;
    for (const line of layout.lines) {
      if (line.kind !== 'head' && line.kind !== 'content') continue;
      const text = model.text.slice(line.start, line.end);
      if (previous && !line.fixedJoin) {
        if (LEADING_OPERATOR.test(text)) start++;
        else if (TRAILING_OPERATOR.test(model.text.slice(previous.start, previous.end))) end++;
      }
      previous = line;
    }
  }
  const levels: string[] = [];
  for (const m of counts.slice(0, 2)) {
    if (!m) break;
    // The most common; among equals, the first met.
    let best = '';
    let n = -1;
    for (const [indent, c] of m) if (c > n) { best = indent; n = c; }
    const before = levels[levels.length - 1];
    if (before !== undefined && (indentWidth(best) <= indentWidth(before) || !best.startsWith(before))) break;
    levels.push(best);
  }
  const first = levels[0];
  const indent = first === undefined || first === '' ? undefined : /^\t+$/.test(first) ? 'tab' : /^ +$/.test(first) ? first.length : undefined;
  return { indent, operators: start > end ? 'start' : end > 0 ? 'end' : undefined, levels };
}
