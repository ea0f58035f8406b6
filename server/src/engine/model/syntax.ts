// What Docker itself would reject: the checks behind the invalid-syntax and instruction-before-from rules,
// and the yardstick the fix engine uses to refuse a fix that breaks a file.
import type { DockerfileModel, Instr } from './dockerfile';

export interface SyntaxProblem { kind: 'syntax' | 'order'; start: number; end: number; message: string }

export const INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

const KNOWN_FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  RUN: ['mount', 'network', 'security', 'device'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};
// Flags that are switches (`--link`) rather than `--name=value`.
const BOOLEAN_FLAGS = new Set(['link', 'parents', 'keep-git-dir', 'unpack']);

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
      problems.push({ kind: 'order', start: instr.keywordStart, end: instr.keywordEnd, message: `${instr.keyword} comes before the first FROM; only ARG may precede FROM` });
    }
    checkInstruction(model, instr, problems);
    if (instr.trigger) {
      const t = instr.trigger;
      if (['ONBUILD', 'FROM', 'MAINTAINER'].includes(t.keyword)) {
        problems.push({ kind: 'syntax', start: t.keywordStart, end: t.keywordEnd, message: `${t.keyword} is not allowed as an ONBUILD trigger` });
      } else checkInstruction(model, t, problems);
    }
  }
  // finalStage rather than seenFrom: a language server view of the header alone must not conclude there is no FROM.
  if (!model.finalStage && model.instructions.some((i) => i.keyword !== 'ARG')) {
    const first = model.instructions.find((i) => i.keyword !== 'ARG')!;
    problems.push({ kind: 'order', start: first.keywordStart, end: first.keywordEnd, message: 'The Dockerfile has no FROM instruction, so there is no stage to build' });
  }
  problems.push(...brokenContinuations(model));
  return problems.sort((a, b) => a.start - b.start);
}

function checkInstruction(model: DockerfileModel, instr: Instr, out: SyntaxProblem[]): void {
  const kw = instr.keyword;
  const at = { start: instr.keywordStart, end: instr.keywordEnd };
  const raw = model.text.slice(instr.keywordStart, instr.keywordEnd);
  if (!INSTRUCTIONS.has(kw)) {
    out.push({ kind: 'syntax', ...at, message: `Unknown instruction ${raw}` });
    return;
  }
  const { heredocs } = instr;
  if (instr.args.length === 0 && instr.flags.length === 0) {
    out.push({ kind: 'syntax', ...at, message: `${kw} requires at least one argument` });
    return;
  }
  for (const flag of instr.flags) {
    const known = KNOWN_FLAGS[kw];
    if (!known || !known.includes(flag.name)) {
      out.push({ kind: 'syntax', start: flag.start, end: flag.end, message: `Unknown flag --${flag.name} for ${kw}` });
    } else if (!BOOLEAN_FLAGS.has(flag.name) && !flag.value) {
      out.push({ kind: 'syntax', start: flag.start, end: flag.end, message: `Flag --${flag.name} needs a value` });
    }
  }
  const n = instr.args.length;
  switch (kw) {
    case 'FROM':
      if (n === 0) out.push({ kind: 'syntax', ...at, message: 'FROM requires an image' });
      else if (n === 2 || n > 3) out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[n - 1].end, message: 'FROM takes an image and optionally "AS name"' });
      else if (n === 3 && instr.args[1].value.toUpperCase() !== 'AS') out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[1].end, message: `Expected AS, found ${instr.args[1].value}` });
      break;
    case 'COPY':
    case 'ADD':
      if (n < 2 && heredocs.length === 0) out.push({ kind: 'syntax', ...at, message: `${kw} requires a source and a destination` });
      break;
    case 'ENV': {
      for (const p of instr.props) {
        if (p.value === null && !p.assignment) out.push({ kind: 'syntax', start: p.nameStart, end: p.nameEnd, message: `ENV ${p.name} has no value` });
      }
      break;
    }
    case 'HEALTHCHECK':
      if (instr.args[0]?.value.toUpperCase() === 'NONE' && n > 1) out.push({ kind: 'syntax', start: instr.args[1].start, end: instr.args[n - 1].end, message: 'HEALTHCHECK NONE takes no arguments' });
      else if (instr.args[0] && !['NONE', 'CMD'].includes(instr.args[0].value.toUpperCase())) out.push({ kind: 'syntax', start: instr.args[0].start, end: instr.args[0].end, message: 'HEALTHCHECK expects CMD or NONE' });
      break;
  }
  if (instr.run) {
    for (const h of instr.run.heredocs) {
      if (!h.terminated) out.push({ kind: 'syntax', ...at, message: `Heredoc ${h.name} is never terminated` });
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
    out.push({ kind: 'syntax', start, end: start + 1, message: 'Text after the line-continuation character ends the instruction here: the next line becomes an instruction of its own' });
  });
  return out;
}
