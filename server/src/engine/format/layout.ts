// How an instruction is laid out over its physical lines: the keyword line, continuation lines, and the comment and
// blank lines Docker drops inside a continuation. The formatter's printer and the style detection both read it, so
// "a continuation line", "its indent" and "a join the formatter may re-space" mean one thing.
import type { DockerfileModel, Instr } from '../model/dockerfile';

export interface LayoutLine {
  /** 0-based physical line. */
  line: number;
  kind: 'head' | 'content' | 'comment' | 'blank';
  /** Leading blanks (content and comment lines; '' for the head, whose indent is dropped). */
  indent: string;
  /** The text without indent, trailing blanks and the continuation escape: document offsets [start, end). */
  start: number;
  end: number;
  /** The line ends in the escape character (blanks after it allowed) and the instruction goes on. */
  continued: boolean;
  /** The blanks between the text and the escape character. */
  gap: string;
  /**
   * A content line whose join to the content line before it must stay as written: nothing separates the two
   * (Docker glues `a\` + `b` into `ab`), or the join falls inside a quoted string or a shell comment.
   */
  fixedJoin: boolean;
}

export interface InstructionLayout {
  lines: LayoutLine[];
  /** Whether shell-form command syntax applies (`#` comments, `&&`/`||`/`|` operators). */
  shell: boolean;
}

// Instructions whose shell form is a command line for a shell.
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Whether the instruction (or its ONBUILD trigger) is a shell-form command. */
export function isShellCommand(instr: Instr): boolean {
  const target = instr.trigger ?? instr;
  return COMMAND_KEYWORDS.has(target.keyword) && !target.execForm;
}

/** The last line of an instruction the formatter may lay out: the line of its first heredoc marker, else its last line. */
export function layoutEnd(instr: Instr): number {
  const heredocs = instr.trigger?.heredocs.length ? instr.trigger.heredocs : instr.heredocs;
  return heredocs.length ? Math.min(heredocs[0].markerLine, instr.endLine) : instr.endLine;
}

/** The instruction's lines from its keyword to layoutEnd, classified, with each join's quoting state. */
export function readLayout(model: DockerfileModel, instr: Instr): InstructionLayout {
  const { text, lines: index, escapeChar } = model;
  const last = layoutEnd(instr);
  const shell = isShellCommand(instr);
  const lines: LayoutLine[] = [];
  const scan = new QuoteScanner(escapeChar, shell);
  let previousContent: LayoutLine | undefined;
  // Whether a blank stands between the last text read and what comes next.
  let separated = false;
  for (let line = instr.line; line <= last; line++) {
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineEnd(line);
    const head = line === instr.line;
    const from = head ? instr.keywordStart : lineStart;
    const raw = text.slice(from, lineEnd);
    const indent = head ? '' : /^[ \t]*/.exec(raw)![0];
    const body = raw.slice(indent.length).replace(/[ \t]+$/, '');
    const start = from + indent.length;
    if (!head && body === '') {
      lines.push({ line, kind: 'blank', indent: '', start, end: start, continued: false, gap: '', fixedJoin: false });
      continue;
    }
    if (!head && body.startsWith('#')) {
      lines.push({ line, kind: 'comment', indent, start, end: start + body.length, continued: false, gap: '', fixedJoin: false });
      continue;
    }
    const continued = line < last && body.endsWith(escapeChar);
    const content = continued ? body.slice(0, -1) : body;
    const trimmed = continued ? content.replace(/[ \t]+$/, '') : content;
    const gap = content.slice(trimmed.length);
    let fixedJoin = false;
    if (!head && previousContent) {
      // Glued: no blank between this text and the text before it (lines that are only the escape have none to glue).
      const glued = trimmed !== '' && !separated && indent === '';
      fixedJoin = glued || scan.state !== 'plain';
    }
    separated = trimmed !== '' ? gap !== '' : separated || indent !== '' || gap !== '';
    scan.feed(trimmed);
    if (continued) scan.feed(' ');
    const entry: LayoutLine = { line, kind: head ? 'head' : 'content', indent, start, end: start + trimmed.length, continued, gap, fixedJoin };
    lines.push(entry);
    previousContent = entry;
  }
  return { lines, shell };
}

/**
 * Where a logical line is, character by character: in plain text, a quoted string or a shell comment. Both the
 * Dockerfile's escape character and the shell's backslash escape the next character (outside single quotes): a
 * join the scanner wrongly calls quoted only stays as written.
 */
class QuoteScanner {
  state: 'plain' | 'single' | 'double' | 'comment' = 'plain';
  private escaped = false;
  private previous = ' ';

  constructor(private readonly escapeChar: string, private readonly shell: boolean) {}

  feed(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      const prev = this.previous;
      this.previous = c;
      if (this.state === 'comment') continue;
      if (this.escaped) { this.escaped = false; continue; }
      if (this.state === 'single') { if (c === "'") this.state = 'plain'; continue; }
      if (c === '\\' || c === this.escapeChar) { this.escaped = true; continue; }
      if (this.state === 'double') { if (c === '"') this.state = 'plain'; continue; }
      if (c === "'") this.state = 'single';
      else if (c === '"') this.state = 'double';
      else if (c === '#' && this.shell && /[\s;&|()]/.test(prev)) this.state = 'comment';
    }
  }
}

/** Visual width of an indent: a tab counts as 4 columns (ranks only compare widths). */
export function indentWidth(indent: string): number {
  let w = 0;
  for (const c of indent) w += c === '\t' ? 4 : 1;
  return w;
}

/**
 * The depth of each content line that may be re-indented (its join is not fixed): 1 for the shallowest indent of
 * the instruction, 2 for the next wider one, and so on. Nested lists keep their nesting under any indent unit.
 */
export function contentDepths(layout: InstructionLayout): Map<LayoutLine, number> {
  // A line that is only the escape character has no indent of its own to rank.
  const movable = layout.lines.filter((l) => l.kind === 'content' && !l.fixedJoin && l.end > l.start);
  const widths = [...new Set(movable.map((l) => indentWidth(l.indent)))].sort((a, b) => a - b);
  const out = new Map<LayoutLine, number>();
  for (const l of movable) out.set(l, widths.indexOf(indentWidth(l.indent)) + 1);
  return out;
}

// A shell operator that ends a line (after a blank) or starts one (before a blank).
export const TRAILING_OPERATOR = /(^|[ \t])(&&|\|\||\|)$/;
export const LEADING_OPERATOR = /^(&&|\|\||\|)(?=[ \t]|$)/;
