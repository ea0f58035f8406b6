// Exec-form arrays that are not JSON: `CMD ['node', 'app.js']`, typographic quotes, a trailing comma, text after `]`.
// Docker runs such text with /bin/sh -c (and rejects such a SHELL); the rule that reports them reads them here; others
// may share this reading.
import type { DockerfileModel, Instr } from './dockerfile';

/** One quoted element of an array that is meant as JSON, with its document offsets (quotes included). */
export interface Element { start: number; end: number; value: string; open: string; badEscape?: number; escape?: string }

/** An argument that reads as a JSON array the author meant, and what keeps it from being one. */
export interface MeantArray { open: number; close: number; elements: Element[]; trailingComma?: number; after?: { start: number; end: number } }

// The quotes a string may be written with, by opening character, and the characters that close it.
const CLOSERS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u201c': '\u201d\u201c"', '\u201d': '\u201d', '\u2018': '\u2019\u2018\'', '\u2019': '\u2019', '\u201e': '\u201c\u201d' };
const JSON_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Reads `[ "a", 'b', “c” ]`-like text at `from` as an array of quoted strings: undefined when it is not one (a shell
 * command that starts with `[`, such as `[ -f x ] && y`). A line continuation counts as a blank.
 */
function readArray(text: string, from: number, to: number, escapeChar: string): MeantArray | undefined {
  let i = from;
  const continuation = new RegExp(`^${escapeChar === '`' ? '`' : '\\\\'}[ \\t]*\\r?\\n`);
  const blanks = () => {
    for (;;) {
      while (i < to && /\s/.test(text[i])) i++;
      const m = continuation.exec(text.slice(i, Math.min(to, i + 200)));
      if (!m) return;
      i += m[0].length;
    }
  };
  if (text[i] !== '[') return undefined;
  i++;
  const elements: Element[] = [];
  let trailingComma: number | undefined;
  blanks();
  if (text[i] === ']') return undefined;
  for (;;) {
    const open = text[i];
    const closers = CLOSERS[open];
    if (!closers) return undefined;
    const start = i++;
    // The text between the quotes (continuations dropped), read as JSON below when it has only JSON escapes.
    let raw = '';
    let badEscape: number | undefined;
    let escape: string | undefined;
    for (;;) {
      if (i >= to) return undefined;
      const c = text[i];
      if (open === '"' && c === '\\') {
        const m = continuation.exec(text.slice(i, Math.min(to, i + 200)));
        if (m && escapeChar === '\\') { i += m[0].length; continue; }
        const next = text[i + 1] ?? '';
        if (!JSON_ESCAPES.has(next) && !(next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) && badEscape === undefined) { badEscape = i; escape = c + next; }
        raw += c + next;
        i += 2;
        continue;
      }
      if (closers.includes(c)) break;
      if (c === '\n' || c === '\r') return undefined;
      raw += c;
      i++;
    }
    i++;
    // With a backslash that is no JSON escape the author did not write JSON escapes at all (`C:\app\run.exe`): every
    // backslash is itself, but for `\\` and `\"`.
    const value = open !== '"' ? raw : badEscape === undefined ? jsonString(raw) : raw.replace(/\\(["\\])/g, '$1');
    if (value === undefined) return undefined;
    elements.push({ start, end: i, value, open, badEscape, escape });
    blanks();
    if (text[i] === ',') {
      const comma = i++;
      blanks();
      if (text[i] === ']') { trailingComma = comma; break; }
      continue;
    }
    if (text[i] === ']') break;
    return undefined;
  }
  const close = i;
  i++;
  blanks();
  let end = to;
  while (end > i && /\s/.test(text[end - 1])) end--;
  return { open: from, close, elements, trailingComma, after: end > i ? { start: i, end } : undefined };
}

/** The JSON string with `raw` between its quotes, or undefined when JSON does not allow it (a tab in it). */
function jsonString(raw: string): string | undefined {
  try { return JSON.parse(`"${raw}"`) as string; } catch { return undefined; }
}

/**
 * Whether the array is meant as exec form rather than a shell `[` test: it has commas between or after its strings,
 * or its brackets touch them (`["a"]`), which the test command never has (`[ "$a" ]`).
 */
function meantAsJson(text: string, a: MeantArray): boolean {
  return a.elements.length > 1 || a.trailingComma !== undefined || !/\s/.test(text[a.open + 1]) || !/\s/.test(text[a.close - 1]);
}

/** The problem that keeps a meant array from being JSON: where it is and which message says it. */
/** What keeps an array from being JSON: where, which kind (its rule names the message), and the text it quotes. */
export interface ArrayProblem { start: number; end: number; kind: 'singleQuotes' | 'typographicQuotes' | 'badEscape' | 'trailingComma' | 'textAfter'; data?: Record<string, string> }

function problemOf(a: MeantArray): ArrayProblem | undefined {
  for (const e of a.elements) {
    if (e.open === "'") return { start: e.start, end: e.end, kind: 'singleQuotes' };
    if (e.open !== '"') return { start: e.start, end: e.start + 1, kind: 'typographicQuotes', data: { quote: e.open } };
    if (e.badEscape !== undefined) return { start: e.badEscape, end: e.badEscape + 2, kind: 'badEscape', data: { escape: e.escape ?? '\\' } };
  }
  if (a.trailingComma !== undefined) return { start: a.trailingComma, end: a.trailingComma + 1, kind: 'trailingComma' };
  if (a.after) return { start: a.after.start, end: a.after.end, kind: 'textAfter' };
  return undefined;
}

/** The words an instruction gives as its command (after HEALTHCHECK's CMD), or undefined when it has none. */
function commandArgs(instr: Instr): Instr['args'] | undefined {
  if (instr.keyword === 'HEALTHCHECK') return instr.args[0]?.value.toUpperCase() === 'CMD' ? instr.args.slice(1) : undefined;
  if (instr.keyword === 'RUN' && instr.heredocs.length) return undefined;
  return instr.args;
}

/**
 * The array of an instruction's command that its author meant as exec form but that is not valid JSON, with the first
 * problem in it; undefined for valid exec form, shell commands and anything else.
 */
export function brokenExecArray(model: DockerfileModel, instr: Instr): { array: MeantArray; problem: ArrayProblem } | undefined {
  if (instr.execForm || instr.run?.execForm) return undefined;
  const args = commandArgs(instr);
  if (!args?.length || !args[0].value.startsWith('[')) return undefined;
  const array = readArray(model.text, args[0].start, args[args.length - 1].end, model.escapeChar);
  if (!array || !meantAsJson(model.text, array)) return undefined;
  const problem = problemOf(array);
  return problem && { array, problem };
}

/** A word of a valid exec-form array with its document offsets (inside its quotes). */
export interface ExecWord { value: string; start: number; end: number }

/** The words of an exec-form instruction (`CMD ["nginx", "-g", "daemon off;"]`); none for shell form or bad JSON. */
export function execFormWords(model: DockerfileModel, instr: Instr): ExecWord[] {
  if (!instr.execForm || !instr.args.length) return [];
  const start = instr.args[0].start;
  const text = model.text.slice(start, instr.args[instr.args.length - 1].end);
  const words: ExecWord[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let value: string;
    try { value = JSON.parse(m[0]) as string; } catch { return []; }
    words.push({ value, start: start + m.index + 1, end: start + m.index + m[0].length - 1 });
  }
  return words;
}

