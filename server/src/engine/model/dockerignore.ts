// .dockerignore files read and matched the way Docker does (moby's ignorefile reader and patternmatcher): lines in
// order, the last line matching a path or one of its parent folders decides, `!` re-includes. Each pattern is compiled
// once into a small automaton that reads a path in one pass without backtracking, so no pattern or path, however long
// or hostile, can make matching slow (a JavaScript RegExp backtracks: `*a*a*a…b` against `aaaa…` never finishes).
import type { FileAccess } from '../rule';

const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;

/** One step of a compiled pattern. */
type Token =
  | { kind: 'char'; cp: number }
  /** `[...]`: `ranges` holds lo,hi pairs. Like Docker's regexp, a negated class also matches `/`. */
  | { kind: 'class'; negated: boolean; ranges: number[] }
  /** `?`: one character other than `/`. */
  | { kind: 'notSlash' }
  /** `*`: any run of characters without `/`. */
  | { kind: 'star' }
  // `**` with more after it: nothing, or anything that ends in `/` (so `a/**/b` matches `a/b` and `a/x/y/b`).
  | { kind: 'dirs' }
  /** A trailing `**`, or the start of a `**foo` pattern: anything at all. */
  | { kind: 'any' }
  /** `^` outside a class: Docker hands it to its regexp unescaped, where it only matches at the very start. */
  | { kind: 'anchor' };

export interface Program {
  readonly tokens: readonly Token[];
  /** The pattern is plain text: it matches that path and everything under it (the fast path). */
  readonly literal?: string;
  /** For each token, the index of the closest earlier token that can read `/` (-1 when none). */
  readonly slashBefore: Int32Array;
  /** Tokens whose looping state makes every earlier state redundant (see `prune`). */
  readonly cuts: Uint8Array;
  /** Index of the last `anchor` token (-1 when none). */
  readonly lastAnchor: number;
}

export interface IgnorePattern {
  /** The line as written, trimmed: what messages quote. */
  readonly text: string;
  /** 1-based line in the ignore file. */
  readonly line: number;
  /** A `!` line: re-includes what earlier lines excluded. */
  readonly exception: boolean;
  /** The cleaned pattern without its `!`, relative to the context root. */
  readonly pattern: string;
  readonly program: Program;
}

export interface IgnoreFile {
  readonly patterns: readonly IgnorePattern[];
  /** Why Docker would refuse this file (the build fails before any COPY); nothing can be concluded from it. */
  readonly error?: string;
}

/** Go's filepath.Clean for `/` paths: one `/` between names, no `.` names, `..` resolved where it can be. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const name of path.split('/')) {
    if (name === '' || name === '.') continue;
    if (name !== '..') out.push(name);
    else if (out.length && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push('..');
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined || '.';
}

function codePoints(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0)!);
  return cps;
}

/** Docker passes `\x` on to Go's regexp, where only ASCII punctuation escapes itself (`\d` is a digit, `\é` an error). */
const regexpEscape = (cp: number) => cp >= 0x80 || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

/** One `[...]` starting at `cps[at]` (the `[`), checked as Go's filepath.Match checks it. */
function readClass(cps: number[], at: number): { token: Token; end: number } | string {
  let i = at + 1;
  const negated = cps[i] === CARET;
  if (negated) i++;
  const ranges: number[] = [];
  // A class member: a character or `\` and a character; never a bare `-` or `]`, and the class must go on after it.
  const member = (): number | string => {
    const c = cps[i];
    if (c === undefined || c === DASH || c === CLOSE) return 'a character class is malformed';
    if (c === STAR || c === QUESTION || c === OPEN) return 'a character class holds `*`, `?` or `[`, which Docker reads differently';
    i++;
    let cp = c;
    if (c === BACKSLASH) {
      cp = cps[i++];
      if (cp === undefined) return 'a character class is malformed';
      if (regexpEscape(cp)) return 'a character class escapes a letter, digit or non-ASCII character, which Docker reads as a regexp escape';
    }
    return i < cps.length ? cp : 'a character class is not closed';
  };
  while (!(cps[i] === CLOSE && ranges.length)) {
    const lo = member();
    if (typeof lo === 'string') return lo;
    let hi = lo;
    if (cps[i] === DASH) {
      i++;
      const h = member();
      if (typeof h === 'string') return h;
      hi = h;
    }
    if (lo > hi) return 'a character range runs backwards';
    ranges.push(lo, hi);
  }
  return { token: { kind: 'class', negated, ranges }, end: i + 1 };
}

type Mode = 'exact' | 'prefix' | 'suffix' | 'regexp';

/**
 * Reads a pattern the way Docker compiles it. Docker turns most patterns into a regexp, but matches plain text
 * exactly, `text**` as a prefix and `**text` as a suffix (so `**foo` matches `barfoo`, which its regexp would not).
 */
function scan(cps: number[]): { mode: Mode; tokens: Token[] } | string {
  const tokens: Token[] = [];
  let mode: Mode = 'exact';
  for (let i = 0, step = 0; i < cps.length; step++) {
    const c = cps[i++];
    if (c === STAR && cps[i] === STAR) {
      i++;
      if (cps[i] === SLASH) i++;
      if (i < cps.length) tokens.push({ kind: 'dirs' });
      else if (mode !== 'exact') tokens.push({ kind: 'any' });
      mode = step === 0 ? 'suffix' : i < cps.length || mode !== 'exact' ? 'regexp' : 'prefix';
      continue;
    }
    if (c === STAR) tokens.push({ kind: 'star' });
    else if (c === QUESTION) tokens.push({ kind: 'notSlash' });
    else if (c === BACKSLASH) {
      const e = cps[i++];
      if (e === undefined) return 'a pattern ends in `\\`';
      if (regexpEscape(e)) return 'a pattern escapes a letter, digit or non-ASCII character, which Docker reads as a regexp escape';
      tokens.push({ kind: 'char', cp: e });
    } else if (c === OPEN) {
      const cls = readClass(cps, i - 1);
      if (typeof cls === 'string') return cls;
      tokens.push(cls.token);
      i = cls.end;
    } else if (c === CARET) {
      tokens.push({ kind: 'anchor' });
      continue; // plain text to Docker unless something else makes the pattern a regexp
    } else {
      tokens.push({ kind: 'char', cp: c });
      if (c !== CLOSE) continue; // Docker makes any pattern with `]` a regexp
    }
    mode = 'regexp';
  }
  return { mode, tokens };
}

const chars = (cps: number[]): Token[] => cps.map((cp) => ({ kind: 'char', cp }));

function tokensFor(mode: Mode, scanned: Token[], cps: number[]): Token[] {
  if (mode === 'exact') return chars(cps);
  if (mode === 'prefix') return [...chars(cps.slice(0, -2)), { kind: 'any' }];
  if (mode === 'suffix') {
    const rest = cps.slice(2);
    return rest[0] === SLASH ? [{ kind: 'dirs' }, ...chars(rest.slice(1))] : [{ kind: 'any' }, ...chars(rest)];
  }
  return scanned;
}

const isLoop = (t: Token | undefined) => t?.kind === 'star' || t?.kind === 'dirs' || t?.kind === 'any';

/** Folds runs like `*****` that mean the same as one token, so they cost nothing when matching. */
function simplify(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'any') {
      while (isLoop(out[out.length - 1])) out.pop();
      out.push(t);
    } else if (isLoop(t) && (last?.kind === t.kind || last?.kind === 'any')) continue;
    else out.push(t);
  }
  return out;
}

function accepts(t: Token, cp: number): boolean {
  switch (t.kind) {
    case 'char': return t.cp === cp;
    case 'notSlash': case 'star': return cp !== SLASH;
    case 'dirs': case 'any': return true;
    case 'anchor': return false;
    case 'class': {
      let inside = false;
      for (let r = 0; r < t.ranges.length && !inside; r += 2) inside = t.ranges[r] <= cp && cp <= t.ranges[r + 1];
      return inside !== t.negated;
    }
  }
}

/**
 * Compiles one cleaned pattern (without its `!`), or says why Docker would reject it. Patterns whose meaning in
 * Docker comes from regexp accidents (an escaped letter, `*` inside a class) are refused too: guessing is worse.
 */
export function compilePattern(pattern: string): Program | string {
  const cps = codePoints(pattern);
  const scanned = scan(cps);
  if (typeof scanned === 'string') return scanned;
  const tokens = simplify(tokensFor(scanned.mode, scanned.tokens, cps));
  const slashBefore = new Int32Array(tokens.length + 1);
  const cuts = new Uint8Array(tokens.length + 1);
  let lastSlash = -1;
  let lastAnchor = -1;
  tokens.forEach((t, k) => {
    slashBefore[k] = lastSlash;
    if (accepts(t, SLASH)) lastSlash = k;
    if (t.kind === 'anchor') lastAnchor = k;
    const prev = tokens[k - 1];
    cuts[k] = +(t.kind === 'any' || (t.kind === 'dirs' && (!prev || (prev.kind === 'char' && prev.cp === SLASH))));
  });
  slashBefore[tokens.length] = lastSlash;
  const literal = scanned.mode === 'exact' ? pattern : undefined;
  return { tokens, literal, slashBefore, cuts, lastAnchor };
}

// The automaton: state 2k waits before token k, state 2k+1 is inside the `(.*/)` loop of a `dirs` token k, and
// state 2m (m tokens) is a match. A set of states is a plain array; `stamp` marks which states it already holds.
interface Run { p: Program; stamp: Int32Array; gen: number; todo: number[] }

function startRun(p: Program): { run: Run; states: number[] } {
  const run: Run = { p, stamp: new Int32Array(2 * p.tokens.length + 2), gen: 1, todo: [] };
  const states: number[] = [];
  enter(run, 0, true, states);
  return { run, states };
}

/** Adds `state` and every state reachable from it without reading a character. */
function enter(run: Run, state: number, atStart: boolean, out: number[]): void {
  const { tokens } = run.p;
  const todo = run.todo;
  todo.push(state);
  while (todo.length) {
    const s = todo.pop()!;
    if (run.stamp[s] === run.gen) continue;
    run.stamp[s] = run.gen;
    const t = s & 1 ? undefined : tokens[s >> 1];
    if (t?.kind === 'dirs') todo.push(s + 1, s + 2);
    else if (t?.kind === 'anchor') { if (atStart) todo.push(s + 2); }
    else {
      out.push(s);
      if (t?.kind === 'star' || t?.kind === 'any') todo.push(s + 2);
    }
  }
}

function step(run: Run, states: number[], cp: number): number[] {
  const { tokens } = run.p;
  run.gen++;
  const next: number[] = [];
  for (const s of states) {
    if (s & 1) { // inside `(.*/)`: read anything, leave after a `/`
      enter(run, s, false, next);
      if (cp === SLASH) enter(run, s + 1, false, next);
      continue;
    }
    const t = tokens[s >> 1];
    if (!t || !accepts(t, cp)) continue;
    enter(run, t.kind === 'star' || t.kind === 'any' ? s : s + 2, false, next);
  }
  return prune(run.p, next);
}

// Drops states that a later looping state makes redundant, which keeps hostile patterns like `*a*a*a…` linear.
// Whatever an earlier state could still match, the later one can match too: a trailing `**` reads anything; the
// `(.*/)` loop of a `/**` can stay until any later `/`, and every way into it ends in a `/`; a `*` can, when nothing
// between the two states reads a `/`.
function prune(p: Program, states: number[]): number[] {
  let floor = -1;
  let star = -1;
  for (const s of states) {
    // Only looping states are ever held for these tokens: 2k for `any`, 2k+1 for `dirs`.
    if (p.cuts[s >> 1]) floor = Math.max(floor, s);
    else if (!(s & 1) && p.tokens[s >> 1]?.kind === 'star') star = Math.max(star, s);
  }
  const starFrom = star < 0 ? 0 : 2 * (p.slashBefore[star >> 1] + 1);
  if (floor < 0 && (star < 0 || starFrom >= star)) return states;
  return states.filter((s) => s >= floor && !(s >= starFrom && s < star));
}

/** Docker's MatchesOrParentMatches for one pattern: it matches `path` or one of the folders `path` is in. */
export function matchesOrParent(p: Program, path: string): boolean {
  if (p.literal !== undefined) return path === p.literal || path.startsWith(p.literal + '/');
  const accept = 2 * p.tokens.length;
  const cps = codePoints(path);
  const { run, states: first } = startRun(p);
  let states = first;
  for (let i = 0; i < cps.length; i++) {
    // Before each `/`: does the folder that ends here match?
    if (cps[i] === SLASH && i > 0 && run.stamp[accept] === run.gen) return true;
    states = step(run, states, cps[i]);
    if (!states.length) return false;
  }
  return run.stamp[accept] === run.gen;
}

/** Whether the pattern could match something inside the folder `dir` (over-approximated: unsure means yes). */
export function mayMatchInside(p: Program, dir: string): boolean {
  if (p.literal !== undefined) return p.literal.startsWith(dir + '/');
  const m = p.tokens.length;
  const { run, states: first } = startRun(p);
  let states = first;
  for (const cp of codePoints(dir + '/')) {
    states = step(run, states, cp);
    if (!states.length) return false;
  }
  // A state that still reads characters leads to a match, unless a `^` (only true at the start) lies ahead.
  return states.some((s) => s < 2 * m && s >> 1 >= p.lastAnchor);
}

// Whether the pattern matches every name at the top of the context (so with parents, everything): `*`, `**`, `**/*`.
function matchesEveryName(p: Program): boolean {
  let single = 0;
  let loops = false;
  for (const t of p.tokens) {
    if (t.kind === 'notSlash') single++;
    else if (t.kind === 'star' || t.kind === 'any') loops = true;
    else if (t.kind !== 'dirs') return false;
  }
  return loops && single <= 1; // names are never empty, so one `?` is fine
}

// Go's unicode.IsSpace, which Docker trims with (a byte-order mark is not space to Go).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function trimGo(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && GO_SPACE.test(s[start])) start++;
  while (end > start && GO_SPACE.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Length in UTF-8 bytes. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

// Docker reads the file with a line scanner that gives up on a line of 64 KiB or more.
const MAX_LINE_BYTES = 64 * 1024;

function parse(text: string): IgnoreFile {
  const patterns: IgnorePattern[] = [];
  const compiled = new Map<string, Program | string>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let raw = lines[n].endsWith('\r') ? lines[n].slice(0, -1) : lines[n];
    if (n === 0 && raw.startsWith('\ufeff')) raw = raw.slice(1);
    if (raw.length * 3 >= MAX_LINE_BYTES && utf8Length(raw) >= MAX_LINE_BYTES) return { patterns: [], error: `line ${n + 1} is too long` };
    if (raw.startsWith('#')) continue; // a comment only when `#` is the first character: ` #x` is a pattern
    const line = trimGo(raw);
    if (!line) continue;
    const exception = line.startsWith('!');
    const body = exception ? trimGo(line.slice(1)) : line;
    let pattern = body && cleanPath(body);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    // `!` alone, and `!/` (which Docker cleans down to `!`), are refused.
    if (exception && (pattern === '' || pattern === '/')) return { patterns: [], error: `line ${n + 1}: \`!\` without a pattern` };
    let program = compiled.get(pattern);
    if (!program) compiled.set(pattern, program = compilePattern(pattern));
    if (typeof program === 'string') return { patterns: [], error: `line ${n + 1}: ${program}` };
    patterns.push({ text: line, line: n + 1, exception, pattern, program });
  }
  return { patterns };
}

// The same ignore file is read for every lint of every Dockerfile beside it: compile it once.
const memo = new Map<string, IgnoreFile>();
const MEMO_SIZE = 16;

/** Parses and compiles a .dockerignore text; the result is shared, so never change it. */
export function parseDockerignore(text: string): IgnoreFile {
  const hit = memo.get(text);
  if (hit) return hit;
  const file = parse(text);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, file);
  return file;
}

/** The ignore file Docker uses for this Dockerfile: `<Dockerfile name>.dockerignore` when it exists, else `.dockerignore`. */
export function findDockerignore(files: FileAccess): { name: string; text: string } | undefined {
  const names = files.dockerfileName ? [`${files.dockerfileName}.dockerignore`, '.dockerignore'] : ['.dockerignore'];
  for (const name of names) {
    const text = files.read(name);
    if (text !== undefined) return { name, text };
  }
  return undefined;
}

/** That ignore file, parsed. */
export function readDockerignore(files: FileAccess): (IgnoreFile & { name: string }) | undefined {
  const found = findDockerignore(files);
  return found && { name: found.name, ...parseDockerignore(found.text) };
}

/** The line that decides about `path` (the last one matching it or a folder it is in), if any. */
export function decidingPattern(file: IgnoreFile, path: string): IgnorePattern | undefined {
  const known = new Map<Program, boolean>(); // a line repeated shares its program: match it once
  for (let i = file.patterns.length - 1; i >= 0; i--) {
    const { program } = file.patterns[i];
    let hit = known.get(program);
    if (hit === undefined) known.set(program, hit = matchesOrParent(program, path));
    if (hit) return file.patterns[i];
  }
  return undefined;
}

/** Whether Docker leaves `path` (a cleaned path relative to the context root) out of the build context. */
export function isExcluded(file: IgnoreFile, path: string): boolean {
  const by = decidingPattern(file, path);
  return !!by && !by.exception;
}

/**
 * The line that excludes `path` and, when it is a folder, everything in it; undefined when anything of it reaches
 * the builder. A folder counts only when no `!` line after the deciding one could bring back something inside it
 * (earlier `!` lines are overridden by the deciding line, which matches everything inside through the folder).
 */
export function excludedEntirely(file: IgnoreFile, path: string, isFile?: () => boolean): IgnorePattern | undefined {
  const by = decidingPattern(file, path);
  if (!by || by.exception) return undefined;
  const later = file.patterns.slice(file.patterns.indexOf(by) + 1);
  if (later.some((p) => p.exception && mayMatchInside(p.program, path)) && !isFile?.()) return undefined;
  return by;
}

// The line that excludes the whole context (`*`, `**`, `**/*`…) with no `!` line after it, if any.
export function excludesEverything(file: IgnoreFile): IgnorePattern | undefined {
  let found: IgnorePattern | undefined;
  for (const p of file.patterns) {
    if (p.exception) found = undefined;
    else if (matchesEveryName(p.program)) found = p;
  }
  return found;
}

/**
 * The line written exactly as the glob `glob` (as `*.log` for `COPY *.log`), when no `!` line follows it: everything
 * the glob can match is then excluded. A glob with `**` or a pattern with `^` means something else to COPY than to
 * the ignore file, so those are never compared.
 */
export function excludesGlob(file: IgnoreFile, glob: string): IgnorePattern | undefined {
  if (glob.includes('**')) return undefined;
  for (let i = file.patterns.length - 1; i >= 0; i--) {
    const p = file.patterns[i];
    if (p.exception) return undefined;
    if (p.pattern === glob && p.program.lastAnchor < 0) return p;
  }
  return undefined;
}
