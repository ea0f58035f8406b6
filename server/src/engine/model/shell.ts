// RUN bodies parsed by tree-sitter-bash into simple commands with exact offsets.
// The parser is WASM and loads asynchronously once (initShellParser); after that every parse is synchronous.
import { Parser, Language, type Node } from 'web-tree-sitter';
import { invokedShell } from './shells';

export interface ShellWord {
  /** The word as the shell sees it: quotes removed, backslash escapes resolved, expansions kept as written. */
  value: string;
  /** The word's source text. */
  raw: string;
  start: number;
  end: number;
  quoted: boolean;
}

/** A `NAME=value` prefix of a command: the value as the shell sees it, and the span of the whole assignment. */
export interface ShellAssignment { name: string; value: string; start: number; end: number }

export interface ShellCommand {
  name: string;
  nameWord: ShellWord;
  /** Every word after the command name, in order (flags and operands alike). */
  args: ShellWord[];
  /** `NAME=value` prefixes such as `DEBIAN_FRONTEND=noninteractive apt-get …`, with the document span of each. */
  assignments: ShellAssignment[];
  start: number;
  end: number;
  /** True when found inside a `sh -c '…'` string rather than in the RUN body itself. */
  nested: boolean;
  /** Commands of one pipeline share this number (unique within the RUN); undefined outside pipelines. */
  pipeline?: number;
}

/** A pipeline: its stages in order (a command, a `{ …; }` group, a subshell, a redirected command…). */
export interface ShellPipeline {
  /** The `pipeline` of its commands that are stages themselves (or redirected stages). */
  id: number;
  start: number;
  end: number;
  stages: Array<{ start: number; end: number }>;
}

export interface ShellScript {
  /** Offset of the parsed text in the document. All offsets below are document offsets. */
  base: number;
  text: string;
  commands: ShellCommand[];
  /** Every pipeline, nested ones (in `$(…)`, groups, `sh -c`) included, in source order. */
  pipelines: ShellPipeline[];
  hasPipe: boolean;
  /** Commands joined by &&, ||, ; or newlines at the top level: more than one step. */
  topLevelCount: number;
  hasErrors: boolean;
  /** A shell `#` comment: text appended after it would be commented out. */
  hasComment: boolean;
  /** Top-level steps joined by `&&` only (no `||`, `;`, newline or `&`): `… && more` fails whenever this failed. */
  andOnly: boolean;
  /** When `andOnly`, where each of those steps is, in source order; empty otherwise. */
  andSteps: Array<{ start: number; end: number }>;
}

let parser: Parser | null = null;
let initPromise: Promise<void> | null = null;

/**
 * Where web-tree-sitter's runtime and the bash grammar are: paths (Node), URLs (a browser) or the bytes. The host
 * knows; the engine only loads them.
 */
export interface ShellParserWasm {
  runtime: string | Uint8Array;
  grammar: string | Uint8Array;
}

/** Loads the shell grammar. Call once before linting; later calls return the first one's promise. */
export function initShellParser(wasm: ShellParserWasm): Promise<void> {
  if (initPromise) return initPromise;
  initPromise = (async () => {
    const { runtime, grammar } = wasm;
    await Parser.init(typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime });
    const language = await Language.load(grammar);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  // A failed load (a missing file) may be retried with other locations.
  initPromise.catch(() => { initPromise = null; });
  return initPromise;
}

export function shellParserReady(): boolean { return parser !== null; }

/** Forgets every parsed RUN body (benchmarks measure cold parses with it). */
export function clearShellCache(): void { cache.clear(); }

/** Parses `text` with tree-sitter-bash and throws the tree away: the raw parser cost, for benchmarks. */
export function parseShellUncached(text: string): void {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  parser.parse(text)?.delete();
}

interface Relative {
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  hasPipe: boolean;
  topLevelCount: number;
  hasErrors: boolean;
  hasComment: boolean;
  andOnly: boolean;
  andSteps: Array<{ start: number; end: number }>;
}

const cache = new Map<string, Relative>();
const CACHE_LIMIT = 4000;

/** Parses `text` (which starts at document offset `base`) and returns its commands with document offsets. */
export function parseShell(text: string, base: number): ShellScript {
  let rel = cache.get(text);
  if (!rel) {
    rel = parseRelative(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, rel);
  }
  const shift = (w: ShellWord): ShellWord => ({ ...w, start: w.start + base, end: w.end + base });
  return {
    base,
    text,
    hasPipe: rel.hasPipe,
    pipelines: rel.pipelines.map((p) => ({ id: p.id, start: p.start + base, end: p.end + base, stages: p.stages.map((x) => ({ start: x.start + base, end: x.end + base })) })),
    topLevelCount: rel.topLevelCount,
    hasErrors: rel.hasErrors,
    hasComment: rel.hasComment,
    andOnly: rel.andOnly,
    andSteps: rel.andSteps.map((x) => ({ start: x.start + base, end: x.end + base })),
    commands: rel.commands.map((c) => ({
      ...c,
      nameWord: shift(c.nameWord),
      args: c.args.map(shift),
      assignments: c.assignments.map((a) => ({ ...a, start: a.start + base, end: a.end + base })),
      start: c.start + base,
      end: c.end + base,
    })),
  };
}

/**
 * Parses `text` and hands the syntax tree's root to `read`; the tree is freed when `read` returns, so `read`
 * must not keep any node. For readers that need the whole structure (the meaning of a script, fix/meaning.ts).
 */
export function readShellTree<T>(text: string, read: (root: Node) => T): T {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return read(tree.rootNode);
  } finally {
    tree.delete();
  }
}

function parseRelative(text: string): Relative {
  if (!parser) throw new Error('shell parser not initialised: call initShellParser() first');
  const out: Relative = { commands: [], pipelines: [], hasPipe: false, topLevelCount: 0, hasErrors: false, hasComment: false, andOnly: false, andSteps: [] };
  let tree;
  try {
    tree = parser.parse(text);
  } catch {
    return { ...out, hasErrors: true };
  }
  if (!tree) return { ...out, hasErrors: true };
  try {
    const root = tree.rootNode;
    out.hasErrors = root.hasError;
    out.topLevelCount = countSteps(root);
    out.andOnly = joinedByAndOnly(root);
    if (out.andOnly) out.andSteps = andSteps(root);
    collect(root, out, 0, false, 0);
    if (out.hasErrors) addCleanSteps(text, out);
  } catch {
    // A pathological body (say 50,000 chained commands) must not take the lint down: keep what was found.
    out.hasErrors = true;
  } finally {
    tree.delete();
  }
  return out;
}

// Steps a broken script is re-read in, at most: each is a parse of its own (a long broken script keeps the one parse).
const MAX_STEPS_REREAD = 64;

/**
 * A script with a syntax error: tree-sitter's error recovery may fold the steps after the error into it, so
 * what it finds there depends on text elsewhere (`dnf install y; [ curl; sudo make` hid `sudo make` inside a
 * command `curl`, while `dnf install -y y; [ curl; sudo make` showed it, so adding `-y` "added" a finding).
 * Each top-level step (split at `;`, `&&`, `||`, `&` and line breaks outside quotes and brackets) that parses
 * cleanly on its own adds the commands the whole parse missed, as bash would run them.
 */
function addCleanSteps(text: string, out: Relative): void {
  if (!parser) return;
  const steps = topLevelSteps(text);
  if (steps.length < 2 || steps.length > MAX_STEPS_REREAD) return;
  const known = new Set(out.commands.map((c) => c.nameWord.start));
  let added = false;
  for (const { start, end } of steps) {
    const piece = text.slice(start, end);
    if (!piece.trim()) continue;
    const tree = parser.parse(piece);
    if (!tree) continue;
    try {
      if (tree.rootNode.hasError) continue;
      const found: Relative = { commands: [], pipelines: [], hasPipe: false, topLevelCount: 0, hasErrors: false, hasComment: false, andOnly: false, andSteps: [] };
      collect(tree.rootNode, found, start, false, 0);
      for (const c of found.commands) {
        if (known.has(c.nameWord.start)) continue;
        // Past a syntax error the grouping into pipelines is a guess: the command stands alone.
        delete c.pipeline;
        out.commands.push(c);
        added = true;
      }
    } finally {
      tree.delete();
    }
  }
  if (added) out.commands.sort((a, b) => a.start - b.start);
}

/**
 * The top-level steps of a script: split at `;`, `&&`, `||`, `&` and line breaks that are outside quotes,
 * brackets, braces and comments. Approximate by design (it only serves addCleanSteps): an unclosed quote
 * keeps the rest of the script in one step.
 */
function topLevelSteps(text: string): Array<{ start: number; end: number }> {
  const steps: Array<{ start: number; end: number }> = [];
  let start = 0;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== "'") i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"' || c === '`') { quote = c; continue; }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
      continue;
    }
    if (c === '(' || c === '{') { depth++; continue; }
    if (c === ')' || c === '}') { if (depth > 0) depth--; continue; }
    if (depth > 0) continue;
    const next = text[i + 1];
    let width = 0;
    if (c === ';' || c === '\n') width = c === ';' && next === ';' ? 2 : 1;
    else if ((c === '&' && next === '&') || (c === '|' && next === '|')) width = 2;
    else if (c === '&' && next !== '>' && text[i - 1] !== '>' && text[i - 1] !== '|') width = 1;
    if (!width) continue;
    steps.push({ start, end: i });
    start = i + width;
    i += width - 1;
  }
  steps.push({ start, end: text.length });
  return steps;
}

/** Steps joined by &&, ||, ; or newlines at the top level. Iterative: lists nest as deep as the chain is long. */
function countSteps(root: Node): number {
  let n = 0;
  const stack: Node[] = [];
  for (const c of root.namedChildren) if (c && c.type !== 'comment') stack.push(c);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'list') { for (const c of node.namedChildren) if (c && c.type !== 'comment') stack.push(c); }
    else n++;
  }
  return n;
}

/** One top-level statement (a trailing `;` allowed) whose lists use `&&` only. */
function joinedByAndOnly(root: Node): boolean {
  const top = root.children.filter((c): c is Node => !!c && c.type !== 'comment');
  if (top.length === 2 && top[1].type === ';') top.pop();
  if (top.length !== 1 || !top[0].isNamed) return false;
  const stack = [top[0]];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'list') continue;
    for (const c of node.children) {
      if (!c) continue;
      if (c.type === 'list') stack.push(c);
      else if (!c.isNamed && c.type !== '&&') return false;
    }
  }
  return true;
}

/** The steps of a script that joinedByAndOnly accepts, in source order. Iterative, like countSteps. */
function andSteps(root: Node): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const stack = root.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').slice(0, 1);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'list') { out.push({ start: node.startIndex, end: node.endIndex }); continue; }
    const kids = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

let pipelineCounter = 0;

/**
 * Walks the tree in source order with a TreeCursor: no recursion (deep chains would overflow it) and no
 * Node objects except for the commands themselves (crossing into WASM for every node is the slow part).
 *
 * Pipelines: tree-sitter-bash reads `a | b | c && d` as `a | ((b | c) && d)`, where the shell runs
 * `(a | b | c) && d`. A list that stands as a stage of a pipeline hands the pipeline on to its first operand only,
 * and a pipeline there continues the outer one: `a`, `b` and `c` are one pipeline, `d` is not in it.
 */
function collect(root: Node, out: Relative, shift: number, nested: boolean, depth: number): void {
  const cursor = root.walk();
  // For the nodes at each depth: the pipeline they belong to, whether they are its stages, whether they are the
  // first operand of a list standing as a stage (`carried`), and whether only the first of them is (a list's operands).
  const pipes: Array<number | undefined> = [undefined];
  const stage: boolean[] = [false];
  const carried: boolean[] = [false];
  const firstOnly: boolean[] = [false];
  const records = new Map<number, ShellPipeline>();
  // Pipelines whose first stage tree-sitter-bash read with the commands before it (see firstStageStart).
  const cuts = new Map<number, number>();
  let d = 0;
  try {
    for (;;) {
      const type = cursor.nodeType;
      let pipeline = pipes[d];
      const isStage = stage[d] && pipeline !== undefined && cursor.nodeIsNamed && type !== 'comment';
      // What the children of this node get.
      let childPipe: number | undefined;
      let childStage = false;
      let childCarried = false;
      let childFirstOnly = false;
      if (cursor.nodeIsNamed) {
        if (type === 'pipeline') {
          out.hasPipe = true;
          if (!(isStage && carried[d])) {
            pipeline = ++pipelineCounter;
            const record: ShellPipeline = { id: pipeline, start: cursor.startIndex + shift, end: cursor.startIndex + shift, stages: [] };
            records.set(pipeline, record);
            out.pipelines.push(record);
            const cut = firstStageStart(cursor.currentNode);
            if (cut !== undefined) cuts.set(pipeline, cut + shift);
          }
          childPipe = pipeline;
          childStage = true;
        } else if (type === 'list' && isStage && records.get(pipeline!)?.stages.length) {
          childPipe = pipeline;
          childStage = true;
          childCarried = true;
          childFirstOnly = true;
        } else {
          if (isStage) {
            const record = records.get(pipeline!);
            if (record) {
              const span = { start: cursor.startIndex + shift, end: cursor.endIndex + shift };
              if (!record.stages.length) record.start = span.start;
              record.stages.push(span);
              record.end = span.end;
            }
          } else if (type === 'comment' && !nested) out.hasComment = true;
          if (type === 'command' || type === 'declaration_command' || type === 'unset_command') {
            const node = cursor.currentNode;
            const cmd = toCommand(node, shift, nested);
            if (cmd) {
              if (pipeline !== undefined) cmd.pipeline = pipeline;
              out.commands.push(cmd);
              if (depth < 3) collectNested(cmd, node, out, shift, depth);
            }
          }
          // A stage's redirections keep its command in the pipeline; commands nested deeper ($(…), groups) are not in it.
          if (type === 'redirected_statement') childPipe = pipeline;
        }
      }
      if (cursor.gotoFirstChild()) {
        d++;
        pipes[d] = childPipe;
        stage[d] = childStage;
        carried[d] = childCarried;
        firstOnly[d] = childFirstOnly;
        continue;
      }
      for (;;) {
        // Past a list's first operand, its other operands are not in the pipeline.
        if (firstOnly[d] && cursor.nodeIsNamed) {
          pipes[d] = undefined;
          stage[d] = false;
          firstOnly[d] = false;
        }
        if (cursor.gotoNextSibling()) break;
        if (d === 0 || !cursor.gotoParent()) return;
        d--;
      }
    }
  } finally {
    cursor.delete();
    for (const [id, cut] of cuts) {
      const record = records.get(id)!;
      if (!record.stages.length) continue;
      record.start = record.stages[0].start = cut;
      const first = record.stages[0];
      for (const c of out.commands) {
        if (c.start < cut && c.pipeline === id) c.pipeline = undefined;
        else if (c.start === cut && c.end <= first.end) c.pipeline = id;
      }
    }
  }
}

/**
 * tree-sitter-bash reads `a && b 2>&1 | c` (and `a && b | c` after some constructs) with the list as the first
 * stage: `(a && b 2>&1) | c`. The shell runs `a && (b 2>&1 | c)`. Where the pipeline really starts: at the list's
 * last operand; undefined when its first stage is not such a list.
 */
function firstStageStart(pipeline: Node): number | undefined {
  const first = pipeline.firstNamedChild;
  let inner = first?.type === 'redirected_statement' ? first.firstNamedChild : first;
  if (inner?.type !== 'list') return undefined;
  while (inner?.type === 'list') inner = inner.lastNamedChild;
  return inner ? inner.startIndex : undefined;
}

/** Commands inside `sh -c '…'` / `bash -c "…"`: hadolint cannot see them, we can. */
function collectNested(cmd: ShellCommand, node: Node, out: Relative, shift: number, depth: number): void {
  if (!invokedShell(cmd.name, cmd.args)) return;
  const args = node.childrenForFieldName('argument').filter((n): n is Node => n !== null);
  const ci = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.text));
  const script = ci >= 0 ? args[ci + 1] : undefined;
  if (!script) return;
  let inner = script.text;
  let innerStart = script.startIndex;
  if (script.type === 'raw_string' || script.type === 'string') {
    inner = inner.slice(1, -1);
    innerStart += 1;
  }
  if (!parser) return;
  const tree = parser.parse(inner);
  if (!tree) return;
  try {
    collect(tree.rootNode, out, shift + innerStart, true, depth + 1);
    if (tree.rootNode.hasError) out.hasErrors = true;
  } finally {
    tree.delete();
  }
}

function toCommand(node: Node, shift: number, nested: boolean): ShellCommand | null {
  let nameNode: Node | null = null;
  const args: ShellWord[] = [];
  const assignments: ShellAssignment[] = [];
  if (node.type === 'command') {
    nameNode = node.childForFieldName('name');
    for (const child of node.namedChildren) {
      if (child?.type === 'variable_assignment') {
        const n = child.childForFieldName('name');
        const v = child.childForFieldName('value');
        assignments.push({ name: n?.text ?? '', value: v ? wordValue(v) : '', start: child.startIndex + shift, end: child.endIndex + shift });
      }
    }
    for (const a of node.childrenForFieldName('argument')) if (a) args.push(word(a, shift));
  } else {
    // declaration_command / unset_command: the keyword is the first child, the rest are its operands.
    const first = node.child(0);
    if (!first) return null;
    nameNode = first;
    for (const child of node.namedChildren) if (child && child.id !== first.id) args.push(word(child, shift));
  }
  if (!nameNode) return null;
  const nameWord = word(nameNode, shift);
  return { name: nameWord.value, nameWord, args, assignments, start: node.startIndex + shift, end: node.endIndex + shift, nested };
}

function word(node: Node, shift: number): ShellWord {
  const quoted = node.type === 'string' || node.type === 'raw_string' || node.type === 'ansi_c_string';
  return { value: wordValue(node), raw: node.text, start: node.startIndex + shift, end: node.endIndex + shift, quoted };
}

function wordValue(node: Node): string {
  switch (node.type) {
    case 'command_name': {
      const inner = node.namedChild(0);
      return inner ? wordValue(inner) : node.text;
    }
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string':
      return node.text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    case 'concatenation': {
      // Unnamed parts are text too: the `$` of `useradd$` (a literal `$`, so another program than useradd).
      let out = '';
      for (let i = 0; i < node.childCount; i++) {
        const c = node.child(i);
        if (c) out += c.isNamed ? wordValue(c) : c.text;
      }
      return out;
    }
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}
