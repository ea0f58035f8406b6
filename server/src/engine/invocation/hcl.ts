// A reader for the part of HCL that bake files use, and an evaluator for its expressions.
//
// Why our own: the npm HCL2 parsers are the Go library compiled to JavaScript or WebAssembly. `hcl2-parser`
// (one release, GopherJS) ships a 3.8 MB index.js; `@cdktf/hcl2json` ships a 1.7 MB gzipped Go WASM module plus
// Go's wasm_exec glue and needs fs-extra, and its project (CDK for Terraform) is no longer developed. Either would
// multiply the editor bundle, and neither runs in a browser worker without host glue. The pure-JS ones read HCL1.
// Bake files use a small part of HCL: blocks, attributes, strings with `${}` interpolation, heredocs, lists,
// objects, numbers, bools, null, comments, variable references, attribute access, indexing, operators, the
// conditional and function calls. This reads all of that; `for` expressions, splats and `%{}` directives are read
// as "not evaluated" nodes, so a file that uses them still yields everything else. Nothing is ever executed.

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

export type HclExpr =
  | { kind: 'literal'; value: HclValue; line: number }
  | { kind: 'template'; parts: Array<string | HclExpr>; line: number }
  | { kind: 'tuple'; items: HclExpr[]; line: number }
  | { kind: 'object'; entries: Array<{ key: HclExpr; value: HclExpr }>; line: number }
  | { kind: 'variable'; name: string; line: number }
  | { kind: 'attribute'; target: HclExpr; name: string; line: number }
  | { kind: 'index'; target: HclExpr; index: HclExpr; line: number }
  | { kind: 'call'; name: string; args: HclExpr[]; line: number }
  | { kind: 'unary'; op: '!' | '-'; operand: HclExpr; line: number }
  | { kind: 'binary'; op: string; left: HclExpr; right: HclExpr; line: number }
  | { kind: 'conditional'; condition: HclExpr; then: HclExpr; otherwise: HclExpr; line: number }
  /** A `for` expression, a splat or a template directive: read past, never evaluated. */
  | { kind: 'unsupported'; text: string; line: number };

export interface HclAttribute { name: string; value: HclExpr; line: number }
export interface HclBlock { type: string; labels: string[]; body: HclBody; line: number }
export interface HclBody { attributes: HclAttribute[]; blocks: HclBlock[] }

/** The body read, and where reading stopped if the text is not HCL from some point on. */
export interface HclParse { body: HclBody; error?: { line: number; message: string } }

class HclSyntaxError extends Error {
  constructor(message: string, readonly line: number) { super(message); }
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

/** Reads an HCL file; never throws: the blocks and attributes before a syntax error are kept. */
export function parseHcl(text: string): HclParse {
  const p = new Parser(text);
  const body: HclBody = { attributes: [], blocks: [] };
  try {
    p.body(body, true);
    return { body };
  } catch (e) {
    if (e instanceof HclSyntaxError) return { body, error: { line: e.line, message: e.message } };
    throw e;
  }
}

class Parser {
  private pos = 0;
  /** Offsets where each line starts, for line numbers without rescanning. */
  private readonly lineStarts: number[] = [0];
  constructor(private readonly text: string, private readonly firstLine = 1) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  private get line(): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= this.pos) lo = mid;
      else hi = mid - 1;
    }
    return this.firstLine + lo;
  }

  private fail(message: string): never {
    throw new HclSyntaxError(message, this.line);
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const rest = this.text.slice(this.pos).split('\n')[0].trim();
    return `"${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}"`;
  }

  /** Skips spaces, comments and (when `newlines`) line ends. */
  private skip(newlines: boolean): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated /* comment');
        this.pos = end + 2;
      } else return;
    }
  }

  private peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  private expect(s: string): void {
    this.skip(true);
    if (!this.peek(s)) this.fail(`expected "${s}", found ${this.describeHere()}`);
    this.pos += s.length;
  }

  private identifier(): string | undefined {
    const t = this.text;
    if (!IDENT_START.test(t[this.pos] ?? '')) return undefined;
    const start = this.pos;
    while (this.pos < t.length && IDENT_PART.test(t[this.pos])) this.pos++;
    return t.slice(start, this.pos);
  }

  body(into: HclBody, topLevel: boolean): void {
    for (;;) {
      this.skip(true);
      if (this.pos >= this.text.length) {
        if (!topLevel) this.fail('expected "}", found the end of the file');
        return;
      }
      if (!topLevel && this.peek('}')) return;
      const line = this.line;
      const name = this.identifier() ?? (this.peek('"') ? this.plainString() : undefined);
      if (name === undefined) this.fail(`expected an attribute or a block, found ${this.describeHere()}`);
      this.skip(false);
      if (this.peek('=') && !this.peek('==')) {
        this.pos++;
        into.attributes.push({ name, value: this.expression(), line });
        this.endOfItem();
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skip(false);
        if (this.peek('"')) labels.push(this.plainString());
        else {
          const label = this.identifier();
          if (label === undefined) break;
          labels.push(label);
        }
      }
      this.skip(false);
      if (!this.peek('{')) this.fail(`expected "=" or "{" after "${name}", found ${this.describeHere()}`);
      this.pos++;
      const body: HclBody = { attributes: [], blocks: [] };
      this.body(body, false);
      this.expect('}');
      into.blocks.push({ type: name, labels, body, line });
      this.endOfItem();
    }
  }

  /** An attribute or a block ends at a line end (or a closing brace, or the end of the file). */
  private endOfItem(): void {
    this.skip(false);
    if (this.pos >= this.text.length || this.peek('\n') || this.peek('}')) return;
    this.fail(`expected a new line, found ${this.describeHere()}`);
  }

  /** A quoted string without interpolation (a block label). */
  private plainString(): string {
    const line = this.line;
    const expr = this.quoted();
    if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
    throw new HclSyntaxError('a block label cannot use interpolation', line);
  }

  expression(): HclExpr {
    const condition = this.binary(0);
    const save = this.pos;
    this.skip(true);
    if (!this.peek('?')) this.pos = save;
    else {
      this.pos++;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise, line: condition.line };
    }
    return condition;
  }

  private static readonly LEVELS: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

  private binary(level: number): HclExpr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const save = this.pos;
      this.skip(true);
      const op = Parser.LEVELS[level].find((o) => this.peek(o) && !(o === '/' && (this.peek('//') || this.peek('/*'))));
      if (!op || (op === '-' && this.text[this.pos + 1] === '>')) { this.pos = save; return left; }
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right, line: left.line };
    }
  }

  private unary(): HclExpr {
    this.skip(true);
    const line = this.line;
    if (this.peek('!') || (this.peek('-') && !/[0-9]/.test(this.text[this.pos + 1] ?? ''))) {
      const op = this.text[this.pos] as '!' | '-';
      this.pos++;
      return { kind: 'unary', op, operand: this.unary(), line };
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: HclExpr): HclExpr {
    for (;;) {
      const save = this.pos;
      this.skip(false);
      if (this.peek('.*') || this.peek('[*]')) {
        this.pos += this.peek('.*') ? 2 : 3;
        return { kind: 'unsupported', text: 'a splat expression', line: expr.line };
      }
      if (this.peek('.') && !/[0-9]/.test(this.text[this.pos + 1] ?? '')) {
        this.pos++;
        const name = this.identifier();
        if (name === undefined) this.fail(`expected an attribute name after ".", found ${this.describeHere()}`);
        expr = { kind: 'attribute', target: expr, name, line: expr.line };
      } else if (this.peek('.')) {
        this.pos++;
        const digits = /^[0-9]+/.exec(this.text.slice(this.pos))![0];
        this.pos += digits.length;
        expr = { kind: 'index', target: expr, index: { kind: 'literal', value: Number(digits), line: expr.line }, line: expr.line };
      } else if (this.peek('[')) {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        expr = { kind: 'index', target: expr, index, line: expr.line };
      } else { this.pos = save; return expr; }
    }
  }

  private primary(): HclExpr {
    this.skip(true);
    const line = this.line;
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') return this.quoted();
    if (this.peek('<<')) return this.heredoc();
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      const start = this.pos;
      this.pos++;
      this.skip(true);
      if (/^for\b/.test(t.slice(this.pos))) {
        this.pos = this.matching(start);
        return { kind: 'unsupported', text: 'a "for" expression', line };
      }
      return c === '[' ? this.tuple(line, close) : this.object(line);
    }
    const number = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(t.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]), line };
    }
    const name = this.identifier();
    if (name === undefined) this.fail(`expected a value, found ${this.describeHere()}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', line };
    if (name === 'null') return { kind: 'literal', value: null, line };
    this.skip(false);
    if (this.peek('(')) {
      this.pos++;
      const args: HclExpr[] = [];
      for (;;) {
        this.skip(true);
        if (this.peek(')')) break;
        args.push(this.expression());
        this.skip(true);
        if (this.peek('...')) this.pos += 3;
        this.skip(true);
        if (this.peek(',')) { this.pos++; continue; }
        if (!this.peek(')')) this.fail(`expected "," or ")" in the call of ${name}(), found ${this.describeHere()}`);
      }
      this.pos++;
      return { kind: 'call', name, args, line };
    }
    return { kind: 'variable', name, line };
  }

  private tuple(line: number, close: string): HclExpr {
    const items: HclExpr[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek(close)) { this.pos++; return { kind: 'tuple', items, line }; }
      items.push(this.expression());
      this.skip(true);
      if (this.peek(',')) { this.pos++; continue; }
      if (!this.peek(close)) this.fail(`expected "," or "${close}" in a list, found ${this.describeHere()}`);
    }
  }

  private object(line: number): HclExpr {
    const entries: Array<{ key: HclExpr; value: HclExpr }> = [];
    for (;;) {
      this.skip(true);
      if (this.peek('}')) { this.pos++; return { kind: 'object', entries, line }; }
      const keyLine = this.line;
      // A bare name is the key itself, not a variable (`{ NODE = "20" }`); `(expr)` or a string is evaluated.
      const bare = this.identifier();
      const key: HclExpr = bare !== undefined ? { kind: 'literal', value: bare, line: keyLine } : this.expression();
      this.skip(false);
      if (this.peek('=') || this.peek(':')) this.pos++;
      else this.fail(`expected "=" after an object key, found ${this.describeHere()}`);
      entries.push({ key, value: this.expression() });
      this.skip(false);
      if (this.peek(',')) this.pos++;
      else if (!this.peek('\n') && !this.peek('}')) this.fail(`expected "," or a new line in an object, found ${this.describeHere()}`);
    }
  }

  /** The offset after the bracket that closes the one at `open`, skipping strings and nested brackets. */
  private matching(open: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      const c = t[i];
      if (c === '"') {
        for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === '\\') i++;
      } else if (c === '[' || c === '{' || c === '(') depth++;
      else if (c === ']' || c === '}' || c === ')') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    this.pos = t.length;
    return this.fail('unterminated bracket');
  }

  /** A quoted template: escapes, `${expr}` interpolation, `$${` and `%%{` for the literal text. */
  private quoted(): HclExpr {
    const line = this.line;
    const t = this.text;
    this.pos++;
    const parts: Array<string | HclExpr> = [];
    let literal = '';
    for (;;) {
      if (this.pos >= t.length || t[this.pos] === '\n') this.fail('unterminated string');
      const c = t[this.pos];
      if (c === '"') { this.pos++; break; }
      if (c === '\\') {
        const e = t[this.pos + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (e in simple) { literal += simple[e]; this.pos += 2; continue; }
        const hex = e === 'u' ? /^[0-9A-Fa-f]{4}/.exec(t.slice(this.pos + 2)) : e === 'U' ? /^[0-9A-Fa-f]{8}/.exec(t.slice(this.pos + 2)) : null;
        if (hex && parseInt(hex[0], 16) <= 0x10ffff) { literal += String.fromCodePoint(parseInt(hex[0], 16)); this.pos += 2 + hex[0].length; continue; }
        this.fail(`unknown escape "\\${e ?? ''}" in a string`);
      }
      const piece = this.templatePiece(parts, literal);
      if (piece !== undefined) { literal = piece; continue; }
      literal += c;
      this.pos++;
    }
    return finishTemplate(parts, literal, line);
  }

  /**
   * At `$${`, `%%{`, `${…}` or `%{…}`: consumes it and returns the literal text so far (an interpolation pushed
   * onto `parts`); elsewhere undefined.
   */
  private templatePiece(parts: Array<string | HclExpr>, literal: string): string | undefined {
    if (this.peek('$${') || this.peek('%%{')) { this.pos += 3; return `${literal}${this.text[this.pos - 2]}{`; }
    if (this.peek('${')) {
      if (literal) parts.push(literal);
      this.pos += 2;
      if (this.peek('~')) this.pos++;
      parts.push(this.expression());
      this.skip(true);
      if (this.peek('~')) this.pos++;
      this.expect('}');
      return '';
    }
    if (this.peek('%{')) {
      if (literal) parts.push(literal);
      const line = this.line;
      this.pos = this.matching(this.pos + 1);
      parts.push({ kind: 'unsupported', text: 'a %{} template directive', line });
      return '';
    }
    return undefined;
  }

  /** `<<EOT` … `EOT`, or `<<-EOT` with the common indentation removed; a template like a quoted string. */
  private heredoc(): HclExpr {
    const line = this.line;
    const t = this.text;
    const head = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(t.slice(this.pos));
    if (!head) this.fail('expected a heredoc marker after "<<"');
    const [whole, dash, marker] = head;
    const start = this.pos + whole.length;
    const close = new RegExp(`^[ \\t]*${marker}[ \\t]*\\r?$`, 'm');
    const rest = t.slice(start);
    const found = close.exec(rest);
    if (!found) { this.pos = t.length; this.fail(`unterminated heredoc ${marker}`); }
    let content = rest.slice(0, found.index);
    this.pos = start + found.index + found[0].length;
    if (dash) {
      const lines = content.split('\n');
      const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
      const cut = indents.length ? Math.min(...indents) : 0;
      content = lines.map((l) => l.slice(cut)).join('\n');
    }
    return new Parser(content, line + 1).template(line);
  }

  /** The whole text as a template: literal text with `${}` interpolations (a heredoc's body, a JSON string). */
  template(line: number): HclExpr {
    const parts: Array<string | HclExpr> = [];
    let literal = '';
    while (this.pos < this.text.length) {
      const piece = this.templatePiece(parts, literal);
      if (piece !== undefined) { literal = piece; continue; }
      literal += this.text[this.pos];
      this.pos++;
    }
    return finishTemplate(parts, literal, line);
  }
}

function finishTemplate(parts: Array<string | HclExpr>, literal: string, line: number): HclExpr {
  if (literal) parts.push(literal);
  if (parts.length === 0) return { kind: 'literal', value: '', line };
  if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'literal', value: parts[0], line };
  // `"${x}"` alone is x itself, any type (a list variable stays a list), as in HCL.
  if (parts.length === 1) return parts[0] as HclExpr;
  return { kind: 'template', parts, line };
}

/**
 * A string of a JSON bake file as the template it is (`"tag:${TAG}"` interpolates there too). Throws nothing: a
 * broken interpolation is kept as a "not evaluated" part.
 */
export function parseTemplate(text: string, line: number): HclExpr {
  try {
    return new Parser(text, line).template(line);
  } catch (e) {
    if (e instanceof HclSyntaxError) return { kind: 'unsupported', text: `the text "${text}" (${e.message})`, line };
    throw e;
  }
}

/** Why an expression has no value here: a sentence part naming what was not evaluated. */
export class NotEvaluated extends Error {}

/**
 * An error HCL itself raises (regex() without a match): what can() and try() catch. Outside them it is just as
 * much "not evaluated" (bake would stop there).
 */
class HclError extends NotEvaluated {}

export interface HclScope {
  /** The value of a variable, or undefined when there is none; may throw NotEvaluated. */
  variable(name: string): HclValue | undefined;
  /** The file's own functions (a bake `function` block), after the built-in ones. */
  functions?: Readonly<Record<string, (args: HclValue[]) => HclValue>>;
}

const same = (a: HclValue, b: HclValue): boolean => JSON.stringify(a) === JSON.stringify(b);
const list = (v: HclValue): HclValue[] => (Array.isArray(v) ? v : []);
const object = (v: HclValue): Record<string, HclValue> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** regex(): RE2 in HCL, the common part of which JavaScript reads once `(?P<name>` is `(?<name>`. */
function regex(pattern: string, subject: string): HclValue {
  let re: RegExp;
  try {
    const flags = /^\(\?i\)/.test(pattern) ? 'i' : '';
    re = new RegExp(pattern.replace(/^\(\?i\)/, '').replace(/\(\?P</g, '(?<'), flags);
  } catch {
    throw new NotEvaluated(`the regular expression "${pattern}"`);
  }
  const m = re.exec(subject);
  if (!m) throw new HclError(`regex() finding no match for "${pattern}"`);
  if (m.groups) return { ...m.groups } as Record<string, HclValue>;
  return m.length > 1 ? m.slice(1).map((g) => g ?? null) : m[0];
}

/** The functions evaluated: the pure ones bake files use to build names and tags. Others are reported. */
const FUNCTIONS: Record<string, (args: HclValue[]) => HclValue> = {
  lower: ([s]) => text(s).toLowerCase(),
  upper: ([s]) => text(s).toUpperCase(),
  trimprefix: ([s, p]) => (text(s).startsWith(text(p)) ? text(s).slice(text(p).length) : text(s)),
  trimsuffix: ([s, p]) => (text(s).endsWith(text(p)) && text(p) ? text(s).slice(0, -text(p).length) : text(s)),
  trimspace: ([s]) => text(s).trim(),
  replace: ([s, from, to]) => text(s).split(text(from)).join(text(to)),
  join: ([sep, ...lists]) => lists.flatMap((l) => (Array.isArray(l) ? l : [l])).map(text).join(text(sep)),
  split: ([sep, s]) => text(s).split(text(sep)),
  concat: (lists) => lists.flatMap((l) => (Array.isArray(l) ? l : [l])),
  coalesce: (values) => values.find((v) => v !== null && v !== '') ?? null,
  equal: ([a, b]) => JSON.stringify(a) === JSON.stringify(b),
  notequal: ([a, b]) => JSON.stringify(a) !== JSON.stringify(b),
  and: ([a, b]) => a === true && b === true,
  or: ([a, b]) => a === true || b === true,
  not: ([a]) => a !== true,
  length: ([v]) => (Array.isArray(v) ? v.length : typeof v === 'string' ? [...v].length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  format: ([f, ...args]) => { let i = 0; return text(f).replace(/%%|%[sdv]/g, (m) => (m === '%%' ? '%' : text(args[i++] ?? ''))); },
  tostring: ([v]) => text(v),
  tonumber: ([v]) => Number(v),
  tobool: ([v]) => v === true || v === 'true',
  substr: ([s, offset, length]) => { const chars = [...text(s)]; const o = Number(offset); const l = Number(length); return chars.slice(o, l < 0 ? undefined : o + l).join(''); },
  contains: ([list, v]) => Array.isArray(list) && list.some((x) => JSON.stringify(x) === JSON.stringify(v)),
  distinct: ([l]) => list(l).filter((x, i) => list(l).findIndex((y) => same(x, y)) === i),
  regex: ([p, s]) => regex(text(p), text(s)),
  sethaselement: ([set, v]) => list(set).some((x) => same(x, v)),
  setsubtract: ([a, b]) => list(a).filter((x) => !list(b).some((y) => same(x, y))),
  setunion: (sets) => sets.flatMap(list).filter((x, i, all) => all.findIndex((y) => same(x, y)) === i),
  setintersection: ([first, ...rest]) => list(first).filter((x) => rest.every((r) => list(r).some((y) => same(x, y)))),
  element: ([l, i]) => { const items = list(l); if (!items.length) throw new HclError('element() of an empty list'); return items[Number(i) % items.length]; },
  lookup: ([m, k, fallback]) => { const o = object(m); if (text(k) in o) return o[text(k)]; if (fallback === undefined) throw new HclError(`lookup() of a missing key "${text(k)}"`); return fallback; },
  keys: ([m]) => Object.keys(object(m)).sort(),
  values: ([m]) => Object.keys(object(m)).sort().map((k) => object(m)[k]),
  merge: (maps) => Object.assign({}, ...maps.map(object)) as Record<string, HclValue>,
  flatten: ([l]) => { const flat = (v: HclValue[]): HclValue[] => v.flatMap((x) => (Array.isArray(x) ? flat(x) : [x])); return flat(list(l)); },
  compact: ([l]) => list(l).filter((x) => x !== null && x !== ''),
};

function text(v: HclValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new NotEvaluated('a list or an object used as text');
}

/** Evaluates `expr`; throws NotEvaluated (with what could not be) for functions and forms it does not evaluate. */
export function evaluate(expr: HclExpr, scope: HclScope): HclValue {
  switch (expr.kind) {
    case 'literal': return expr.value;
    case 'template': return expr.parts.map((p) => (typeof p === 'string' ? p : text(evaluate(p, scope)))).join('');
    case 'tuple': return expr.items.map((i) => evaluate(i, scope));
    case 'object': {
      const out: Record<string, HclValue> = {};
      for (const e of expr.entries) out[text(evaluate(e.key, scope))] = evaluate(e.value, scope);
      return out;
    }
    case 'variable': {
      const value = scope.variable(expr.name);
      if (value === undefined) throw new NotEvaluated(`the name "${expr.name}" (no such variable)`);
      return value;
    }
    case 'attribute': {
      const target = evaluate(expr.target, scope);
      if (target && typeof target === 'object' && !Array.isArray(target) && expr.name in target) return target[expr.name];
      throw new NotEvaluated(`the attribute ".${expr.name}"`);
    }
    case 'index': {
      const target = evaluate(expr.target, scope);
      const index = evaluate(expr.index, scope);
      if (Array.isArray(target) && typeof index === 'number' && index in target) return target[index];
      if (target && typeof target === 'object' && !Array.isArray(target) && typeof index === 'string' && index in target) return target[index];
      throw new NotEvaluated('an index out of range');
    }
    case 'call': {
      // can() and try() ask whether an expression fails in HCL; one we do not evaluate is not known to.
      if (expr.name === 'can' || expr.name === 'try') {
        for (const [i, arg] of expr.args.entries()) {
          try {
            const value = evaluate(arg, scope);
            return expr.name === 'can' ? true : value;
          } catch (e) {
            if (!(e instanceof HclError)) throw e;
            if (expr.name === 'can') return false;
            if (i === expr.args.length - 1) throw e;
          }
        }
        throw new HclError(`${expr.name}() without arguments`);
      }
      const own = (table: Readonly<Record<string, (args: HclValue[]) => HclValue>> | undefined) =>
        (table && Object.prototype.hasOwnProperty.call(table, expr.name) ? table[expr.name] : undefined);
      const fn = own(FUNCTIONS) ?? own(scope.functions);
      if (!fn) throw new NotEvaluated(`the function ${expr.name}()`);
      return fn(expr.args.map((a) => evaluate(a, scope)));
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      return expr.op === '!' ? v !== true : -Number(v);
    }
    case 'binary': return binary(expr.op, expr.left, expr.right, scope);
    case 'conditional': return evaluate(evaluate(expr.condition, scope) === true ? expr.then : expr.otherwise, scope);
    case 'unsupported': throw new NotEvaluated(expr.text);
  }
}

function binary(op: string, leftExpr: HclExpr, rightExpr: HclExpr, scope: HclScope): HclValue {
  const left = evaluate(leftExpr, scope);
  if (op === '&&') return left === true && evaluate(rightExpr, scope) === true;
  if (op === '||') return left === true || evaluate(rightExpr, scope) === true;
  const right = evaluate(rightExpr, scope);
  switch (op) {
    case '==': return JSON.stringify(left) === JSON.stringify(right);
    case '!=': return JSON.stringify(left) !== JSON.stringify(right);
    case '<': return Number(left) < Number(right);
    case '>': return Number(left) > Number(right);
    case '<=': return Number(left) <= Number(right);
    case '>=': return Number(left) >= Number(right);
    case '+': return Number(left) + Number(right);
    case '-': return Number(left) - Number(right);
    case '*': return Number(left) * Number(right);
    case '/': return Number(left) / Number(right);
    default: return Number(left) % Number(right);
  }
}

/** What `expr` reads, for a problem's wording: a call's function name or the form. */
export function describeExpression(expr: HclExpr): string {
  return expr.kind === 'call' ? `the function ${expr.name}()` : expr.kind === 'unsupported' ? expr.text : 'the expression';
}
