// What Docker itself would reject: the checks behind the invalid-syntax and instruction-before-from rules,
// and the yardstick the fix engine uses to refuse a fix that breaks a file. Also which instructions do not
// parse at all (unknown keywords, a template's text): the engine lets no other rule report on those.
import { fromWords, type DockerfileModel, type Instr } from './dockerfile';
import type { MessageData } from '../messages';
import { flagSpec } from './instruction-flags';

/** How each problem Docker rejects is worded, by id: invalid-syntax declares these among its messages. */
export const SYNTAX_MESSAGES = {
  notOnbuildTrigger: '{keyword} is not allowed as an ONBUILD trigger',
  unknownInstruction: 'Unknown instruction {instruction}',
  needsArgument: '{keyword} requires at least one argument',
  unknownFlag: 'Unknown flag --{flag} for {keyword}',
  flagNeedsValue: 'Flag --{flag} needs a value',
  fromNeedsImage: 'FROM requires an image',
  fromWords: 'FROM takes an image and optionally "AS name"',
  expectedAs: 'Expected AS, found {word}',
  needsSourceAndDestination: '{keyword} requires a source and a destination',
  envWithoutValue: 'ENV {name} has no value',
  healthcheckNoneArguments: 'HEALTHCHECK NONE takes no arguments',
  healthcheckKind: 'HEALTHCHECK expects CMD or NONE',
  heredocUnterminated: 'Heredoc {name} is never terminated',
  textAfterContinuation: 'Text after the line-continuation character ends the instruction here: the next line becomes an instruction of its own',
} as const;

/** How the instruction-order problems are worded, by id: instruction-before-from declares these among its messages. */
export const ORDER_MESSAGES = {
  beforeFrom: '{keyword} comes before the first FROM; only ARG may precede FROM',
  noFrom: 'The Dockerfile has no FROM instruction, so there is no stage to build',
} as const;

export interface SyntaxProblem {
  kind: 'syntax' | 'order';
  start: number;
  end: number;
  /** Its wording: an id of SYNTAX_MESSAGES (kind `syntax`) or ORDER_MESSAGES (kind `order`), with the data. */
  messageId: keyof typeof SYNTAX_MESSAGES | keyof typeof ORDER_MESSAGES;
  data?: MessageData;
  /**
   * Set when the lines after `instr` may be read as instructions of their own because of this problem: an
   * unknown instruction (pasted shell lines, template text: the next line is often unknown too) or text after
   * a line-continuation character. invalid-syntax reports such a cascade once.
   */
  cascade?: { instr: Instr; unknown: boolean };
}

export const INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

const cache = new WeakMap<DockerfileModel, SyntaxProblem[]>();

/** Computed once per model: two rules and the fix engine all ask. */
export function syntaxProblems(model: DockerfileModel): SyntaxProblem[] {
  let problems = cache.get(model);
  if (!problems) {
    problems = computeProblems(model);
    cache.set(model, problems);
  }
  return problems;
}

function computeProblems(model: DockerfileModel): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  let seenFrom = false;
  for (const instr of model.instructions) {
    if (instr.keyword === 'FROM') seenFrom = true;
    else if (!seenFrom && instr.keyword !== 'ARG' && INSTRUCTIONS.has(instr.keyword)) {
      problems.push({ kind: 'order', start: instr.keywordStart, end: instr.keywordEnd, messageId: 'beforeFrom', data: { keyword: instr.keyword } });
    }
    checkInstruction(model, instr, problems);
    if (instr.trigger) {
      const t = instr.trigger;
      if (['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.keyword)) {
        problems.push({ kind: 'syntax', start: t.keywordStart, end: t.keywordEnd, messageId: 'notOnbuildTrigger', data: { keyword: t.keyword } });
      } else checkInstruction(model, t, problems);
    }
  }
  // finalStage rather than seenFrom: a language server view of the header alone must not conclude there is no FROM.
  // Unknown instructions are left out: what they are is invalid-syntax's report, and other rules say nothing about them.
  const first = model.finalStage ? undefined : model.instructions.find((i) => i.keyword !== 'ARG' && INSTRUCTIONS.has(i.keyword));
  if (first) {
    problems.push({ kind: 'order', start: first.keywordStart, end: first.keywordEnd, messageId: 'noFrom' });
  }
  problems.push(...brokenContinuations(model));
  return problems.sort((a, b) => a.start - b.start);
}

function checkInstruction(model: DockerfileModel, instr: Instr, out: SyntaxProblem[]): void {
  const kw = instr.keyword;
  const at = { start: instr.keywordStart, end: instr.keywordEnd };
  const raw = model.text.slice(instr.keywordStart, instr.keywordEnd);
  if (!INSTRUCTIONS.has(kw)) {
    out.push({ kind: 'syntax', ...at, messageId: 'unknownInstruction', data: { instruction: raw }, ...(instr.onbuild ? {} : { cascade: { instr, unknown: true } }) });
    return;
  }
  const { heredocs } = instr;
  if (instr.args.length === 0 && instr.flags.length === 0) {
    out.push({ kind: 'syntax', ...at, messageId: 'needsArgument', data: { keyword: kw } });
    return;
  }
  for (const flag of instr.flags) {
    const spec = flagSpec(kw, flag.name);
    if (!spec) {
      out.push({ kind: 'syntax', start: flag.start, end: flag.end, messageId: 'unknownFlag', data: { flag: flag.name, keyword: kw } });
    } else if (!spec.switch && !flag.value) {
      out.push({ kind: 'syntax', start: flag.start, end: flag.end, messageId: 'flagNeedsValue', data: { flag: flag.name } });
    }
  }
  const n = instr.args.length;
  switch (kw) {
    case 'FROM':
      if (n === 0) out.push({ kind: 'syntax', ...at, messageId: 'fromNeedsImage' });
      else if (n === 2 || n > 3) out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[n - 1].end, messageId: 'fromWords' });
      // BuildKit's words, as written (`\as` and `as\` are no AS).
      else if (n === 3 && !instr.alias) {
        const words = fromWords(model, instr);
        out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[1].end, ...(words.length === 3 ? { messageId: 'expectedAs', data: { word: words[1] } } : { messageId: 'fromWords' }) });
      }
      break;
    case 'COPY':
    case 'ADD':
      if (n < 2 && heredocs.length === 0) out.push({ kind: 'syntax', ...at, messageId: 'needsSourceAndDestination', data: { keyword: kw } });
      break;
    case 'ENV': {
      for (const p of instr.props) {
        if (p.value === null && !p.assignment) out.push({ kind: 'syntax', start: p.nameStart, end: p.nameEnd, messageId: 'envWithoutValue', data: { name: p.name } });
      }
      break;
    }
    case 'HEALTHCHECK':
      if (instr.args[0]?.value.toUpperCase() === 'NONE' && n > 1) out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[n - 1].end, messageId: 'healthcheckNoneArguments' });
      else if (instr.args[0] && !['NONE', 'CMD'].includes(instr.args[0].value.toUpperCase())) out.push({ kind: 'syntax', start: instr.args[0].start, end: instr.args[0].end, messageId: 'healthcheckKind' });
      break;
  }
  if (instr.run) {
    for (const h of instr.run.heredocs) {
      if (!h.terminated) out.push({ kind: 'syntax', ...at, messageId: 'heredocUnterminated', data: { name: h.name } });
    }
  }
}

/**
 * `RUN a \ # comment`: text after the escape character means the line does not continue, so the next
 * line silently becomes an instruction of its own (usually an unknown one).
 */
function brokenContinuations(model: DockerfileModel): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const esc = model.escapeChar === '`' ? '`' : '\\\\';
  const re = new RegExp(`\\s(${esc})[ \\t]+#.*$`);
  model.instructions.forEach((instr) => {
    if (instr.run?.heredocs.length) return;
    const line = model.lines.lineText(instr.endLine);
    const m = re.exec(line);
    if (!m) return;
    // The next line starts an instruction (not blank, not a comment). Read from the text rather than from the
    // next instruction, which may belong to the next stage.
    if (instr.endLine + 1 >= model.lines.lineCount) return;
    const nextLine = model.lines.lineText(instr.endLine + 1).trim();
    if (nextLine === '' || nextLine.startsWith('#')) return;
    const lineStart = model.lines.lineStart(instr.endLine);
    const start = lineStart + m.index + 1;
    out.push({ kind: 'syntax', start, end: start + 1, messageId: 'textAfterContinuation', cascade: { instr, unknown: false } });
  });
  return out;
}

/** The rule that explains why an instruction does not parse: the only one that reports on it. */
export type ParseFailureOwner = 'invalid-syntax' | 'template-file';

/** A top-level instruction Docker cannot read as written, and the rule that says why. */
export interface Unparsed { instr: Instr; owner: ParseFailureOwner }

export interface ParseFailures {
  /**
   * The first placeholder that shows the file is a template (docker-library's jq `{{ … }}`, Jinja's `{% … %}`,
   * nginx's `%%NAME%%`, a devcontainer template's `${templateOption:…}`): a generator fills it in before Docker
   * reads the file. Undefined for a Dockerfile.
   */
  template?: { start: number; end: number; text: string; by: 'placeholder' | 'name' };
  /** In document order: instructions with an unknown keyword, and in a template every instruction that holds template text. */
  unparsed: Unparsed[];
}

const failures = new WeakMap<DockerfileModel, { fileName: string | undefined; found: ParseFailures }>();

/**
 * The instructions that do not parse, computed once per model. Takes the whole file's model (not a view of
 * one stage): whether a file is a template depends on all of it. `fileName`, the Dockerfile's name when it has
 * one: a `Dockerfile.template` is a template even where its placeholders look like shell (docker-node's
 * `"${NODE_KEYS[@]}"` lines, which a script replaces with several).
 */
export function parseFailures(model: DockerfileModel, fileName?: string): ParseFailures {
  let memo = failures.get(model);
  if (!memo || memo.fileName !== fileName) {
    memo = { fileName, found: computeFailures(model, fileName !== undefined && TEMPLATE_NAME.test(fileName)) };
    failures.set(model, memo);
  }
  return memo.found;
}

// The names templates go by: `Dockerfile.template`, `Dockerfile-alpine.template`, `Dockerfile.j2`.
const TEMPLATE_NAME = /\.(template|tmpl|tpl|j2|jinja2?)$/i;

// Placeholders no Dockerfile has outside a template: nginx's `%%NGINX_VERSION%%` (a shell's `${v%%pattern}` has
// no `%%` after its pattern), a devcontainer template's option.
const UNAMBIGUOUS_PLACEHOLDER = /%%[A-Z][A-Z0-9_]*%%|\$\{templateOption:[\w.-]*\}/g;
// Go, jq and Jinja templates. `{{` alone is not enough to call a file a template (`docker inspect -f '{{.Id}}'`
// in a RUN is shell text): it takes one where no instruction could have it, the keyword or a FROM line.
const TEMPLATE_OPENING = /\{\{|\{%|%%[A-Z][A-Z0-9_]*%%|\$\{templateOption:[\w.-]*\}/;

function computeFailures(model: DockerfileModel, namedTemplate: boolean): ParseFailures {
  const { instructions, text } = model;
  let template = templateMark(model);
  if (!template && namedTemplate) {
    // Named a template, with no placeholder we can tell from Dockerfile text: its unknown instructions are
    // what a placeholder left. A named template that parses is linted as it is, with no finding of its own.
    const first = instructions.find((i) => !INSTRUCTIONS.has(i.keyword) || (i.trigger !== undefined && !INSTRUCTIONS.has(i.trigger.keyword)));
    if (first) template = { start: first.keywordStart, end: first.keywordEnd, text: text.slice(first.keywordStart, first.keywordEnd), by: 'name' };
  }
  const spans = template?.by === 'placeholder' ? templateSpans(text) : [];
  const unparsed: Unparsed[] = [];
  let s = 0;
  for (let i = 0; i < instructions.length; i++) {
    const instr = instructions[i];
    const unknown = !INSTRUCTIONS.has(instr.keyword) || (instr.trigger !== undefined && !INSTRUCTIONS.has(instr.trigger.keyword));
    if (!template) {
      if (unknown) unparsed.push({ instr, owner: 'invalid-syntax' });
      continue;
    }
    while (s < spans.length && spans[s].end <= instr.start) s++;
    const inSpan = s < spans.length && spans[s].start < instr.end;
    // In a template, an unknown keyword is template text too: a line of a jq block, or what a placeholder that
    // stands for several lines leaves after it.
    if (unknown || inSpan || TEMPLATE_OPENING.test(text.slice(instr.start, instr.end))) unparsed.push({ instr, owner: 'template-file' });
  }
  return { template, unparsed };
}

/** The first placeholder that makes the file a template, if it is one. */
function templateMark(model: DockerfileModel): ParseFailures['template'] {
  const { instructions, text } = model;
  let mark: ParseFailures['template'];
  const consider = (start: number, end: number) => {
    if (!mark || start < mark.start) mark = { start, end, text: text.slice(start, end), by: 'placeholder' };
  };
  for (let i = 0; i < instructions.length; i++) {
    const instr = instructions[i];
    // Asked on every keystroke: a keyword that cannot open a placeholder is passed over without a new string.
    const c = text.charCodeAt(instr.keywordStart);
    const inKeyword = c === 0x7b || c === 0x25 || c === 0x24 ? TEMPLATE_OPENING.exec(text.slice(instr.keywordStart, instr.keywordEnd)) : null;
    if (inKeyword?.index === 0) { consider(instr.keywordStart, instr.keywordStart + inKeyword[0].length); break; }
    if (instr.keyword !== 'FROM') continue;
    const inFrom = TEMPLATE_OPENING.exec(text.slice(instr.keywordEnd, instr.end));
    if (inFrom) { consider(instr.keywordEnd + inFrom.index, instr.keywordEnd + inFrom.index + inFrom[0].length); break; }
  }
  UNAMBIGUOUS_PLACEHOLDER.lastIndex = 0;
  for (let m = UNAMBIGUOUS_PLACEHOLDER.exec(text); m && (!mark || m.index < mark.start); m = UNAMBIGUOUS_PLACEHOLDER.exec(text)) {
    // In an instruction, not in a comment.
    const line = model.lines.positionAt(m.index).line;
    if (model.commentOnLine(line) === undefined) { consider(m.index, m.index + m[0].length); break; }
  }
  return mark;
}

/**
 * The `{{ … }}` and `{% … %}` blocks of a template, which may run over several lines (a jq function, a table).
 * A `{{` block ends at the brace that closes its first one (jq's objects nest inside); braces are paired in
 * one pass, so a text of unclosed `{{` costs no more than any other. A block never closed ends with its line.
 */
function templateSpans(text: string): Array<{ start: number; end: number }> {
  const closing = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) open.push(i);
    else if (c === 0x7d && open.length) closing[open.pop()!] = i;
  }
  const spans: Array<{ start: number; end: number }> = [];
  const opening = /\{\{|\{%/g;
  // Once no `%}` follows a `{%`, none follows a later one either: looked for no more.
  let percentClosing = true;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const start = m.index;
    let end = -1;
    if (m[0] === '{%') {
      const close = percentClosing ? text.indexOf('%}', start + 2) : -1;
      if (close < 0) percentClosing = false;
      else end = close + 2;
    } else if (closing[start] >= 0) end = closing[start] + 1;
    if (end < 0) {
      const eol = text.indexOf('\n', start);
      end = eol < 0 ? text.length : eol;
    }
    spans.push({ start, end });
    opening.lastIndex = Math.max(end, start + 2);
  }
  return spans;
}
