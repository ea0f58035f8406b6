// The Dockerfile formatter: every instruction printed under the options (printer.ts), blank lines, trailing blanks
// and the final line break normalised around them, and a proof that the build means the same: each instruction's
// meaning (fix/meaning.ts) is compared before and after, an instruction whose meaning changed is printed again with
// less (its words only, then its keyword only) and at last left as written, and the whole file is compared once
// more. What the parser did not understand, heredoc bodies and line endings are left byte for byte.
import { DockerfileModel, type Instr } from '../model/dockerfile';
import { parseFailures } from '../model/syntax';
import { meaningOf, unexplainedChange, type InstructionMeaning, type Meaning } from '../fix/meaning';
import type { MeaningChange, OffsetEdit } from '../types';
import { resolveFormatOptions, type FormatOptions } from './options';
import { layoutEnd } from './layout';
import { printInstruction, type PrintedInstruction, type PrintMode, type PrintSettings } from './printer';
import { detectStyle } from './style';

export interface FormatScope {
  /** Only the instructions and lines this range of offsets touches are formatted (range formatting). */
  range?: { start: number; end: number };
  /** The editor's indentation, for `indent: auto` in a file with no continuation line to learn from. */
  defaultIndent?: 'tab' | number;
}

export interface KeptInstruction {
  /** 1-based line of the instruction. */
  line: number;
  /** `meaning`: printing it changed what it means; `unparsed`: Docker (or the parser) does not understand it. */
  reason: 'meaning' | 'unparsed';
}

export interface FormatResult {
  text: string;
  /** Sorted, non-overlapping edits of the input, one per changed region; applied, they give `text`. */
  edits: OffsetEdit[];
  kept: KeptInstruction[];
}

// Each step down prints less of an instruction whose meaning changed; after the last it is left as written.
const FALLBACK: Record<PrintMode, PrintMode | undefined> = { full: 'words', words: 'keyword', keyword: undefined };
// Rounds of printing and checking before the formatter gives up and returns the input.
const MAX_ROUNDS = 6;

interface Unit {
  instr: Instr;
  index: number;
  mode: PrintMode | undefined;
  printed?: PrintedInstruction;
  inScope: boolean;
  /** Set when the guard took something back. */
  kept: boolean;
}

/** Formats `text` under `options` (defaults for the rest); see FormatResult. Never throws on any input. */
export function formatDockerfile(text: string, options?: Partial<FormatOptions>, scope: FormatScope = {}): FormatResult {
  const opts = resolveFormatOptions(options);
  const model = new DockerfileModel(text);
  const before = meaningOf(model);
  const settings = printSettings(model, opts, scope);
  const unparsed = new Set(parseFailures(model).unparsed.map((u) => u.instr));
  const touches = (from: number, to: number) => !scope.range || (from <= scope.range.end && scope.range.start <= to);
  const { lines } = model;
  const units: Unit[] = model.instructions.map((instr, index) => {
    const from = lines.lineStart(instr.line);
    const to = lines.lineEnd(instr.endLine);
    return { instr, index, mode: unparsed.has(instr) ? undefined : layoutIsText(instr, before.instructions[index]) ? 'words' : 'full', inScope: touches(from, to), kept: false };
  });

  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const u of units) u.printed = u.mode && u.inScope ? printInstruction(model, u.instr, settings, u.mode) : undefined;
    const candidate = assemble(model, units, opts, touches);
    if (candidate === text) return { text, edits: [], kept: keptList(units, unparsed) };
    const after = meaningOf(new DockerfileModel(candidate));
    const failed = differing(before, after, units);
    if (!failed.length) {
      if (JSON.stringify(before.directives) !== JSON.stringify(after.directives)) break;
      return { text: candidate, edits: diffEdits(text, candidate), kept: keptList(units, unparsed) };
    }
    for (const u of failed) {
      u.mode = u.mode && FALLBACK[u.mode];
      u.kept = true;
    }
  }
  // Nothing printed kept the meaning: the input as it is.
  return { text, edits: [], kept: units.filter((u) => unparsed.has(u.instr) || u.kept).map((u) => ({ line: u.instr.line + 1, reason: unparsed.has(u.instr) ? 'unparsed' : 'meaning' })) };
}

/**
 * Instructions whose blanks at line joins are part of their value, so their lines keep their layout: shell forms
 * Docker hands to another shell as text (cmd, PowerShell), MAINTAINER, and a legacy `ENV name value` whose value
 * goes on over several lines.
 */
function layoutIsText(instr: Instr, meaning: InstructionMeaning): boolean {
  const m = meaning.trigger ?? meaning;
  const target = instr.trigger ?? instr;
  if (m.text !== undefined || m.keyword === 'MAINTAINER') return true;
  return instr.line !== instr.endLine && target.props.some((p) => !p.assignment);
}

function keptList(units: Unit[], unparsed: Set<Instr>): KeptInstruction[] {
  const out: KeptInstruction[] = [];
  for (const u of units) {
    if (!u.inScope) continue;
    if (unparsed.has(u.instr)) out.push({ line: u.instr.line + 1, reason: 'unparsed' });
    else if (u.kept) out.push({ line: u.instr.line + 1, reason: 'meaning' });
  }
  return out;
}

/** The indent at each depth and the operator position the options ask for, `auto` read from the file. */
function printSettings(model: DockerfileModel, options: FormatOptions, scope: FormatScope): PrintSettings {
  const style = options.indent === 'auto' || options.operators === 'auto' ? detectStyle(model) : undefined;
  const unitOf = (indent: 'tab' | number) => (indent === 'tab' ? '\t' : ' '.repeat(indent));
  let indentAt: (depth: number) => string;
  if (options.indent !== 'auto') {
    const unit = unitOf(options.indent);
    indentAt = (depth) => unit.repeat(depth);
  } else if (style && style.levels.length && !(style.levels.length === 1 && style.levels[0] === '')) {
    const { levels } = style;
    // Past the deepest level the file shows, each level adds what the last one added (or a tab, or 4 spaces).
    const lastLevel = levels[levels.length - 1];
    const step = levels.length > 1 && lastLevel.startsWith(levels[levels.length - 2])
      ? lastLevel.slice(levels[levels.length - 2].length)
      : /^\t/.test(lastLevel) ? '\t' : '    ';
    indentAt = (depth) => (depth <= levels.length ? levels[depth - 1] : lastLevel + step.repeat(depth - levels.length));
  } else {
    const unit = unitOf(scope.defaultIndent ?? 4);
    indentAt = (depth) => unit.repeat(depth);
  }
  const operators = options.operators === 'auto' ? style?.operators : options.operators === 'preserve' ? undefined : options.operators;
  return { options, indentAt, operators };
}

/** The line break after physical line `line` ('' for the last line). */
function lineBreak(model: DockerfileModel, line: number): string {
  return line + 1 < model.lines.lineCount ? model.text.slice(model.lines.lineEnd(line), model.lines.lineStart(line + 1)) : '';
}

/** The file's most common line break. */
function usualBreak(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
}

/**
 * The formatted text: printed instructions in place of their lines, heredoc bodies and unparsed instructions as
 * written, other lines (comments, blank lines, directives) without trailing blanks, blank lines normalised, and
 * the final line break. Only what `touches` admits is changed.
 */
function assemble(model: DockerfileModel, units: Unit[], options: FormatOptions, touches: (from: number, to: number) => boolean): string {
  const { lines, text } = model;
  const count = lines.lineCount;
  // What each physical line becomes: its lines of text with their breaks; undefined keeps it as written.
  const out: Array<string[] | undefined> = new Array(count).fill(undefined);
  // Lines the formatter never changes (heredoc bodies, unparsed instructions) or that belong to an instruction.
  const owned = new Uint8Array(count);
  const PROTECTED = 1;
  const INSTRUCTION = 2;
  for (const u of units) {
    const { instr } = u;
    const last = u.mode === undefined ? instr.line - 1 : layoutEnd(instr);
    for (let l = instr.line; l <= instr.endLine; l++) owned[l] = l <= last ? INSTRUCTION : PROTECTED;
    if (!u.printed) continue;
    const { first, last: end, lines: printed } = u.printed;
    for (let l = first; l <= end; l++) out[l] = [];
    const block: string[] = [];
    for (let k = 0; k < printed.length; k++) {
      const p = printed[k];
      // A line split in two takes its physical line's break on both halves.
      const br = k + 1 < printed.length && printed[k + 1].from === p.from ? lineBreak(model, p.from) || usualBreak(text) : k + 1 < printed.length ? lineBreak(model, p.from) : lineBreak(model, end);
      block.push(p.text + br);
    }
    out[first] = block;
  }
  const free = (l: number) => owned[l] === 0;
  const lineFrom = (l: number) => lines.lineStart(l);
  const lineTo = (l: number) => lines.lineEnd(l);
  const blank = (l: number) => free(l) && lines.lineText(l).trim() === '';
  const isComment = (l: number) => free(l) && /^\s*#/.test(lines.lineText(l));
  // Comments, directives and blank lines: trailing blanks.
  for (let l = 0; l < count; l++) {
    if (!free(l) || !touches(lineFrom(l), lineTo(l))) continue;
    const written = lines.lineText(l);
    const trimmed = options.trimTrailingWhitespace || blank(l) ? written.replace(/[ \t]+$/, '') : written;
    if (trimmed !== written) out[l] = [trimmed + lineBreak(model, l)];
  }
  // The last line with text: the file ends after it (with one line break) unless the text ends inside a heredoc body or an unparsed instruction.
  let end = count - 1;
  while (end >= 0 && blank(end)) end--;
  if (options.blankLines === 'normal') {
    for (let l = 1; l < count; l++) if (blank(l) && blank(l - 1) && l <= end && touches(lineFrom(l), lineTo(l))) out[l] = [];
    // One blank line before each stage after the first, above the comments that lead into it.
    let stages = 0;
    for (const u of units) {
      if (u.instr.keyword !== 'FROM' || stages++ === 0 || !u.inScope) continue;
      let top = u.instr.line;
      while (top > 0 && isComment(top - 1)) top--;
      if (top === 0 || blank(top - 1)) continue;
      const current = out[top] ?? [text.slice(lines.lineStart(top), top + 1 < count ? lines.lineStart(top + 1) : text.length)];
      out[top] = [lineBreak(model, top - 1) || usualBreak(text), ...current];
    }
  }
  let result = '';
  for (let l = 0; l < count; l++) {
    const o = out[l];
    if (o === undefined) result += text.slice(lines.lineStart(l), l + 1 < count ? lines.lineStart(l + 1) : text.length);
    else result += o.join('');
  }
  // The text ends after its last line with text, with one line break, unless it ends inside a heredoc body or an
  // instruction left as written.
  if (options.finalNewline && (end < 0 || owned[end] !== PROTECTED) && touches(end < 0 ? 0 : lineFrom(end), text.length)) {
    const tail = /(\r\n|\r|\n)?(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*$/.exec(result)!;
    result = end < 0 ? '' : result.slice(0, tail.index) + (tail[1] ?? usualBreak(text));
  }
  return result;
}

/**
 * The units whose instruction means something else after printing. When the printed file has another number of
 * instructions (a continuation broken or made), the units around the first difference.
 */
function differing(before: Meaning, after: Meaning, units: Unit[]): Unit[] {
  const b = before.instructions;
  const a = after.instructions;
  const same = (i: number) => sameMeaning(b[i], a[i], units[i].printed?.sorted ?? []);
  if (a.length === b.length) {
    const changed = units.filter((u) => !same(u.index));
    const printed = changed.filter((u) => u.printed);
    // An instruction that changed with nothing printed in it: what changed it is printed elsewhere (a SHELL).
    return printed.length === changed.length ? printed : units.filter((u) => u.printed);
  }
  let i = 0;
  while (i < b.length && i < a.length && same(i)) i++;
  const out = units.filter((u) => u.printed && (u.index === i || u.index === i - 1));
  // Nothing printed there to take back: every printed unit goes one step down.
  return out.length ? out : units.filter((u) => u.printed);
}

/** The same meaning, or one that differs only by the order of the sorted commands' arguments. */
function sameMeaning(b: InstructionMeaning | undefined, a: InstructionMeaning | undefined, sorted: string[]): boolean {
  if (!a || !b) return false;
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (!sorted.length) return false;
  const changes: MeaningChange[] = sorted.map((command) => ({ kind: 'sorts-arguments', command }));
  const wrap = (m: InstructionMeaning): Meaning => ({ directives: [], instructions: [m], lines: [1] });
  return unexplainedChange(wrap(b), wrap(a), changes) === undefined;
}

/** One edit per changed region, by lines: the common start and end of each differing run of lines left out. */
function diffEdits(from: string, to: string): OffsetEdit[] {
  const split = (s: string) => s.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const a = split(from);
  const b = split(to);
  const edits: OffsetEdit[] = [];
  let i = 0;
  let j = 0;
  let offset = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { offset += a[i].length; i++; j++; continue; }
    // A changed run: up to the next line both texts share again (looked for a little ahead on each side).
    let bi = -1;
    let bj = -1;
    search: for (let d = 1; d < 400; d++) {
      for (let x = 0; x <= d; x++) {
        const ii = i + x;
        const jj = j + (d - x);
        if (ii <= a.length && jj <= b.length && (ii === a.length && jj === b.length || (ii < a.length && jj < b.length && a[ii] === b[jj] && a[ii].trim() !== ''))) { bi = ii; bj = jj; break search; }
      }
    }
    if (bi < 0) { bi = a.length; bj = b.length; }
    const oldText = a.slice(i, bi).join('');
    const newText = b.slice(j, bj).join('');
    let p = 0;
    while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
    let s = 0;
    while (s < oldText.length - p && s < newText.length - p && oldText[oldText.length - 1 - s] === newText[newText.length - 1 - s]) s++;
    if (p < oldText.length - s || p < newText.length - s) edits.push({ start: offset + p, end: offset + oldText.length - s, text: newText.slice(p, newText.length - s) });
    offset += oldText.length;
    i = bi;
    j = bj;
  }
  return edits;
}
