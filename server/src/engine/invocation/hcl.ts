// A reader for the part of HCL that bake files use, and an evaluator for its expressions.
//
// Why our own: the npm HCL2 parsers are the Go library compiled to JavaScript or WebAssembly. `hcl2-parser`
// (one release, GopherJS) ships a 3.8 MB index.js; `@cdktf/hcl2json` ships a 1.7 MB gzipped Go WASM module plus
// Go's wasm_exec glue and needs fs-extra, and its project (CDK for Terraform) is no longer developed. Either would
// multiply the editor bundle, and neither runs in a browser worker without host glue. The pure-JS ones read HCL1.
// Bake files use a small part of HCL: blocks, attributes, strings with `${}` interpolation, heredocs, lists,
// objects, numbers, bools, null, comments, variable references, attribute access, indexing, operators, the
// conditional, function calls, `for` expressions, splats and `%{if}` / `%{for}` template directives. This reads
// and evaluates all of that, with the pure functions of bake's standard library; a function whose value is not
// fixed (timestamp(), uuidv4()) or that reads secrets is "not evaluated", so a file that uses it still yields
// everything else. Nothing is ever executed.

import { normalize, withoutTrailingSlashes } from '../model/paths';

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

export type HclExpr =
  | { kind: 'literal'; value: HclValue; line: number }
  | { kind: 'template'; parts: Array<string | HclExpr>; line: number }
  | { kind: 'tuple'; items: HclExpr[]; line: number }
  /** `column` (0-based, on the key's line): where a key written out as it is (`NAME`, `"NAME"`) has its name. */
  | { kind: 'object'; entries: Array<{ key: HclExpr; value: HclExpr; column?: number }>; line: number }
  | { kind: 'variable'; name: string; line: number }
  | { kind: 'attribute'; target: HclExpr; name: string; line: number }
  | { kind: 'index'; target: HclExpr; index: HclExpr; line: number }
  | { kind: 'call'; name: string; args: HclExpr[]; line: number }
  | { kind: 'unary'; op: '!' | '-'; operand: HclExpr; line: number }
  | { kind: 'binary'; op: string; left: HclExpr; right: HclExpr; line: number }
  | { kind: 'conditional'; condition: HclExpr; then: HclExpr; otherwise: HclExpr; line: number }
  /** `[for k, v in coll : value if cond]`, or with `object` `{for … : key => value...}` (`group`: the `...`). */
  | { kind: 'for'; object: boolean; keyName?: string; valueName: string; collection: HclExpr; key?: HclExpr; value: HclExpr; group: boolean; condition?: HclExpr; line: number }
  /** `list[*].a.b` (or the older `list.*.a`): `steps` applied to each element. */
  | { kind: 'splat'; target: HclExpr; steps: Array<{ name: string } | { index: HclExpr }>; line: number }
  /** `%{if cond}then%{else}otherwise%{endif}` in a template. */
  | { kind: 'templateIf'; condition: HclExpr; then: HclExpr; otherwise: HclExpr; line: number }
  /** `%{for k, v in coll}body%{endfor}` in a template. */
  | { kind: 'templateFor'; keyName?: string; valueName: string; collection: HclExpr; body: HclExpr; line: number }
  /** Text of a JSON bake file that is not a template HCL reads: kept, never evaluated. */
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
      // `...` ends a value: grouping in a `for`, or expanding a call's last argument.
      if (this.peek('...')) { this.pos = save; return expr; }
      if (this.peek('.*') || this.peek('[*]')) {
        const full = this.peek('[*]');
        this.pos += full ? 3 : 2;
        expr = this.splat(expr, full);
        continue;
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

  /**
   * The traversals after `[*]` apply to each element: `.name`, `.0` and `[index]`. After the older `.*` only
   * attribute names do; an index after it applies to the list it gives.
   */
  private splat(target: HclExpr, full: boolean): HclExpr {
    const steps: Array<{ name: string } | { index: HclExpr }> = [];
    for (;;) {
      const save = this.pos;
      this.skip(false);
      if (this.peek('...')) { this.pos = save; return { kind: 'splat', target, steps, line: target.line }; }
      if (this.peek('.') && !/[0-9]/.test(this.text[this.pos + 1] ?? '') && !this.peek('.*')) {
        this.pos++;
        const name = this.identifier();
        if (name === undefined) this.fail(`expected an attribute name after ".", found ${this.describeHere()}`);
        steps.push({ name });
      } else if (full && this.peek('.') && !this.peek('.*')) {
        this.pos++;
        const digits = /^[0-9]+/.exec(this.text.slice(this.pos))![0];
        this.pos += digits.length;
        steps.push({ index: { kind: 'literal', value: Number(digits), line: target.line } });
      } else if (full && this.peek('[') && !this.peek('[*]')) {
        this.pos++;
        steps.push({ index: this.expression() });
        this.expect(']');
      } else { this.pos = save; return { kind: 'splat', target, steps, line: target.line }; }
    }
  }

  /** Whether the keyword `word` (not a longer name) is next. */
  private keyword(word: string): boolean {
    return this.peek(word) && !IDENT_PART.test(this.text[this.pos + word.length] ?? '');
  }

  /** After the word `for` (of an expression or a directive): `[key,] value in collection`. */
  private forHead(): { keyName?: string; valueName: string; collection: HclExpr } {
    const name = (): string => {
      this.skip(true);
      const n = this.identifier();
      if (n === undefined) this.fail(`expected a name in a "for" expression, found ${this.describeHere()}`);
      return n;
    };
    let valueName = name();
    let keyName: string | undefined;
    this.skip(true);
    if (this.peek(',')) { this.pos++; keyName = valueName; valueName = name(); }
    this.skip(true);
    if (!this.keyword('in')) this.fail(`expected "in" after the names of a "for", found ${this.describeHere()}`);
    this.pos += 2;
    return { ...(keyName !== undefined ? { keyName } : {}), valueName, collection: this.expression() };
  }

  /** After `[` or `{`, at `for`: `k, v in collection : [key =>] value[...] [if condition]` and the closing bracket. */
  private forExpression(object: boolean, line: number): HclExpr {
    this.pos += 3;
    const { keyName, valueName, collection } = this.forHead();
    this.expect(':');
    let key: HclExpr | undefined;
    if (object) { key = this.expression(); this.expect('=>'); }
    const value = this.expression();
    this.skip(true);
    let group = false;
    if (object && this.peek('...')) { this.pos += 3; group = true; this.skip(true); }
    let condition: HclExpr | undefined;
    if (this.keyword('if')) { this.pos += 2; condition = this.expression(); }
    this.expect(object ? '}' : ']');
    return { kind: 'for', object, ...(keyName !== undefined ? { keyName } : {}), valueName, collection, ...(key ? { key } : {}), value, group, ...(condition ? { condition } : {}), line };
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
      this.pos++;
      this.skip(true);
      if (this.keyword('for')) return this.forExpression(c === '{', line);
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
    const entries: Array<{ key: HclExpr; value: HclExpr; column?: number }> = [];
    for (;;) {
      this.skip(true);
      if (this.peek('}')) { this.pos++; return { kind: 'object', entries, line }; }
      const keyLine = this.line;
      const keyStart = this.pos;
      // A bare name is the key itself, not a variable (`{ NODE = "20" }`); `(expr)` or a string is evaluated.
      const bare = this.identifier();
      const key: HclExpr = bare !== undefined ? { kind: 'literal', value: bare, line: keyLine } : this.expression();
      const written = this.text.slice(keyStart, this.pos);
      const name = key.kind === 'literal' && typeof key.value === 'string' ? key.value : undefined;
      const inWritten = name === undefined ? -1 : written === name ? 0 : written === `"${name}"` ? 1 : -1;
      const column = inWritten < 0 ? undefined : keyStart - this.lineStarts[keyLine - this.firstLine] + inWritten;
      this.skip(false);
      if (this.peek('=') || this.peek(':')) this.pos++;
      else this.fail(`expected "=" after an object key, found ${this.describeHere()}`);
      entries.push({ key, value: this.expression(), ...(column !== undefined ? { column } : {}) });
      this.skip(false);
      if (this.peek(',')) this.pos++;
      else if (!this.peek('\n') && !this.peek('}')) this.fail(`expected "," or a new line in an object, found ${this.describeHere()}`);
    }
  }

  /** A quoted template: escapes, `${expr}` interpolation, `%{}` directives, `$${` and `%%{` for the literal text. */
  private quoted(): HclExpr {
    const line = this.line;
    const t = this.text;
    this.pos++;
    const tokens: TemplateToken[] = [];
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
      const piece = this.templatePiece(tokens, literal);
      if (piece !== undefined) { literal = piece; continue; }
      literal += c;
      this.pos++;
    }
    if (literal) tokens.push(literal);
    return templateOf(tokens, line);
  }

  /**
   * At `$${`, `%%{`, `${…}` or `%{…}`: consumes it and returns the literal text so far (the interpolation or the
   * directive pushed onto `tokens`); elsewhere undefined.
   */
  private templatePiece(tokens: TemplateToken[], literal: string): string | undefined {
    if (this.peek('$${') || this.peek('%%{')) { this.pos += 3; return `${literal}${this.text[this.pos - 2]}{`; }
    const interpolation = this.peek('${');
    if (!interpolation && !this.peek('%{')) return undefined;
    if (literal) tokens.push(literal);
    const line = this.line;
    this.pos += 2;
    const stripBefore = this.peek('~');
    if (stripBefore) this.pos++;
    let token: TemplateToken;
    if (interpolation) token = { expr: this.expression(), stripBefore, stripAfter: false, line };
    else {
      this.skip(true);
      const word = this.identifier();
      if (word === 'if') token = { directive: 'if', condition: this.expression(), stripBefore, stripAfter: false, line };
      else if (word === 'for') token = { directive: 'for', ...this.forHead(), stripBefore, stripAfter: false, line };
      else if (word === 'else' || word === 'endif' || word === 'endfor') token = { directive: word, stripBefore, stripAfter: false, line };
      else this.fail(`expected if, else, endif, for or endfor after "%{", found ${word === undefined ? this.describeHere() : `"${word}"`}`);
    }
    this.skip(true);
    if (this.peek('~')) { this.pos++; token.stripAfter = true; }
    this.expect('}');
    tokens.push(token);
    return '';
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
    const tokens: TemplateToken[] = [];
    let literal = '';
    while (this.pos < this.text.length) {
      const piece = this.templatePiece(tokens, literal);
      if (piece !== undefined) { literal = piece; continue; }
      literal += this.text[this.pos];
      this.pos++;
    }
    if (literal) tokens.push(literal);
    return templateOf(tokens, line);
  }
}

/** A template read flat: literal text, `${}` interpolations and `%{}` directives, each with its `~` strip markers. */
type TemplateToken = string | ((
  | { expr: HclExpr }
  | { directive: 'if'; condition: HclExpr }
  | { directive: 'for'; keyName?: string; valueName: string; collection: HclExpr }
  | { directive: 'else' | 'endif' | 'endfor' }
) & { stripBefore: boolean; stripAfter: boolean; line: number });

/** The template's expression: strip markers applied, directives nested (an `%{if}` with no `%{endif}` is an error). */
function templateOf(tokens: TemplateToken[], line: number): HclExpr {
  // `~` next to a brace removes the spaces and line ends on that side, up to the next interpolation or directive.
  const text = tokens.map((tok, i) => {
    if (typeof tok !== 'string') return tok;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    let s = tok;
    if (before && typeof before !== 'string' && before.stripAfter) s = s.replace(/^\s+/, '');
    if (after && typeof after !== 'string' && after.stripBefore) s = s.replace(/\s+$/, '');
    return s;
  });
  let i = 0;
  const sequence = (ends: string[]): { parts: Array<string | HclExpr>; end?: string } => {
    const parts: Array<string | HclExpr> = [];
    while (i < text.length) {
      const tok = text[i];
      if (typeof tok === 'string') { if (tok) parts.push(tok); i++; continue; }
      if ('expr' in tok) { parts.push(tok.expr); i++; continue; }
      if (ends.includes(tok.directive)) return { parts, end: tok.directive };
      i++;
      if (tok.directive === 'if') {
        const then = sequence(['else', 'endif']);
        let otherwise: Array<string | HclExpr> = [];
        if (then.end === 'else') { i++; const o = sequence(['endif']); if (!o.end) throw new HclSyntaxError('"%{if}" without its "%{endif}"', tok.line); otherwise = o.parts; }
        if (!then.end) throw new HclSyntaxError('"%{if}" without its "%{endif}"', tok.line);
        i++;
        parts.push({ kind: 'templateIf', condition: tok.condition, then: finishTemplate(then.parts, tok.line), otherwise: finishTemplate(otherwise, tok.line), line: tok.line });
      } else if (tok.directive === 'for') {
        const body = sequence(['endfor']);
        if (!body.end) throw new HclSyntaxError('"%{for}" without its "%{endfor}"', tok.line);
        i++;
        const { keyName, valueName, collection } = tok;
        parts.push({ kind: 'templateFor', ...(keyName !== undefined ? { keyName } : {}), valueName, collection, body: finishTemplate(body.parts, tok.line), line: tok.line });
      } else throw new HclSyntaxError(`"%{${tok.directive}}" without its opening directive`, tok.line);
    }
    return { parts };
  };
  return finishTemplate(sequence([]).parts, line);
}

function finishTemplate(parts: Array<string | HclExpr>, line: number): HclExpr {
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
function compileRegex(pattern: string, global = false): RegExp {
  try {
    const flags = (/^\(\?i\)/.test(pattern) ? 'i' : '') + (global ? 'g' : '');
    return new RegExp(pattern.replace(/^\(\?i\)/, '').replace(/\(\?P</g, '(?<'), flags);
  } catch {
    throw new NotEvaluated(`the regular expression "${pattern}"`);
  }
}

/** A match as regex() gives it: the named groups as an object, else the groups as a list, else the whole match. */
function matchValue(m: RegExpExecArray): HclValue {
  if (m.groups) return { ...m.groups } as Record<string, HclValue>;
  return m.length > 1 ? m.slice(1).map((g) => g ?? null) : m[0];
}

function regex(pattern: string, subject: string): HclValue {
  const m = compileRegex(pattern).exec(subject);
  if (!m) throw new HclError(`regex() finding no match for "${pattern}"`);
  return matchValue(m);
}

/**
 * Go's path.Base and path.Dir (bake's basename() and dirname()), which differ from Node's on trailing slashes:
 * `a/b/` has the base `b` and the folder `a/b`.
 */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = withoutTrailingSlashes(p);
  if (trimmed === '/') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
function goDir(p: string): string {
  return withoutTrailingSlashes(normalize(p.slice(0, p.lastIndexOf('/') + 1)));
}

/** Go's regexp replacement template (`${1}`, `$name`, `${name}`) as JavaScript's (`$1`, `$<name>`). */
function goReplacement(template: string): string {
  return template.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+)|\$)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare;
    // `$$` in the replacement JavaScript reads is one literal `$`, as `$$` is in Go's.
    if (name === undefined) return '$$';
    return /^[0-9]+$/.test(name) ? `$${name}` : `$<${name}>`;
  });
}

// Base64 by hand: the engine runs where neither Node's Buffer nor the DOM's btoa() and TextDecoder are known to exist.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

function base64Encode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[n >> 18] + BASE64[(n >> 12) & 63] + (b === undefined ? '=' : BASE64[(n >> 6) & 63]) + (c === undefined ? '=' : BASE64[n & 63]);
  }
  return out;
}

/** Strict, as Go's StdEncoding: padded to a multiple of four, nothing but the alphabet. */
function base64Decode(s: string): number[] {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new HclError('base64decode() of text that is not base64');
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | Math.max(0, BASE64.indexOf(s[i + k])), 0);
    out.push(n >> 16);
    if (s[i + 2] !== '=') out.push((n >> 8) & 255);
    if (s[i + 3] !== '=') out.push(n & 255);
  }
  return out;
}

function numbers(values: HclValue[]): number[] {
  return values.map((v) => { const n = Number(v); if (Number.isNaN(n)) throw new HclError(`"${text(v)}" where a number is needed`); return n; });
}

/** Object keys sorted at every depth, as Go encodes an HCL object to JSON. */
function sortedKeys(v: HclValue): HclValue {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys(v[k])]));
  return v;
}

/**
 * The functions evaluated: the pure ones of bake's standard library. Not evaluated: those whose value is not
 * fixed (timestamp(), uuidv4()), that read a secret (rsadecrypt()) or a salt (bcrypt()), and the hashes, dates,
 * network ranges, CSV and type conversions, none of which decides a build's Dockerfile, context, args or target.
 */
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
  substr: ([s, offset, length]) => { const chars = [...text(s)]; const o = Number(offset); const l = Number(length); return chars.slice(o, l < 0 ? undefined : o + l).join(''); },
  contains: ([list, v]) => Array.isArray(list) && list.some((x) => JSON.stringify(x) === JSON.stringify(v)),
  distinct: ([l]) => list(l).filter((x, i) => list(l).findIndex((y) => same(x, y)) === i),
  regex: ([p, s]) => regex(text(p), text(s)),
  regexall: ([p, s]) => [...text(s).matchAll(compileRegex(text(p), true))].map(matchValue),
  regex_replace: ([s, p, r]) => text(s).replace(compileRegex(text(p), true), goReplacement(text(r))),
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
  add: (args) => { const [a, b] = numbers(args); return a + b; },
  subtract: (args) => { const [a, b] = numbers(args); return a - b; },
  multiply: (args) => { const [a, b] = numbers(args); return a * b; },
  divide: (args) => { const [a, b] = numbers(args); if (b === 0) throw new HclError('a division by zero'); return a / b; },
  modulo: (args) => { const [a, b] = numbers(args); if (b === 0) throw new HclError('a modulo by zero'); return a % b; },
  negate: (args) => -numbers(args)[0],
  absolute: (args) => Math.abs(numbers(args)[0]),
  ceil: (args) => Math.ceil(numbers(args)[0]),
  floor: (args) => Math.floor(numbers(args)[0]),
  int: (args) => Math.trunc(numbers(args)[0]),
  signum: (args) => Math.sign(numbers(args)[0]),
  pow: (args) => { const [a, b] = numbers(args); return a ** b; },
  log: (args) => { const [a, b] = numbers(args); return Math.log(a) / Math.log(b); },
  max: (args) => { if (!args.length) throw new HclError('max() without arguments'); return Math.max(...numbers(args)); },
  min: (args) => { if (!args.length) throw new HclError('min() without arguments'); return Math.min(...numbers(args)); },
  parseint: ([s, base]) => {
    const b = Number(base);
    const digits = text(s).replace(/^[-+]/, '');
    const valid = b >= 2 && b <= 36 && digits !== '' && [...digits.toLowerCase()].every((c) => { const d = parseInt(c, 36); return !Number.isNaN(d) && d < b; });
    if (!valid) throw new HclError(`parseint() of "${text(s)}" in base ${text(base)}`);
    return parseInt(text(s), b);
  },
  greaterthan: (args) => { const [a, b] = numbers(args); return a > b; },
  greaterthanorequalto: (args) => { const [a, b] = numbers(args); return a >= b; },
  lessthan: (args) => { const [a, b] = numbers(args); return a < b; },
  lessthanorequalto: (args) => { const [a, b] = numbers(args); return a <= b; },
  range: (args) => {
    const n = numbers(args);
    const [start, limit] = n.length === 1 ? [0, n[0]] : [n[0], n[1]];
    const step = n[2] ?? (start <= limit ? 1 : -1);
    if (step === 0 || (step > 0) !== (start <= limit) && start !== limit) throw new HclError('range() that never reaches its limit');
    const out: number[] = [];
    for (let v = start; step > 0 ? v < limit : v > limit; v += step) { out.push(v); if (out.length > 1024) throw new HclError('range() of over 1024 numbers'); }
    return out;
  },
  basename: ([p]) => goBase(text(p)),
  dirname: ([p]) => goDir(text(p)),
  // Only [A-Za-z0-9_-] may name a bake target: any other character becomes "_".
  sanitize: ([s]) => [...text(s)].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : '_')).join(''),
  chomp: ([s]) => text(s).replace(/(?:\r\n|\r|\n)+$/, ''),
  trim: ([s, cut]) => { const set = new Set(text(cut)); const chars = [...text(s)]; let a = 0; let b = chars.length; while (a < b && set.has(chars[a])) a++; while (b > a && set.has(chars[b - 1])) b--; return chars.slice(a, b).join(''); },
  title: ([s]) => text(s).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()),
  indent: ([n, s]) => text(s).split('\n').map((l, i) => (i ? ' '.repeat(Number(n)) + l : l)).join('\n'),
  strlen: ([s]) => [...text(s)].length,
  reverse: ([s]) => [...text(s)].reverse().join(''),
  reverselist: ([l]) => [...list(l)].reverse(),
  sort: ([l]) => list(l).map(text).sort(),
  slice: ([l, from, to]) => { const items = list(l); const [a, b] = numbers([from, to]); if (a < 0 || b > items.length || a > b) throw new HclError('slice() out of range'); return items.slice(a, b); },
  chunklist: ([l, size]) => { const items = list(l); const n = Number(size); if (n <= 0) return [items]; const out: HclValue[] = []; for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n)); return out; },
  coalescelist: (lists) => lists.find((l) => Array.isArray(l) && l.length > 0) ?? [],
  formatlist: ([f, ...args]) => {
    const lengths = args.filter(Array.isArray).map((l) => l.length);
    if (new Set(lengths).size > 1) throw new HclError('formatlist() of lists of different lengths');
    const n = lengths[0] ?? 1;
    return Array.from({ length: n }, (_, i) => FUNCTIONS.format([f, ...args.map((a) => (Array.isArray(a) ? a[i] : a))]));
  },
  hasindex: ([c, k]) => { try { indexOf(c, k); return true; } catch { return false; } },
  index: ([c, k]) => { try { return indexOf(c, k); } catch { throw new HclError(`index() of a missing key "${text(k)}"`); } },
  indexof: ([l, v]) => { const i = list(l).findIndex((x) => same(x, v)); if (i < 0) throw new HclError('indexof() of a value not in the list'); return i; },
  setproduct: (sets) => sets.reduce<HclValue[][]>((acc, set) => acc.flatMap((combo) => list(set).map((x) => [...combo, x])), [[]]),
  setsymmetricdifference: (sets) => {
    const all = sets.flatMap(list).filter((x, i, a) => a.findIndex((y) => same(x, y)) === i);
    return all.filter((x) => sets.filter((set) => list(set).some((y) => same(x, y))).length % 2 === 1);
  },
  zipmap: ([ks, vs]) => { const keys = list(ks); const values = list(vs); if (keys.length !== values.length) throw new HclError('zipmap() of lists of different lengths'); return Object.fromEntries(keys.map((k, i) => [text(k), values[i]])); },
  jsonencode: ([v]) => JSON.stringify(sortedKeys(v)),
  jsondecode: ([s]) => { try { return JSON.parse(text(s)) as HclValue; } catch { throw new HclError('jsondecode() of text that is not JSON'); } },
  // Go's url.QueryEscape: a space is "+", and only letters, digits and -_.~ stay as they are.
  urlencode: ([s]) => encodeURIComponent(text(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'),
  base64encode: ([s]) => base64Encode(utf8Bytes(text(s))),
  base64decode: ([s]) => {
    const bytes = base64Decode(text(s));
    // decodeURIComponent reads the bytes as UTF-8 and throws on what is not.
    try { return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')); } catch { throw new HclError('base64decode() of bytes that are not UTF-8'); }
  },
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
    case 'attribute': return attributeOf(evaluate(expr.target, scope), expr.name);
    case 'index': return indexOf(evaluate(expr.target, scope), evaluate(expr.index, scope));
    case 'splat': {
      // A null is no element; any other single value is a list of one, as HCL has it.
      const target = evaluate(expr.target, scope);
      const elements = target === null ? [] : Array.isArray(target) ? target : [target];
      return elements.map((element) => expr.steps.reduce<HclValue>((v, step) => ('name' in step ? attributeOf(v, step.name) : indexOf(v, evaluate(step.index, scope))), element));
    }
    case 'for': {
      const out: HclValue[] = [];
      const grouped: Record<string, HclValue> = {};
      for (const each of iterations(expr, scope)) {
        if (expr.condition) {
          const keep = evaluate(expr.condition, each);
          if (typeof keep !== 'boolean') throw new HclError('a "for" condition that is not true or false');
          if (!keep) continue;
        }
        const value = evaluate(expr.value, each);
        if (!expr.object) { out.push(value); continue; }
        const key = text(evaluate(expr.key!, each));
        const bucket = grouped[key];
        if (expr.group) {
          if (Array.isArray(bucket)) bucket.push(value);
          else grouped[key] = [value];
        } else if (Object.prototype.hasOwnProperty.call(grouped, key)) throw new HclError(`the key "${key}" twice in a "for" expression (group with "...")`);
        else grouped[key] = value;
      }
      return expr.object ? grouped : out;
    }
    case 'templateIf': {
      const condition = evaluate(expr.condition, scope);
      if (typeof condition !== 'boolean') throw new HclError('an %{if} condition that is not true or false');
      return text(evaluate(condition ? expr.then : expr.otherwise, scope));
    }
    case 'templateFor': return iterations(expr, scope).map((each) => text(evaluate(expr.body, each))).join('');
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

/** A missing attribute or index is an error of HCL itself, which try() and can() catch (`try(v.tag, "latest")`). */
function attributeOf(target: HclValue, name: string): HclValue {
  if (target && typeof target === 'object' && !Array.isArray(target) && Object.prototype.hasOwnProperty.call(target, name)) return target[name];
  throw new HclError(`the attribute ".${name}"`);
}

function indexOf(target: HclValue, index: HclValue): HclValue {
  if (Array.isArray(target) && typeof index === 'number' && index in target) return target[index];
  const key = typeof index === 'number' ? String(index) : index;
  if (target && typeof target === 'object' && !Array.isArray(target) && typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key)) return target[key];
  throw new HclError('an index out of range');
}

/**
 * The scopes a `for` (expression or directive) evaluates its body in, one per element: a list's index and
 * value, an object's key and value in key order (as HCL iterates a map).
 */
function iterations(head: { keyName?: string; valueName: string; collection: HclExpr }, scope: HclScope): HclScope[] {
  const collection = evaluate(head.collection, scope);
  let pairs: Array<[HclValue, HclValue]>;
  if (Array.isArray(collection)) pairs = collection.map((v, i) => [i, v]);
  else if (collection && typeof collection === 'object') pairs = Object.keys(collection).sort().map((k) => [k, collection[k]]);
  else throw new HclError(`a "for" over ${collection === null ? 'null' : 'a single value'}`);
  return pairs.map(([key, value]) => {
    const locals: Record<string, HclValue> = { [head.valueName]: value };
    if (head.keyName !== undefined) locals[head.keyName] = key;
    return { variable: (n) => (Object.prototype.hasOwnProperty.call(locals, n) ? locals[n] : scope.variable(n)), functions: scope.functions };
  });
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
