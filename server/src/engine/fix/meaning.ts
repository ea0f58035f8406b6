// What a Dockerfile means to Docker, instruction by instruction, with everything Docker ignores left out
// (whitespace, line continuations, comments, keyword case, the spelling of quotes): the fix engine compares it
// before and after a safe fix, and rejects a fix whose difference is not exactly what the fix declares.
import type { Node } from 'web-tree-sitter';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { readShellTree } from '../model/shell';
import { invokedShell, programName, shellArgvFor, shellFacts, STATE_CHANGING_BUILTINS } from '../model/shells';
import { distroFamily, rootStage } from '../model/base-images';
import type { MeaningChange } from '../types';

/** A shell syntax tree without positions or layout: a token's text, or `[node type, ...children]`. */
export type ShellTree = string | ShellTree[];

/**
 * A shell script as its top-level steps and the operators between them (`&&`, `||`, `;` for a `;` or a line
 * break, `&`); a trailing `&` makes `ops` as long as `steps`. `&&`/`||` chains are flat: they group to the left.
 */
export interface ScriptMeaning { steps: ShellTree[]; ops: string[] }

export interface HeredocMeaning {
  name: string;
  /** A script's parsed steps (and whether it stops at the first failure), else the body's text. */
  script?: ScriptMeaning;
  errexit?: boolean;
  body?: string;
}

export interface InstructionMeaning {
  keyword: string;
  /** `name=value`, or `name` for a flag without a value. */
  flags: string[];
  /** Shell form: the command line of the shell that runs it. */
  shell?: string[];
  /** Shell form under a POSIX shell: the parsed script. */
  script?: ScriptMeaning;
  /** Shell form under another shell: the command text Docker hands it. */
  text?: string;
  /** Exec (JSON) form. */
  exec?: string[];
  /** The words of any other instruction, as Docker reads them. */
  args?: string[];
  /** ENV, LABEL and ARG: each name with its value (null: ARG without a default). */
  pairs?: Array<[string, string | null]>;
  heredocs?: HeredocMeaning[];
  trigger?: InstructionMeaning;
}

export interface Meaning {
  /** Parser directives (`syntax`, `escape`, `check`), as `name=value`. */
  directives: string[];
  instructions: InstructionMeaning[];
  /** 1-based line of each instruction, for messages. */
  lines: number[];
}

// A variable reference in a value: marked so that a literal `$X` (quoted or escaped) never equals an expansion.
const EXPANSION = '\u0001';

/** The meaning of every instruction of `model`. */
export function meaningOf(model: DockerfileModel): Meaning {
  const stageNames = new Set<string>();
  const instructions: InstructionMeaning[] = [];
  const lines: number[] = [];
  for (const instr of model.instructions) {
    const text = logicalLine(model, instr);
    instructions.push(instructionMeaning(model, instr, instr, text, stageNames));
    lines.push(instr.line + 1);
    if (instr.keyword === 'FROM' && instr.alias) stageNames.add(instr.alias.name.toLowerCase());
  }
  return { directives: model.directives.map((d) => `${d.name}=${d.value}`), instructions, lines };
}

/**
 * The instruction's line as Docker reads it: continued lines joined (the escape character, and blanks after
 * it, removed; nothing put between), comment and empty lines inside the continuation dropped. Heredoc bodies
 * are not part of it.
 */
export function logicalLine(model: DockerfileModel, instr: Instr): string {
  const { lines } = model;
  const continued = new RegExp(`${model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`);
  const last = instr.heredocs.length ? Math.min(instr.heredocs[0].markerLine, instr.endLine) : instr.endLine;
  let out = model.text.slice(instr.keywordStart, lines.lineEnd(instr.line));
  if (!continued.test(out) || instr.line >= last) return out.trim();
  out = out.replace(continued, '');
  for (let line = instr.line + 1; line <= last; line++) {
    const text = lines.lineText(line);
    if (/^\s*#/.test(text) || text.trim() === '') continue;
    if (line < last && continued.test(text)) {
      out += text.replace(continued, '');
      continue;
    }
    out += text;
    break;
  }
  return out.trim();
}

function instructionMeaning(model: DockerfileModel, instr: Instr, at: Instr, line: string, stageNames: Set<string>): InstructionMeaning {
  const m = /^(\S+)\s*/.exec(line);
  const keyword = (m?.[1] ?? '').toUpperCase();
  const esc = model.escapeChar;
  const { flags: rawFlags, rest } = builderFlags(line.slice(m ? m[0].length : 0));
  const stageRef = (name: string) => (stageNames.has(name.toLowerCase()) ? name.toLowerCase() : name);
  const flags: string[] = [];
  for (const [name, value] of rawFlags) {
    let v = value;
    // Without --platform a stage is built for the target platform: the flag saying so changes nothing.
    if (keyword === 'FROM' && name === 'platform' && (v === '$TARGETPLATFORM' || v === '${TARGETPLATFORM}')) continue;
    // BuildKit compares stage names in lowercase.
    if (v !== null && name === 'from') v = stageRef(v);
    if (v !== null && name === 'mount') v = v.split(',').map((kv) => (kv.startsWith('from=') ? `from=${stageRef(kv.slice(5))}` : kv)).join(',');
    flags.push(v === null ? name : `${name}=${v}`);
  }
  const meaning: InstructionMeaning = { keyword, flags };
  const heredocs = () => heredocMeanings(model, instr, at);
  switch (keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      Object.assign(meaning, commandMeaning(model, at, rest));
      if (keyword === 'RUN' && instr.heredocs.length) meaning.heredocs = heredocs();
      break;
    case 'HEALTHCHECK': {
      const sub = /^(\S+)\s*/.exec(rest);
      meaning.args = [(sub?.[1] ?? '').toUpperCase()];
      if (meaning.args[0] === 'CMD') Object.assign(meaning, commandMeaning(model, at, rest.slice(sub![0].length)));
      break;
    }
    case 'SHELL': {
      const argv = jsonArray(rest);
      if (argv) meaning.exec = argv;
      else meaning.text = rest;
      break;
    }
    case 'ENV':
    case 'LABEL':
      meaning.pairs = nameValuePairs(rest, esc);
      break;
    case 'ARG':
      meaning.pairs = dockerWords(rest, esc).map((w) => {
        const eq = w.indexOf('=');
        return eq < 0 ? [dockerValue(w, esc), null] : [dockerValue(w.slice(0, eq), esc), dockerValue(w.slice(eq + 1), esc)];
      });
      break;
    case 'FROM': {
      const words = rest.split(/\s+/).filter(Boolean);
      meaning.args = words.map((w, i) => (i === 0 ? stageRef(w) : i === 1 && w.toUpperCase() === 'AS' ? 'AS' : i === 2 ? w.toLowerCase() : w));
      break;
    }
    case 'COPY':
    case 'ADD': {
      const json = jsonArray(rest);
      const args = json ?? blankWords(rest).map((w) => (w.startsWith('<<') ? w : dockerValue(w, esc)));
      // With several sources the destination is a folder, written with a trailing `/` or not (BuildKit).
      if (args.length > 2 && !args[args.length - 1].endsWith('/')) args[args.length - 1] += '/';
      meaning.args = args;
      if (instr.heredocs.length) meaning.heredocs = heredocs();
      break;
    }
    case 'EXPOSE':
      meaning.args = blankWords(rest).map((w) => exposedPort(dockerValue(w, esc)));
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      meaning.args = [dockerValue(rest, esc)];
      break;
    case 'MAINTAINER':
      // Docker keeps the text as written.
      meaning.args = [rest];
      break;
    case 'VOLUME':
      meaning.args = jsonArray(rest) ?? blankWords(rest).map((w) => dockerValue(w, esc));
      break;
    case 'ONBUILD':
      if (instr.trigger) meaning.trigger = instructionMeaning(model, instr.trigger, at, rest, stageNames);
      else meaning.args = [rest];
      break;
    default:
      meaning.args = dockerWords(rest, esc).map((w) => dockerValue(w, esc));
  }
  return meaning;
}

/** The container port EXPOSE records for a port spec: the host address and port are ignored, the protocol is lowercase, tcp by default. */
function exposedPort(spec: string): string {
  if (spec.includes(EXPANSION)) return spec;
  const port = spec.slice(spec.lastIndexOf(':') + 1);
  const slash = port.indexOf('/');
  return slash < 0 ? `${port}/tcp` : `${port.slice(0, slash)}/${port.slice(slash + 1).toLowerCase() || 'tcp'}`;
}

/** RUN, CMD, ENTRYPOINT (and HEALTHCHECK CMD): the exec form's words, or the shell form under the shell in effect. */
function commandMeaning(_model: DockerfileModel, at: Instr, rest: string): Partial<InstructionMeaning> {
  const exec = jsonArray(rest);
  if (exec) return { exec };
  const shell = shellFor(at);
  if (!shell) return { text: rest };
  return shellFacts(shell).kind === 'posix' ? { shell, script: scriptMeaning(rest) } : { shell, text: rest };
}

function shellFor(at: Instr): string[] | undefined {
  const stage: Stage | null = at.stage;
  const windows = stage && !rootStage(stage).image.unresolved.length && distroFamily(rootStage(stage).image) === 'windows';
  return shellArgvFor(stage, at, windows ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c']);
}

function heredocMeanings(model: DockerfileModel, instr: Instr, at: Instr): HeredocMeaning[] {
  const shell = instr.keyword === 'RUN' ? shellFor(at) : undefined;
  const posix = !!shell && shellFacts(shell).kind === 'posix';
  return instr.heredocs.map((h) => {
    const body = model.text.slice(h.contentStart, h.contentEnd);
    if (!h.isScript || !posix) return { name: h.name, body };
    const script = scriptMeaning(body);
    return { name: h.name, script, errexit: stopsOnFailure(body, script) };
  });
}

/** A script that stops at the first failing command: `#!/bin/sh -e`, or `set -e` / `set -o errexit` first. */
function stopsOnFailure(body: string, script: ScriptMeaning): boolean {
  if (/^#![^\n]*\s-[a-zA-Z]*e/.test(body)) return true;
  const first = script.steps[0];
  if (!Array.isArray(first) || first[0] !== 'command' || commandName(first) !== 'set') return false;
  const args = first.slice(2).map(literal);
  return args.some((a, i) => /^-[a-zA-Z]*e/.test(a ?? '') || (a === '-o' && args[i + 1] === 'errexit'));
}

// ---------------------------------------------------------------------------------------------------------
// Docker's reading of an instruction's text.

/** The leading `--name=value` flags of an instruction (quotes removed, as Docker reads them) and the text after them. */
function builderFlags(line: string): { flags: Array<[string, string | null]>; rest: string } {
  const flags: Array<[string, string | null]> = [];
  let i = 0;
  for (;;) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (!line.startsWith('--', i)) break;
    let word = '';
    let quote = '';
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && i + 1 < line.length) word += line[++i];
        else word += c;
      } else if (/\s/.test(c)) break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < line.length) word += line[++i];
      else word += c;
    }
    if (word === '--') break;
    const eq = word.indexOf('=');
    flags.push(eq < 0 ? [word.slice(2), null] : [word.slice(2, eq), word.slice(eq + 1)]);
  }
  return { flags, rest: line.slice(i) };
}

/**
 * Docker's split of COPY, ADD, VOLUME and EXPOSE arguments: at every run of blanks, quoted or escaped (`a\ b` is
 * `a\` and `b`); each word is then read on its own.
 */
function blankWords(text: string): string[] {
  return text.split(/[\t\v\f\r ]+/).filter(Boolean);
}

/** Docker's split of a line into words: at whitespace outside quotes; quotes and escapes stay in the words. */
export function dockerWords(text: string, esc: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!inWord) {
      if (/\s/.test(c)) continue;
      inWord = true;
    }
    if (quote) {
      if (c === quote) quote = '';
      else if (c === esc && quote !== "'") {
        // An escape character at the very end is dropped.
        if (i + 1 === text.length) { quote = ''; continue; }
        word += c;
        i++;
        word += text[i];
        continue;
      }
      word += c;
      continue;
    }
    if (/\s/.test(c)) {
      if (quoted || word) words.push(word);
      word = '';
      inWord = false;
      quoted = false;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      quoted = true;
    } else if (c === esc) {
      if (i + 1 === text.length) continue;
      word += c;
      i++;
      word += text[i];
      continue;
    }
    word += c;
  }
  if (inWord && (quoted || word)) words.push(word);
  return words;
}

/**
 * A word's value as Docker's shell lexer reads it: quotes removed, the escape character applied (outside quotes
 * to any character; inside double quotes to `"`, `$` and itself), variable references kept as written but marked.
 */
export function dockerValue(word: string, esc: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === "'") {
      const close = word.indexOf("'", i + 1);
      out += close < 0 ? word.slice(i + 1) : word.slice(i + 1, close);
      i = close < 0 ? word.length : close + 1;
    } else if (c === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        const d = word[i];
        if (d === esc && i + 1 < word.length && (word[i + 1] === '"' || word[i + 1] === '$' || word[i + 1] === esc)) {
          out += word[i + 1];
          i += 2;
        } else if (d === '$') {
          const end = expansionEnd(word, i);
          out += end > i + 1 ? EXPANSION + word.slice(i, end) + EXPANSION : '$';
          i = Math.max(end, i + 1);
        } else {
          out += d;
          i++;
        }
      }
      i++;
    } else if (c === esc) {
      if (i + 1 < word.length) out += word[i + 1];
      i += 2;
    } else if (c === '$') {
      const end = expansionEnd(word, i);
      out += end > i + 1 ? EXPANSION + word.slice(i, end) + EXPANSION : '$';
      i = Math.max(end, i + 1);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** End of the variable reference at `start` (a `$`): `$NAME` or `${…}` with nested braces; `start + 1` when there is none. */
function expansionEnd(text: string, start: number): number {
  if (text[start + 1] === '{') {
    let depth = 0;
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start + 1;
  while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
  return i;
}

/** ENV and LABEL: `name=value …`, or the legacy `name value` whose value is the rest of the line. */
function nameValuePairs(rest: string, esc: string): Array<[string, string | null]> {
  const words = dockerWords(rest, esc);
  if (!words.length) return [];
  if (!words[0].includes('=')) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(rest);
    return m ? [[dockerValue(m[1], esc), dockerValue(m[2], esc)]] : [[dockerValue(rest, esc), null]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [dockerValue(w, esc), null] : [dockerValue(w.slice(0, eq), esc), dockerValue(w.slice(eq + 1), esc)];
  });
}

/** The strings of a JSON array of strings (exec form), else undefined: Docker then reads the text as shell form. */
function jsonArray(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shell scripts.

const scriptCache = new Map<string, ScriptMeaning>();
const SCRIPT_CACHE_LIMIT = 2000;

// Nodes whose text is their meaning: quoted strings keep every character, heredoc bodies are text with expansions.
const VERBATIM = new Set(['string', 'raw_string', 'ansi_c_string', 'translated_string', 'heredoc_body']);

/** A script's top-level steps and operators, each step a tree without positions, whitespace or comments. */
export function scriptMeaning(text: string, depth = 0): ScriptMeaning {
  const cached = scriptCache.get(text);
  if (cached) return cached;
  let meaning: ScriptMeaning;
  try {
    meaning = readShellTree(text, (root) => topLevel(root, text, depth));
  } catch {
    // Too deep to walk (thousands of nested constructs): its text stands for it.
    meaning = { steps: [text.trim()], ops: [] };
  }
  if (scriptCache.size >= SCRIPT_CACHE_LIMIT) scriptCache.clear();
  scriptCache.set(text, meaning);
  return meaning;
}

function topLevel(root: Node, text: string, depth: number): ScriptMeaning {
  const steps: ShellTree[] = [];
  const ops: string[] = [];
  let pending: string | undefined;
  const step = (tree: ShellTree) => {
    if (steps.length) ops.push(pending ?? ';');
    steps.push(tree);
    pending = undefined;
  };
  for (let i = 0; i < root.childCount; i++) {
    const node = root.child(i)!;
    if (node.type === 'comment') continue;
    if (!node.isNamed) {
      // `;` and `&` end a statement; a line break between statements is not a node.
      if (node.type === '&') pending = '&';
      else if (node.type === ';') pending = pending ?? ';';
      else step(node.type);
      continue;
    }
    const tree = toTree(node, text, depth);
    if (tree === undefined) continue;
    // An `&&`/`||` list groups to the left: open up its left operands, in order.
    const right: Array<[string, ShellTree]> = [];
    let left = tree;
    while (Array.isArray(left) && left[0] === 'list' && left.length === 4 && typeof left[2] === 'string') {
      right.push([left[2], left[3]]);
      left = left[1];
    }
    step(left);
    for (let k = right.length - 1; k >= 0; k--) {
      pending = right[k][0];
      step(right[k][1]);
    }
  }
  if (pending === '&') ops.push('&');
  return { steps, ops };
}

/**
 * `&&` and `||` group to the left. A list as the right operand of another comes from a pipeline turned back out
 * (below): `a && b | c && d` is `(a && (b | c)) && d`.
 */
function leftAssociated(list: ShellTree[]): ShellTree[] {
  const right = list[3];
  if (list.length !== 4 || !Array.isArray(right) || right[0] !== 'list' || right.length !== 4) return list;
  return ['list', leftAssociated(['list', list[1], list[2], right[1]]), right[2], right[3]];
}

/**
 * tree-sitter-bash reads `a && b > f` as `(a && b) > f`; the shell redirects `b` only. The redirection goes back
 * onto the list's last operand.
 */
function redirectLast(statement: ShellTree[]): ShellTree[] {
  const body = statement[1];
  if (!Array.isArray(body) || body[0] !== 'list' || body.length !== 4) return statement;
  return leftAssociated(['list', body[1], body[2], redirectLast(['redirected_statement', body[3], ...statement.slice(2)])]);
}

/**
 * tree-sitter-bash reads `a | b | c && d` as `a | ((b | c) && d)`; the shell runs `(a | b | c) && d` (a pipeline
 * binds tighter than `&&` and `||`). The list at the end of a pipeline is turned back out.
 */
function pipelineFirst(pipeline: ShellTree[]): ShellTree[] {
  const last = pipeline[pipeline.length - 1];
  if (!Array.isArray(last) || last[0] !== 'list' || last.length !== 4) return pipeline;
  const head = pipeline.slice(0, -1);
  const left = last[1];
  const joined = Array.isArray(left) && left[0] === 'pipeline' ? [...head, ...left.slice(1)] : [...head, left];
  return leftAssociated(['list', pipelineFirst(joined), last[2], last[3]]);
}

function toTree(node: Node, text: string, depth: number): ShellTree | undefined {
  const type = node.type;
  if (type === 'comment') return undefined;
  if (node.childCount === 0 || VERBATIM.has(type)) return node.text;
  const out: ShellTree[] = [type];
  let pos = node.startIndex;
  // Text between children that is not blank (or a line continuation) is part of the meaning too: kept as a token.
  const gap = (from: number, to: number) => {
    const between = text.slice(from, to).replace(/\\\r?\n/g, '').trim();
    if (between) out.push(between);
  };
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)!;
    gap(pos, child.startIndex);
    pos = child.endIndex;
    const tree = toTree(child, text, depth);
    if (tree !== undefined) out.push(tree);
  }
  gap(pos, node.endIndex);
  if (type === 'list') return leftAssociated(out);
  if (type === 'pipeline') return pipelineFirst(out);
  if (type === 'redirected_statement') return redirectLast(out);
  return type === 'command' && depth < 3 ? withNestedScript(out, depth) : out;
}

/** `sh -c '…'`: the script string is read as the script it is. */
function withNestedScript(command: ShellTree[], depth: number): ShellTree[] {
  const nameAt = command.findIndex((c) => Array.isArray(c) && c[0] === 'command_name');
  const name = nameAt < 0 ? undefined : commandName(command);
  if (name === undefined) return command;
  const args = command.slice(nameAt + 1);
  if (!invokedShell(name, args.map((a) => ({ value: literal(a) ?? '' })))) return command;
  const flag = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(literal(a) ?? ''));
  const script = flag < 0 ? undefined : args[flag + 1];
  if (typeof script !== 'string' || !/^(['"])[\s\S]*\1$/.test(script) || (script[0] === '"' && /[$`]/.test(script))) return command;
  const inner = literal(script)!;
  const meaning = scriptMeaning(inner, depth + 1);
  const out = command.slice();
  out[nameAt + 1 + flag + 1] = ['script', ['steps', ...meaning.steps], ['ops', ...meaning.ops]];
  return out;
}

/** The value of a plain word, single- or double-quoted string (without expansions); undefined for anything else. */
function literal(tree: ShellTree): string | undefined {
  if (typeof tree !== 'string') return undefined;
  if (/^'[^']*'$/.test(tree)) return tree.slice(1, -1);
  if (/^"[\s\S]*"$/.test(tree)) return /[$`]/.test(tree) ? undefined : tree.slice(1, -1).replace(/\\([\\"$`\n])/g, '$1');
  if (/[$`'"]/.test(tree)) return undefined;
  return tree.replace(/\\(.)/g, '$1');
}

/** The name a `command` tree calls, when it is a plain word. */
function commandName(command: ShellTree[]): string | undefined {
  const name = command.find((c) => Array.isArray(c) && c[0] === 'command_name') as ShellTree[] | undefined;
  return name && name.length === 2 ? literal(name[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing meanings.

/** Rewrites every `command` tree in a meaning (scripts, heredoc scripts, nested `sh -c` scripts, ONBUILD triggers). */
function mapCommands(m: InstructionMeaning, f: (command: ShellTree[]) => ShellTree[]): InstructionMeaning {
  const tree = (t: ShellTree): ShellTree => {
    if (typeof t === 'string') return t;
    const mapped = t.map((c, i) => (i === 0 ? c : tree(c)));
    return mapped[0] === 'command' ? f(mapped) : mapped;
  };
  const script = (s: ScriptMeaning): ScriptMeaning => ({ steps: s.steps.map(tree), ops: s.ops });
  return {
    ...m,
    ...(m.script ? { script: script(m.script) } : {}),
    ...(m.heredocs ? { heredocs: m.heredocs.map((h) => (h.script ? { ...h, script: script(h.script) } : h)) } : {}),
    ...(m.trigger ? { trigger: mapCommands(m.trigger, f) } : {}),
  };
}

/** Applies the changes that are the same everywhere (added words, a renamed command) to a meaning, so both sides compare equal when only they differ. */
function normalized(m: InstructionMeaning, changes: readonly MeaningChange[]): InstructionMeaning {
  let out = m;
  for (const c of changes) {
    if (c.kind === 'adds-arguments') {
      // Text for a shell Dockwise does not parse (cmd, PowerShell): the added words are dropped wherever they follow the command's name.
      const dropAdded = (text: string) => {
        const words = text.split(/\s+/).filter(Boolean);
        const at = words.findIndex((w) => programName(w.replace(/^["']+/, '')) === programName(c.command));
        return at < 0 ? text : words.filter((w, i) => i <= at || !c.args.includes(w)).join(' ');
      };
      if (out.text !== undefined) out = { ...out, text: dropAdded(out.text) };
      if (out.heredocs?.some((h) => h.body !== undefined)) out = { ...out, heredocs: out.heredocs.map((h) => (h.body !== undefined ? { ...h, body: dropAdded(h.body) } : h)) };
      if (out.trigger) out = { ...out, trigger: normalized(out.trigger, [c]) };
      out = mapCommands(out, (cmd) => {
        const name = commandName(cmd);
        if (name === undefined || programName(name) !== programName(c.command)) return cmd;
        const nameAt = cmd.findIndex((x) => Array.isArray(x) && x[0] === 'command_name');
        return cmd.filter((x, i) => i <= nameAt || !c.args.includes(literal(x) ?? '\u0000'));
      });
    } else if (c.kind === 'removes-command') {
      const gone = JSON.stringify(scriptMeaning(c.command).steps[0]);
      const without = (sm: ScriptMeaning): ScriptMeaning => {
        const steps = [...sm.steps];
        const ops = [...sm.ops];
        for (let i = steps.length - 1; i >= 0; i--) {
          if (JSON.stringify(steps[i]) !== gone || steps.length === 1) continue;
          // The operator after the step goes with it; after the last step, the one before it.
          ops.splice(i < ops.length ? i : i - 1, 1);
          steps.splice(i, 1);
        }
        return { steps, ops };
      };
      // Inside compound commands (`if …; then apk update && apk add …; fi`): out of a `list`, with its operator.
      const inner = (t: ShellTree): ShellTree => {
        if (typeof t === 'string') return t;
        let kids = t.slice(1).map(inner);
        if (t[0] === 'list') {
          const at = kids.findIndex((k) => JSON.stringify(k) === gone);
          if (at >= 0 && kids.length === 3) return at === 0 ? kids[2] : kids[0];
          if (at >= 0) kids = kids.filter((_, i) => i !== at && i !== (at === 0 ? 1 : at - 1));
        }
        return [t[0], ...kids];
      };
      const withoutInside = (sm: ScriptMeaning): ScriptMeaning => { const w = without(sm); return { steps: w.steps.map(inner), ops: w.ops }; };
      out = {
        ...out,
        ...(out.script ? { script: withoutInside(out.script) } : {}),
        ...(out.heredocs ? { heredocs: out.heredocs.map((h) => (h.script ? { ...h, script: withoutInside(h.script) } : h)) } : {}),
      };
    } else if (c.kind === 'names-stage') {
      // The name and the number are the same stage: references by name read as the number, and the FROM loses the name.
      const name = c.name.toLowerCase();
      const ref = (v: string) => (v.toLowerCase() === name ? String(c.index) : v);
      const flags = out.flags.map((f) => {
        if (f.startsWith('from=')) return `from=${ref(f.slice(5))}`;
        if (f.startsWith('mount=')) return `mount=${f.slice(6).split(',').map((kv) => (kv.startsWith('from=') ? `from=${ref(kv.slice(5))}` : kv)).join(',')}`;
        return f;
      });
      out = { ...out, flags };
      if (out.keyword === 'FROM' && out.args?.length === 3 && out.args[1] === 'AS' && out.args[2] === name) out = { ...out, args: out.args.slice(0, 1) };
      if (out.trigger) out = { ...out, trigger: normalized(out.trigger, [c]) };
    } else if (c.kind === 'sorts-arguments') {
      // The same words in any order: both sides put them in one order (of their serialized trees).
      out = mapCommands(out, (cmd) => {
        const name = commandName(cmd);
        if (name === undefined || programName(name) !== programName(c.command)) return cmd;
        const nameAt = cmd.findIndex((x) => Array.isArray(x) && x[0] === 'command_name');
        const args = cmd.slice(nameAt + 1).map((x) => [JSON.stringify(x), x] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map((x) => x[1]);
        return [...cmd.slice(0, nameAt + 1), ...args];
      });
    } else if (c.kind === 'renames-command') {
      out = mapCommands(out, (cmd) => {
        const name = commandName(cmd);
        if (name === undefined || programName(name) !== c.from || !name.endsWith(c.from)) return cmd;
        return cmd.map((x) => (Array.isArray(x) && x[0] === 'command_name' ? ['command_name', name.slice(0, name.length - c.from.length) + c.to] : x));
      });
    }
  }
  return out;
}

const key = (m: InstructionMeaning) => JSON.stringify(m);

/**
 * Why the change from `before` to `after` is more than `changes` declare, or undefined when it is exactly that
 * (or less). Each run of instructions that differ must be explained by one declared change.
 */
export function unexplainedChange(before: Meaning, after: Meaning, changes: readonly MeaningChange[] = []): string | undefined {
  if (JSON.stringify(before.directives) !== JSON.stringify(after.directives)) return 'the parser directives changed';
  const b = before.instructions.map((m) => normalized(m, changes));
  const a = after.instructions.map((m) => normalized(m, changes));
  const declared = changes.length ? [...new Set(changes.map((c) => c.kind))].join(', ') : 'no change';
  for (const h of differingRuns(b.map(key), a.map(key))) {
    const removed = b.slice(h.b, h.bEnd);
    const added = a.slice(h.a, h.aEnd);
    if (changes.some((c) => explains(c, removed, added, b, h.b))) continue;
    const where = h.b < before.lines.length ? `line ${before.lines[h.b]}` : 'the end';
    const list = (ms: InstructionMeaning[]) => (ms.length ? ms.map((m) => m.keyword).join(', ') : 'nothing');
    return `at ${where}, ${list(removed)} became ${list(added)} in a way that is not ${declared}`;
  }
  return undefined;
}

interface Run { b: number; bEnd: number; a: number; aEnd: number }

// Above this many cells the alignment is one run from the first difference to the last.
const ALIGN_LIMIT = 4_000_000;

/**
 * The runs of instructions that differ between two lists of keys: a longest common subsequence, with an
 * instruction removed as early as it can be (of two equal CMDs, the first is the one that went).
 */
function differingRuns(b: string[], a: string[]): Run[] {
  let start = 0;
  let bEnd = b.length;
  let aEnd = a.length;
  while (bEnd > 0 && aEnd > 0 && b[bEnd - 1] === a[aEnd - 1]) { bEnd--; aEnd--; }
  while (start < bEnd && start < aEnd && b[start] === a[start]) start++;
  if (start === bEnd && start === aEnd) return [];
  const n = bEnd - start;
  const m = aEnd - start;
  if (n * m > ALIGN_LIMIT) return [{ b: start, bEnd, a: start, aEnd }];
  // lcs[i][j]: the longest common subsequence of b[start+i..bEnd) and a[start+j..aEnd).
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = b[start + i] === a[start + j] ? lcs[at(i + 1, j + 1)] + 1 : Math.max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
  }
  const runs: Run[] = [];
  let open: Run | undefined;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = lcs[at(i, j)];
    if (i < n && lcs[at(i + 1, j)] === here) {
      open ??= { b: start + i, bEnd: start + i, a: start + j, aEnd: start + j };
      open.bEnd = start + ++i;
    } else if (j < m && lcs[at(i, j + 1)] === here) {
      open ??= { b: start + i, bEnd: start + i, a: start + j, aEnd: start + j };
      open.aEnd = start + ++j;
    } else {
      if (open) runs.push(open);
      open = undefined;
      i++;
      j++;
    }
  }
  if (open) runs.push(open);
  return runs;
}

function explains(c: MeaningChange, removed: InstructionMeaning[], added: InstructionMeaning[], before: InstructionMeaning[], at: number): boolean {
  switch (c.kind) {
    case 'appends-command':
      return removed.length === 1 && added.length === 1 && appendsCommand(removed[0], added[0], c.command);
    case 'merges-runs':
      return removed.length >= 2 && added.length === 1 && mergesRuns(removed, added[0]);
    case 'replaces-instruction':
      return removed.length === 1 && added.length === 1 && replacesInstruction(removed[0], added[0], c.from, c.to);
    case 'exec-form':
      return removed.length === 1 && added.length === 1 && execForm(removed[0], added[0], before, at);
    case 'removes-overridden':
      return removed.length > 0 && added.length === 0 && removed.every((_, k) => overridden(before, at + k, at + removed.length));
    case 'pins-digest':
      return removed.length > 0 && removed.length === added.length && removed.every((m, k) => pinsDigest(m, added[k]));
    default:
      // Normalized away above: any difference left is more than they say.
      return false;
  }
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** `after` is the FROM `before` with `@algorithm:hex` added to an image that had no digest, everything else equal. */
function pinsDigest(before: InstructionMeaning, after: InstructionMeaning): boolean {
  if (before.keyword !== 'FROM' || after.keyword !== 'FROM' || !before.args?.length || !after.args?.length) return false;
  const image = before.args[0];
  const pinned = after.args[0];
  if (image.includes('@') || !pinned.startsWith(`${image}@`) || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-f]{32,}$/.test(pinned.slice(image.length + 1))) return false;
  return same({ ...before, args: before.args.slice(1) }, { ...after, args: after.args.slice(1) });
}

/** `after` is `before` with `command` run at the end when the rest succeeded (the same in an ONBUILD trigger). */
function appendsCommand(before: InstructionMeaning, after: InstructionMeaning, command: string): boolean {
  if (before.trigger && after.trigger) return same({ ...before, trigger: 0 }, { ...after, trigger: 0 }) && appendsCommand(before.trigger, after.trigger, command);
  if (before.keyword !== 'RUN' || !same({ ...before, script: 0, heredocs: 0 }, { ...after, script: 0, heredocs: 0 })) return false;
  const appended = scriptMeaning(command);
  const bh = before.heredocs ?? [];
  const ah = after.heredocs ?? [];
  if (!bh.length) return !ah.length && !!before.script && !!after.script && appendedTo(before.script, after.script, appended, false);
  // Into the last heredoc script: a new last line, which keeps a failure failing only when the script stops at the first one.
  if (!same(before.script, after.script) || bh.length !== ah.length) return false;
  const last = bh.length - 1;
  const bs = bh[last].script;
  const as = ah[last].script;
  return same(bh.slice(0, last), ah.slice(0, last)) && !!bs && !!as && bh[last].name === ah[last].name
    && bh[last].errexit === ah[last].errexit && appendedTo(bs, as, appended, !!bh[last].errexit);
}

function appendedTo(before: ScriptMeaning, after: ScriptMeaning, appended: ScriptMeaning, errexit: boolean): boolean {
  // A trailing `&` would put the appended command in the background of nothing.
  if (!before.steps.length || before.ops.length === before.steps.length) return false;
  const n = before.steps.length;
  const joint = after.ops[n - 1];
  return same(after.steps, [...before.steps, ...appended.steps])
    && same(after.ops, [...before.ops, joint, ...appended.ops])
    && (joint === '&&' || (errexit && joint === ';'));
}

/** `after` runs the RUNs of `removed` one after the other, each part only when the ones before it succeeded. */
function mergesRuns(removed: InstructionMeaning[], after: InstructionMeaning): boolean {
  const first = removed[0];
  if (!removed.every((r) => r.keyword === 'RUN' && !r.heredocs && !r.exec && same(r.flags, first.flags) && same(r.shell, first.shell))) return false;
  if (after.keyword !== 'RUN' || after.heredocs || !same(after.flags, first.flags) || !same(after.shell, first.shell)) return false;
  // A later part must fail the RUN whenever it failed before: `&&` only inside it, no background job at the end of an earlier one.
  for (const [i, r] of removed.entries()) {
    if (i > 0 && r.script && r.script.ops.some((op) => op !== '&&')) return false;
    if (i < removed.length - 1 && r.script && (r.script.ops.length === r.script.steps.length || r.script.steps.some(changesShellState))) return false;
  }
  if (first.script) {
    if (!removed.every((r) => r.script && r.script.steps.length) || !after.script) return false;
    const steps = removed.flatMap((r) => r.script!.steps);
    const ops = removed.flatMap((r, i) => (i === 0 ? r.script!.ops : ['&&', ...r.script!.ops]));
    return same(after.script.steps, steps) && same(after.script.ops, ops);
  }
  // Another shell: its own "and then" operator between the command texts.
  const andThen = first.shell && shellFacts(first.shell).andThen;
  if (!andThen || !removed.every((r) => r.text !== undefined) || after.text === undefined) return false;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  return squash(after.text) === squash(removed.map((r) => r.text).join(` ${andThen} `));
}

/** A POSIX shell script that leaves state behind for commands joined after it, or ends the shell (see changesShellState). */
export function scriptLeavesState(text: string): boolean {
  return scriptMeaning(text).steps.some(changesShellState);
}

// These run in a shell of their own: what they change does not outlive them.
const OWN_SHELL = new Set(['subshell', 'command_substitution', 'process_substitution', 'pipeline']);
// Builtins that end the shell: nothing joined after them runs.
const ENDS_SHELL = ['exit', 'logout'];

/**
 * A step that leaves state behind in its shell (a directory, variables, options, functions…) or ends it: commands
 * joined after it would run differently. A command whose name is not a plain word could be any of these.
 */
function changesShellState(step: ShellTree): boolean {
  const stack: ShellTree[] = [step];
  while (stack.length) {
    const t = stack.pop()!;
    if (typeof t === 'string' || OWN_SHELL.has(t[0] as string)) continue;
    const type = t[0];
    if (type === 'variable_assignment' || type === 'variable_assignments' || type === 'declaration_command' || type === 'unset_command' || type === 'function_definition') return true;
    if (type === 'command') {
      const name = commandName(t);
      if (name === undefined || STATE_CHANGING_BUILTINS.includes(name) || ENDS_SHELL.includes(name)) return true;
      // `X=1 cmd` sets X for cmd only: not state.
      for (let i = 1; i < t.length; i++) if (!(Array.isArray(t[i]) && (t[i] as ShellTree[])[0] === 'variable_assignment')) stack.push(t[i]);
      continue;
    }
    for (let i = 1; i < t.length; i++) stack.push(t[i]);
  }
  return false;
}

function replacesInstruction(before: InstructionMeaning, after: InstructionMeaning, from: string, to: string): boolean {
  if (before.trigger && after.trigger) return same({ ...before, trigger: 0 }, { ...after, trigger: 0 }) && replacesInstruction(before.trigger, after.trigger, from, to);
  if (before.keyword !== from || after.keyword !== to) return false;
  if (from === 'ADD' && to === 'COPY') return same({ ...before, keyword: to }, after);
  // MAINTAINER sets the image's author to its text as written; the label carries the same text. Double quotes
  // around all of it are how writers delimit a name: Docker keeps them, the label may leave them out.
  if (from === 'MAINTAINER' && to === 'LABEL') {
    const text = before.args?.[0] ?? '';
    const texts = /^"[^"]*"$/.test(text) ? [text, text.slice(1, -1)] : [text];
    return !before.flags.length && !after.flags.length && texts.some((t) => same(after.pairs, [['org.opencontainers.image.authors', t]]));
  }
  return false;
}

/** `after` is the exec form of a shell-form CMD or ENTRYPOINT that is one plain command: the same words, no shell between. */
function execForm(before: InstructionMeaning, after: InstructionMeaning, list: InstructionMeaning[], at: number): boolean {
  if (before.keyword !== after.keyword || !['CMD', 'ENTRYPOINT'].includes(before.keyword) || !same(before.flags, after.flags)) return false;
  if (!before.script || !after.exec || before.script.steps.length !== 1 || before.script.ops.length) return false;
  const cmd = before.script.steps[0];
  if (!Array.isArray(cmd) || cmd[0] !== 'command' || !Array.isArray(cmd[1]) || cmd[1][0] !== 'command_name' || cmd[1].length !== 2) return false;
  let shellWords = [cmd[1][1], ...cmd.slice(2)];
  // A leading `exec` only replaces the shell with the program: without a shell the program is what runs.
  if (shellWords[0] === 'exec' && shellWords.length > 1 && !(typeof shellWords[1] === 'string' && shellWords[1].startsWith('-'))) shellWords = shellWords.slice(1);
  const words: string[] = [];
  for (const w of shellWords) {
    // A word the shell would expand (globs, `~`, braces) is not the same word without a shell.
    const value = typeof w === 'string' && (/^['"]/.test(w) || !/[*?[\]{}~]/.test(w)) ? literal(w) : undefined;
    if (value === undefined) return false;
    words.push(value);
  }
  if (!same(words, after.exec)) return false;
  // A CMD under an ENTRYPOINT is its arguments: `/bin/sh -c "…"` and the words are different arguments. An
  // exec-form ENTRYPOINT receives the stage's CMD, which a shell-form one ignores.
  // The CMD is the same words to no entrypoint, to `ENTRYPOINT []` and to a shell-form ENTRYPOINT, which ignores it.
  if (before.keyword === 'CMD') {
    for (const { start, end } of stageChain(list, at)) {
      const entrypoint = list.slice(start, end).filter((m) => m.keyword === 'ENTRYPOINT').pop();
      if (entrypoint) return (entrypoint.exec !== undefined && entrypoint.exec.length === 0) || entrypoint.exec === undefined;
    }
    return true;
  }
  const { start, end } = stageBounds(list, at);
  return !list.slice(start, end).some((m) => m.keyword === 'CMD');
}

/** Index of the FROM that starts the stage holding instruction `at`, and of the next FROM (or the end). */
function stageBounds(list: InstructionMeaning[], at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && list[start].keyword !== 'FROM') start--;
  let end = at + 1;
  while (end < list.length && list[end].keyword !== 'FROM') end++;
  return { start, end };
}

/** The stage holding `at` and the stages it is built FROM, as index ranges. */
function stageChain(list: InstructionMeaning[], at: number): Array<{ start: number; end: number }> {
  const chain = [stageBounds(list, at)];
  for (;;) {
    const from = list[chain[chain.length - 1].start];
    const base = from.keyword === 'FROM' ? from.args?.[0] : undefined;
    let parent = -1;
    for (let i = chain[chain.length - 1].start - 1; i >= 0 && base !== undefined; i--) if (list[i].keyword === 'FROM' && list[i].args?.[2] === base) { parent = i; break; }
    if (parent < 0) return chain;
    chain.push(stageBounds(list, parent));
  }
}

/** The instruction at `at` is a CMD, ENTRYPOINT or HEALTHCHECK that a later one in its stage, from `kept` on, overrides. */
function overridden(list: InstructionMeaning[], at: number, kept: number): boolean {
  const keyword = list[at].keyword;
  if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) return false;
  const { end } = stageBounds(list, at);
  return list.slice(kept, end).some((m) => m.keyword === keyword);
}
