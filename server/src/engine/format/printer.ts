// Prints one instruction from the model under the format options: word-level changes first (keyword case, the
// blanks after the keyword and between flags, exec-form JSON spacing, ENV/LABEL `key=value` and quoting, sorted
// packages), each an edit of one line's text, then the layout of its lines (continuation indent, operator position,
// backslashes, one package per line). Text inside quotes, comments' text and heredoc bodies are never edited:
// heredocs come after the last line printed (layoutEnd), and the formatter leaves them byte for byte.
import type { DockerfileModel, Instr } from '../model/dockerfile';
import type { ShellWord } from '../model/shell';
import { comparePackageNames, movablePackage, packageCommand, packageGroups } from '../model/package-managers';
import type { FormatOptions } from './options';
import { keyValueEdit } from './key-value';
import { contentDepths, continuesCommand, indentWidth, LEADING_OPERATOR, readLayout, TRAILING_OPERATOR, type LayoutLine } from './layout';

/**
 * How much of the instruction is printed: `full`; `words` (word-level changes, the lines laid out as written);
 * `keyword` (the keyword's case and trailing blanks only).
 */
export type PrintMode = 'full' | 'words' | 'keyword';

export interface PrintSettings {
  options: FormatOptions;
  /** The indent of a continuation line at a depth (1: the first level). */
  indentAt: (depth: number) => string;
  /** Where shell operators go; undefined leaves them where they are. */
  operators: 'start' | 'end' | undefined;
}

export interface PrintedLine {
  text: string;
  /** The physical line whose line break ends this one. */
  from: number;
}

export interface PrintedInstruction {
  /** The physical lines replaced: [first, last]. */
  first: number;
  last: number;
  lines: PrintedLine[];
  /** Commands whose package operands were sorted (their meaning differs by that order only). */
  sorted: string[];
}

interface WordEdit { start: number; end: number; text: string }

/** A line of the printed instruction before layout: a physical line, or a piece of one split off for a package. */
interface Piece {
  kind: LayoutLine['kind'];
  start: number;
  end: number;
  indent: string;
  gap: string;
  continued: boolean;
  fixedJoin: boolean;
  from: number;
  /** Depth of a content line that may be re-indented; 0 for the head. */
  depth?: number;
}

export function printInstruction(model: DockerfileModel, instr: Instr, settings: PrintSettings, mode: PrintMode): PrintedInstruction {
  const { options } = settings;
  const layout = readLayout(model, instr);
  const esc = model.escapeChar;
  const sorted: string[] = [];
  const layoutEndOffset = model.lines.lineEnd(layout.lines[layout.lines.length - 1].line);
  const edits: WordEdit[] = keywordEdits(model, instr, options);
  if (mode !== 'keyword') {
    edits.push(...headSpacing(model, instr, layout.lines[0]));
    if (options.execForm === 'normal') edits.push(...execFormEdits(model, instr, layout.lines));
    if (options.keyValueForm) edits.push(...legacyPairEdits(model, instr, options.quoteValues === 'as-needed'));
    if (options.quoteValues === 'as-needed') edits.push(...unquotedValueEdits(model, instr));
    if (options.sortPackages) edits.push(...sortedPackageEdits(model, instr, layoutEndOffset, options.onePackagePerLine, sorted));
  }
  edits.sort((a, b) => a.start - b.start);
  const textOf = (p: { start: number; end: number }) => withEdits(model.text, p.start, p.end, edits);

  const out: PrintedLine[] = [];
  const first = layout.lines[0].line;
  const last = layout.lines[layout.lines.length - 1].line;
  // The byte-order mark stays in front of the first line.
  const bom = first === 0 && model.text.startsWith('\uFEFF') && instr.keywordStart > 0 ? '\uFEFF' : '';
  if (mode !== 'full') {
    for (const l of layout.lines) {
      const body = l.kind === 'blank' ? '' : textOf(l);
      const lead = l.kind === 'head' ? bom : l.indent;
      out.push({ text: lead + body + (l.continued ? l.gap + esc : ''), from: l.line });
    }
    return { first, last, lines: out, sorted };
  }

  const depths = contentDepths(layout, continuesCommand(model, instr, layout) ? settings.indentAt : undefined);
  let pieces: Piece[] = layout.lines.map((l) => ({ kind: l.kind, start: l.start, end: l.end, indent: l.indent, gap: l.gap, continued: l.continued, fixedJoin: l.fixedJoin, from: l.line, depth: l.kind === 'head' ? 0 : depths.get(l) }));
  if (options.onePackagePerLine) pieces = splitPackages(model, instr, pieces, layoutEndOffset);
  const texts = pieces.map((p) => (p.kind === 'blank' ? '' : textOf(p)));
  if (settings.operators && layout.shell) moveOperators(instr, pieces, texts, settings.operators);

  // Comment lines keep their indent: many files put them in the first column on purpose (docker-library's do).
  const indents = pieces.map((p) => {
    if (p.kind === 'head') return bom;
    if (p.kind === 'blank') return '';
    if (p.kind === 'comment' || p.fixedJoin) return p.indent;
    // A line that is only the escape character (a spacer) stays as written.
    if (p.depth === undefined) return p.indent;
    return settings.indentAt(p.depth);
  });
  // A continued line ends in ` \`, or in its own blanks when the next line's join stays as written.
  const nextContent: Array<Piece | undefined> = [];
  let next: Piece | undefined;
  for (let i = pieces.length - 1; i >= 0; i--) {
    nextContent[i] = next;
    if (pieces[i].kind === 'content') next = pieces[i];
  }
  const spaced = (i: number) => pieces[i].continued && !nextContent[i]?.fixedJoin && (pieces[i].kind === 'head' || texts[i] !== '' || pieces[i].fixedJoin);
  let column = 0;
  if (options.alignBackslashes) {
    for (let i = 0; i < pieces.length; i++) if (spaced(i)) column = Math.max(column, indentWidth(indents[i]) + indentWidth(texts[i]) + 1);
  }
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    let line = indents[i] + texts[i];
    if (p.continued) {
      if (!spaced(i)) line += (texts[i] || p.fixedJoin ? p.gap : '') + esc;
      else if (options.alignBackslashes) line += ' '.repeat(Math.max(1, column - indentWidth(line))) + esc;
      else line += (texts[i] ? ' ' : '') + esc;
    }
    out.push({ text: line, from: p.from });
  }
  return { first, last, lines: out, sorted };
}

/** `text[start, end)` with the edits inside it applied. */
function withEdits(text: string, start: number, end: number, edits: readonly WordEdit[]): string {
  let out = '';
  let at = start;
  for (const e of edits) {
    if (e.start < at || e.end > end) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at, end);
}

/** The keyword (and an ONBUILD trigger's) in the case the options ask. */
function keywordEdits(model: DockerfileModel, instr: Instr, options: FormatOptions): WordEdit[] {
  if (options.keywordCase === 'preserve') return [];
  const out: WordEdit[] = [];
  for (const i of instr.trigger ? [instr, instr.trigger] : [instr]) {
    const words = [{ start: i.keywordStart, end: i.keywordEnd }];
    // FROM's AS goes with the keyword: BuildKit warns when their cases differ (FromAsCasing).
    if (i.keyword === 'FROM' && i.alias && i.args.length === 3) words.push(i.args[1]);
    for (const w of words) {
      const written = model.text.slice(w.start, w.end);
      const cased = options.keywordCase === 'upper' ? written.toUpperCase() : written.toLowerCase();
      if (cased !== written) out.push({ start: w.start, end: w.end, text: cased });
    }
  }
  return out;
}

// Instructions whose arguments Docker splits at any run of blanks: the blanks between them are layout. (WORKDIR,
// LABEL, ENV and the shell forms keep theirs: there, blanks can be part of a value.)
const WORD_ARGUMENTS = new Set(['FROM', 'COPY', 'ADD', 'EXPOSE']);

/** One space after the keyword (and an ONBUILD trigger's), between the flags, and between FROM's, COPY's, ADD's and EXPOSE's words, on the keyword's line. */
function headSpacing(model: DockerfileModel, instr: Instr, head: LayoutLine): WordEdit[] {
  const { text } = model;
  const out: WordEdit[] = [];
  const single = (from: number) => {
    let to = from;
    while (to < head.end && (text[to] === ' ' || text[to] === '\t')) to++;
    if (to > from && to < head.end && text.slice(from, to) !== ' ') out.push({ start: from, end: to, text: ' ' });
  };
  for (const i of instr.trigger ? [instr, instr.trigger] : [instr]) {
    if (i.keywordEnd > head.end) break;
    single(i.keywordEnd);
    for (const f of i.flags) {
      if (f.end > head.end) break;
      single(f.end);
    }
    if (!WORD_ARGUMENTS.has(i.keyword) || i.execForm) continue;
    for (let a = 0; a + 1 < i.args.length && i.args[a + 1].end <= head.end; a++) single(i.args[a].end);
  }
  return out;
}

/** An exec-form JSON array on one line as `["a", "b"]`: the strings as written, the blanks between them normalised. */
function execFormEdits(model: DockerfileModel, instr: Instr, lines: LayoutLine[]): WordEdit[] {
  const target = instr.trigger ?? instr;
  const { text } = model;
  const head = lines[0];
  let from = target.args[0]?.start;
  // HEALTHCHECK CMD [...]: the array follows the CMD word.
  if (target.keyword === 'HEALTHCHECK' && target.args[0]?.value.toUpperCase() === 'CMD') from = target.args[1]?.start;
  if (from === undefined || from >= head.end || text[from] !== '[') return [];
  // Only an array that is the rest of its line and the last line of the instruction.
  if (head.continued || lines.some((l) => l !== head && l.kind === 'content')) return [];
  const raw = text.slice(from, head.end);
  const strings = jsonStrings(raw);
  if (!strings) return [];
  const printed = `[${strings.join(', ')}]`;
  return printed === raw ? [] : [{ start: from, end: head.end, text: printed }];
}

/** The string tokens of a JSON array of strings, as written; undefined when `raw` is not exactly one. */
function jsonStrings(raw: string): string[] | undefined {
  const m = /^\[\s*((?:"(?:[^"\\\u0000-\u001f]|\\.)*"\s*(?:,\s*"(?:[^"\\\u0000-\u001f]|\\.)*"\s*)*)?)\]$/.exec(raw);
  if (!m) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
  } catch {
    return undefined;
  }
  return m[1].match(/"(?:[^"\\]|\\.)*"/g) ?? [];
}

/** The legacy `ENV key value` (and LABEL) as `key=value`, as the legacy-key-value-format fix writes it. */
function legacyPairEdits(model: DockerfileModel, instr: Instr, unquote: boolean): WordEdit[] {
  const target = instr.trigger ?? instr;
  if (target.keyword !== 'ENV' && target.keyword !== 'LABEL') return [];
  return target.props.flatMap((p) => {
    const edit = keyValueEdit(model, target, p);
    const quoted = edit && /^=(["'])(.*)\1$/.exec(edit.text);
    // With quoteValues as-needed, `ENV LANG "C.UTF-8"` becomes `LANG=C.UTF-8` at once.
    return !edit ? [] : unquote && quoted && PLAIN_VALUE.test(quoted[2]) ? [{ ...edit, text: `=${quoted[2]}` }] : [edit];
  });
}

// A value Docker reads the same with or without quotes around it.
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@%+=-]+$/;

/** Quotes around an ENV, LABEL or ARG value removed where they change nothing (legacy pairs: legacyPairEdits). */
function unquotedValueEdits(model: DockerfileModel, instr: Instr): WordEdit[] {
  const target = instr.trigger ?? instr;
  if (!['ENV', 'LABEL', 'ARG'].includes(target.keyword)) return [];
  const out: WordEdit[] = [];
  for (const p of target.props) {
    if (!p.assignment || p.valueStart === undefined || p.valueEnd === undefined) continue;
    const raw = model.text.slice(p.valueStart, p.valueEnd);
    const m = /^(["'])(.*)\1$/.exec(raw);
    if (m && PLAIN_VALUE.test(m[2])) out.push({ start: p.valueStart, end: p.valueEnd, text: m[2] });
  }
  return out;
}

/** The install commands of a RUN whose package operands can be reordered or moved (before any heredoc body). */
function installs(instr: Instr, end: number): Array<{ name: string; start: number; system: boolean; words: ShellWord[] }> {
  const run = (instr.trigger ?? instr).run;
  if (!run || run.execForm) return [];
  const out: Array<{ name: string; start: number; system: boolean; words: ShellWord[] }> = [];
  for (const cmd of run.commands) {
    if (cmd.nested || cmd.end > end) continue;
    const pc = packageCommand(cmd);
    if (!pc || pc.action !== 'install' || !pc.operands.length || !pc.operands.every(movablePackage)) continue;
    out.push({ name: cmd.name, start: cmd.start, system: pc.manager.system === true, words: pc.operands });
  }
  return out;
}

/**
 * Package lists of the distributions' managers sorted, each group on its own (see packageGroups). Only lists all
 * on one line or one package a line: two packages an author put on one line of a longer list stay together (unless
 * every package goes on a line of its own anyway).
 * (pip builds source packages in the order given: its lists keep their order.)
 */
function sortedPackageEdits(model: DockerfileModel, instr: Instr, end: number, onePerLine: boolean, sorted: string[]): WordEdit[] {
  const out: WordEdit[] = [];
  const lineOf = (w: ShellWord) => model.lines.positionAt(w.start).line;
  for (const { name, system, words } of installs(instr, end)) {
    if (!system) continue;
    let changed = false;
    for (const group of packageGroups(model.text, words)) {
      const lineCount = new Set(group.map(lineOf)).size;
      if (group.length < 2 || (lineCount !== 1 && lineCount !== group.length && !onePerLine)) continue;
      const order = [...group].sort((a, b) => comparePackageNames(a.value, b.value));
      group.forEach((w, i) => {
        if (order[i].raw !== w.raw) {
          out.push({ start: w.start, end: w.end, text: order[i].raw });
          changed = true;
        }
      });
    }
    if (changed) sorted.push(name);
  }
  return out;
}

/** Each package operand of an install command on a continuation line of its own, one level deeper than the command. */
function splitPackages(model: DockerfileModel, instr: Instr, pieces: Piece[], end: number): Piece[] {
  const { text } = model;
  const breaks = new Map<number, Array<{ at: number; depth: number }>>();
  const pieceAt = (offset: number) => pieces.findIndex((p) => (p.kind === 'head' || p.kind === 'content') && p.start <= offset && offset < p.end);
  for (const { words, start } of installs(instr, end)) {
    const home = pieceAt(start);
    for (const w of words) {
      const k = pieceAt(w.start);
      if (k < 0) continue;
      const piece = pieces[k];
      let from = w.start;
      while (from > piece.start && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      // Already first on its line, glued to the word before it, or on a line that stays as written.
      if (from === piece.start || from === w.start || (piece.kind === 'content' && (piece.fixedJoin || piece.depth === undefined))) continue;
      // One level deeper than the command; a package split off a line of packages stays at that line's level.
      const depth = (piece.kind === 'head' ? 0 : piece.depth!) + (k === home ? 1 : 0);
      const list = breaks.get(k) ?? [];
      list.push({ at: w.start, depth });
      breaks.set(k, list);
    }
  }
  if (!breaks.size) return pieces;
  const out: Piece[] = [];
  pieces.forEach((p, k) => {
    const list = breaks.get(k);
    if (!list) { out.push(p); return; }
    let start = p.start;
    let current: Piece = p;
    for (const b of list) {
      let cut = b.at;
      while (cut > start && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
      out.push({ ...current, start, end: cut, continued: true, gap: ' ' });
      start = b.at;
      current = { ...p, kind: 'content', indent: '', fixedJoin: false, depth: b.depth };
    }
    out.push({ ...current, start, end: p.end });
  });
  return out;
}

/** `&&`, `||` and `|` moved to the start (or the end) of lines at joins the formatter may re-space. */
function moveOperators(instr: Instr, pieces: Piece[], texts: string[], where: 'start' | 'end'): void {
  const target = instr.trigger ?? instr;
  let previous = -1;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.kind !== 'head' && p.kind !== 'content') continue;
    if (previous >= 0 && p.kind === 'content' && !p.fixedJoin) {
      const before = texts[previous];
      const after = texts[i];
      const trailing = TRAILING_OPERATOR.exec(before);
      const leading = LEADING_OPERATOR.exec(after);
      if (where === 'start' && trailing && !leading) {
        const rest = before.slice(0, trailing.index).replace(/[ \t]+$/, '');
        if (rest && after) {
          texts[previous] = rest;
          texts[i] = `${trailing[2]} ${after}`;
        }
      } else if (where === 'end' && leading && !trailing) {
        const rest = after.slice(leading[0].length).replace(/^[ \t]+/, '');
        // Not onto a keyword line with nothing after the keyword yet (`RUN \` then `&& …`).
        const bare = pieces[previous].kind === 'head' && !(target.args.length && target.args[0].start < pieces[previous].end);
        if (rest && before && !bare) {
          texts[previous] = `${before} ${leading[1]}`;
          texts[i] = rest;
        }
      }
    }
    previous = i;
  }
}
