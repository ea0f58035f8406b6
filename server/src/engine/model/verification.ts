// Reading the options and settings that turn verification off (data/verification-off.ts), where they are written,
// and the edits that take them out again: one option out of a command (a letter out of a cluster `-fsSLk`, a
// `--flag value` with its value), one pair out of an ENV or ARG, one assignment or command out of a RUN. The
// verification rules share them and the handlers below.
import { mountFrom, type DockerfileModel, type Instr } from './dockerfile';
import { normalize } from './paths';
import { copyOperands } from '../rules/support';
import type { ShellCommand, ShellWord } from './shell';
import type { OffsetEdit } from '../types';
import type { RuleContext, RuleHandlers } from '../rule';
import type { MessageData } from '../messages';
import { baseName, commandRunBy, isCommand, isPythonName } from './commands';
import { CHECKSUM_TOOLS, SIGNATURE_TOOLS, type OptionGrammar, type VerificationVariable } from '../data/verification-off';

/** One option of a command as the tool reads it, with the words it spans. */
export interface ReadOption {
  /** The long name (completed when written as an accepted abbreviation) or the letter. */
  name: string;
  long: boolean;
  /** The option as written: `--insecure`, `-k` (a letter of a cluster is written `-k` too). */
  written: string;
  value?: string;
  /** The word the option starts in, and its last word (its value's when that is separate). */
  first: ShellWord;
  last: ShellWord;
  /** For a letter inside a cluster (`-fsSLk`): its offset in the word's text. */
  letterAt?: number;
  /** Document span to underline: the letter, the option, or the option with its value. */
  start: number;
  end: number;
}

/** How an option reads in a message: `-k` for a letter of a cluster, else its words (`--opt=v`, `-o Key=v`). */
export function optionText(o: ReadOption): string {
  if (o.letterAt !== undefined || (!o.long && o.value === undefined)) return o.written;
  return o.first === o.last ? o.first.value : `${o.first.value} ${o.last.value}`;
}

/** A plain word: no quotes, escapes or expansions, so its text is what the tool reads. */
const plain = (w: ShellWord) => !w.quoted && w.raw === w.value && !/[$`\\]/.test(w.raw);

function fullName(written: string, grammar: OptionGrammar): string {
  for (const [name, shortest] of Object.entries(grammar.prefixes ?? {})) if (name.startsWith(written) && written.startsWith(shortest)) return name;
  return written;
}

/**
 * The options of `words` as a getopt-style tool reads them: `-abc` is a, b and c (up to a letter that takes a
 * value), `--opt=v` and `--opt v` are the same option, `--` ends the options. Words with expansions are skipped.
 */
export function readOptions(words: readonly ShellWord[], grammar: OptionGrammar): ReadOption[] {
  const out: ReadOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (v === '--') break;
    if (!v.startsWith('-') || v === '-' || /[$`]/.test(w.raw)) continue;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = fullName(eq >= 0 ? v.slice(2, eq) : v.slice(2), grammar);
      let value = eq >= 0 ? v.slice(eq + 1) : undefined;
      let last = i;
      if (value === undefined && grammar.valueFlags.includes(name) && i + 1 < words.length) value = words[(last = i + 1)].value;
      out.push({ name, long: true, written: eq >= 0 ? v.slice(0, eq) : v, value, first: w, last: words[last], start: w.start, end: words[last].end });
      i = last;
      continue;
    }
    const letters = v.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const name = letters[j];
      if (grammar.valueFlags.includes(name)) {
        let value = letters.slice(j + 1);
        let last = i;
        if (!value && i + 1 < words.length) value = words[(last = i + 1)].value;
        out.push({ name, long: false, written: `-${name}`, value, first: w, last: words[last], start: j === 0 ? w.start : w.start + 1 + j, end: words[last].end });
        i = last;
        break;
      }
      const alone = letters.length === 1;
      out.push({ name, long: false, written: `-${name}`, first: w, last: w, letterAt: alone || !plain(w) ? undefined : 1 + j, start: alone ? w.start : w.start + 1 + j, end: alone ? w.end : w.start + 2 + j });
    }
  }
  return out;
}

/**
 * The edit that takes `words[first..last]` out of a command, with the blank before them (a line continuation
 * there stays with the word after). Undefined when a comment stands in that gap.
 */
export function removeWordsEdit(model: DockerfileModel, before: ShellWord, words: readonly ShellWord[], first: number, last: number): OffsetEdit | undefined {
  const prevEnd = first > 0 ? words[first - 1].end : before.end;
  if (model.text.slice(prevEnd, words[first].start).includes('#')) return undefined;
  return { start: prevEnd, end: words[last].end, text: '' };
}

/** The edit that takes an option out: its letter out of a cluster, or its words (with a separate value). */
export function removeOptionEdit(model: DockerfileModel, cmd: ShellCommand, opt: ReadOption): OffsetEdit | undefined {
  const w = opt.first;
  if (opt.letterAt !== undefined) return { start: w.start + opt.letterAt, end: w.start + opt.letterAt + 1, text: '' };
  // A letter with its value glued to other letters (`-qe…`) is not taken apart.
  if (!opt.long && w.value.length > 2 && !w.value.startsWith(`-${opt.name}`)) return undefined;
  return removeWordsEdit(model, cmd.nameWord, cmd.args, cmd.args.indexOf(opt.first), cmd.args.indexOf(opt.last));
}

/** Deletes whole lines `[from, to]` of the document (0-based). */
function removeLinesEdit(model: DockerfileModel, from: number, to: number): OffsetEdit {
  const start = model.lines.lineStart(from);
  const next = to + 1 < model.lines.lineCount ? model.lines.lineStart(to + 1) : model.text.length;
  return { start, end: next, text: '' };
}

/** The edit that deletes an instruction's lines, when it has them to itself and no comment inside. */
export function removeInstructionEdit(model: DockerfileModel, instr: Instr): OffsetEdit | undefined {
  const outer = instr.onbuild ?? instr;
  const lineStart = model.lines.lineStart(outer.line);
  if (model.text.slice(lineStart, outer.start).trim() !== '') return undefined;
  if (model.commentsBetween(outer.start, outer.end).length) return undefined;
  const after = model.lines.lineEnd(outer.endLine);
  if (model.text.slice(outer.end, after).trim() !== '') return undefined;
  return removeLinesEdit(model, outer.line, outer.endLine);
}

/** The edit that takes pair `index` out of an ENV or ARG (the whole instruction when it is the only one). */
export function removePairEdit(model: DockerfileModel, instr: Instr, index: number): OffsetEdit | undefined {
  const props = instr.props;
  if (props.length === 1) return removeInstructionEdit(model, instr);
  const p = props[index];
  const end = p.valueEnd ?? p.nameEnd;
  let edit: OffsetEdit;
  if (index > 0) {
    const prev = props[index - 1];
    edit = { start: prev.valueEnd ?? prev.nameEnd, end, text: '' };
  } else edit = { start: p.nameStart, end: props[1].nameStart, text: '' };
  return model.text.slice(edit.start, edit.end).includes('#') ? undefined : edit;
}

const CONTINUATION = String.raw`(?:[ \t]*\\\r?\n)*[ \t]*`;
const AFTER_STEP = new RegExp(`^${CONTINUATION}(&&|;)${CONTINUATION}`);
const BEFORE_STEP = new RegExp(`${CONTINUATION}(&&|;)${CONTINUATION}$`);

/**
 * The edit that takes command `cmd` out of its RUN: with the `&&` or `;` that joins it to the next step (or to
 * the one before, when it is the last), or the whole RUN when it is the only command. Undefined inside a pipeline
 * or after `||`, where the steps around it would change meaning.
 */
export function removeCommandEdit(model: DockerfileModel, instr: Instr, cmd: ShellCommand): OffsetEdit | undefined {
  const run = instr.run;
  if (!run || cmd.pipeline !== undefined) return undefined;
  const all = run.commands;
  if (all.length === 1 && !cmd.nested && run.heredocs.length === 0 && run.scripts.length === 1) return removeInstructionEdit(model, instr);
  const text = model.text;
  const lineStart = model.lines.lineStart(model.lines.positionAt(cmd.start).line);
  const before = text.slice(Math.max(instr.start, lineStart - 400), cmd.start);
  if (/\|\|?[ \t]*$/.test(before.replace(new RegExp(`${CONTINUATION}$`), ''))) return undefined;
  const after = AFTER_STEP.exec(text.slice(cmd.end, cmd.end + 400));
  if (after) return { start: cmd.start, end: cmd.end + after[0].length, text: '' };
  const prev = BEFORE_STEP.exec(before);
  if (prev) {
    const start = cmd.start - prev[0].length;
    // `a &&` + the command at the end of a `sh -c '…'` string: the quote closes right after it.
    return { start, end: cmd.end, text: '' };
  }
  return undefined;
}

/** A variable set where it reaches the build's or the container's commands. */
export interface VariableSetting {
  name: string;
  /** The value as the tool sees it; undefined when it cannot be known (an expansion). */
  value: string | undefined;
  start: number;
  end: number;
  edit: OffsetEdit | undefined;
}

/** `NAME=value` written as one word (`export NAME=value`, `env NAME=value …`), unquoted. */
function assignmentWord(w: ShellWord): { name: string; value: string | undefined } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w.value);
  if (!m) return undefined;
  let value: string | undefined = m[2];
  const q = /^(["'])([\s\S]*)\1$/.exec(value);
  if (q) value = q[2];
  if (/[$`]/.test(value) && !(q && q[1] === "'")) value = undefined;
  return { name: m[1], value };
}

/**
 * The variables an ENV or ARG sets (an ARG only with a default: without one nothing is set unless the build
 * passes it), with the edit that takes each pair out.
 */
export function instructionSettings(model: DockerfileModel, instr: Instr): VariableSetting[] {
  return instr.props.flatMap((p, i) => {
    if (instr.keyword === 'ARG' && p.value === null) return [];
    const value = p.value ?? '';
    return [{ name: p.name, value: /[$]/.test(value) ? undefined : value, start: p.nameStart, end: p.valueEnd ?? p.nameEnd, edit: removePairEdit(model, instr, i) }];
  });
}

/**
 * The variables one RUN command exports to what it runs: `NAME=value cmd` prefixes, `export NAME=value`
 * (`declare -x`), `env NAME=value cmd` and `go env -w NAME=value` (saved in Go's config). A bare `NAME=value`
 * is not exported and reaches no program.
 */
export function commandSettings(model: DockerfileModel, instr: Instr, cmd: ShellCommand): VariableSetting[] {
  const out: VariableSetting[] = [];
  cmd.assignments.forEach((a, i) => {
    const next = i + 1 < cmd.assignments.length ? cmd.assignments[i + 1].start : cmd.nameWord.start;
    const gap = model.text.slice(a.end, next);
    const value = /[$`]/.test(model.text.slice(a.start, a.end)) ? undefined : a.value;
    out.push({ name: a.name, value, start: a.start, end: a.end, edit: gap.includes('#') ? undefined : { start: a.start, end: next, text: '' } });
  });
  const name = baseName(cmd);
  let words: readonly ShellWord[] = [];
  let wholeCommand = false;
  if (name === 'export' || ((name === 'declare' || name === 'typeset') && cmd.args.some((w) => /^-[a-zA-Z]*x/.test(w.value)))) {
    words = cmd.args;
    wholeCommand = true;
  } else if (name === 'env') {
    const inner = commandRunBy(cmd);
    words = cmd.args.filter((w) => w.start < inner.nameWord.start || inner === cmd);
  } else if (name === 'go' && cmd.args[0]?.value === 'env' && cmd.args.some((w) => w.value === '-w')) {
    words = cmd.args;
    wholeCommand = true;
  }
  const assigned = words.map((w) => ({ w, a: assignmentWord(w) })).filter((x) => x.a);
  for (const { w, a } of assigned) {
    const i = cmd.args.indexOf(w);
    const edit = wholeCommand && assigned.length === 1 ? removeCommandEdit(model, instr, cmd) : removeWordsEdit(model, cmd.nameWord, cmd.args, i, i);
    out.push({ name: a!.name, value: a!.value, start: w.start, end: w.end, edit });
  }
  return out;
}

/** A setting that turns a check off, found by verificationHandlers. */
export interface OffSetting { variable: VerificationVariable; setting: VariableSetting; instr: Instr }

/** One finding of a verification rule: what to underline, the message and the unsafe removal. */
export interface VerificationFinding {
  start: number;
  end: number;
  messageId: string;
  data?: MessageData;
  fixTitleId: string;
  fixData?: MessageData;
  edit: OffsetEdit | undefined;
}

/**
 * The handlers of a verification rule: `commands` (by program name, given the command as run through `sudo`,
 * `env` or `xargs`) return findings; the `variables` are looked for in ENV, ARG (instructions and ONBUILD
 * triggers) and in what RUN commands export, and `variable` turns each one found into a finding. Each
 * finding is reported with its removal as an unsafe fix.
 */
export function verificationHandlers(
  ctx: RuleContext,
  spec: {
    commands?: Readonly<Record<string, (cmd: ShellCommand, instr: Instr, written: ShellCommand) => VerificationFinding[]>>;
    variables?: readonly VerificationVariable[];
    variable?: (found: OffSetting) => VerificationFinding;
  },
): RuleHandlers {
  const { model } = ctx;
  const report = (f: VerificationFinding) => ctx.report({
    start: f.start,
    end: f.end,
    messageId: f.messageId,
    data: f.data,
    fixes: f.edit ? [{ titleId: f.fixTitleId, data: f.fixData, safety: 'unsafe', edits: [f.edit] }] : [],
  });
  const match = (s: VariableSetting): VerificationVariable | undefined => spec.variables?.find((v) => (v.anyCase ? v.name.toLowerCase() === s.name.toLowerCase() : v.name === s.name) && (v.anyValue || (s.value !== undefined && v.off(s.value))));
  const handlers: { instructions: Record<string, (i: Instr) => void>; triggers: Record<string, (i: Instr) => void>; commands: Record<string, (c: ShellCommand, i: Instr) => void> } = { instructions: {}, triggers: {}, commands: {} };
  if (spec.variables && spec.variable) {
    const toFinding = spec.variable;
    const variables = (instr: Instr) => {
      for (const setting of instructionSettings(model, instr)) {
        const variable = match(setting);
        if (variable) report(toFinding({ variable, setting, instr }));
      }
    };
    const run = (instr: Instr) => {
      for (const cmd of instr.run?.commands ?? []) {
        for (const setting of commandSettings(model, instr, cmd)) {
          const variable = match(setting);
          if (variable) report(toFinding({ variable, setting, instr }));
        }
      }
    };
    Object.assign(handlers.instructions, { ENV: variables, ARG: variables, RUN: run });
    Object.assign(handlers.triggers, { ENV: variables, ARG: variables, RUN: run });
  }
  for (const [name, judge] of Object.entries(spec.commands ?? {})) {
    handlers.commands[name] = (cmd, instr) => {
      const runs = commandRunBy(cmd);
      if (baseName(runs) !== name && !(isPythonName(name) && isPythonName(baseName(runs)))) return;
      for (const f of judge(runs, instr, cmd)) report(f);
    };
  }
  return handlers;
}

/** A checksum tool in check mode (`sha256sum -c`, `shasum --check`): it fails on a file that does not match. */
export function checksDigest(c: ShellCommand): boolean {
  return isCommand(c, ...CHECKSUM_TOOLS) && c.args.some((a) => a.value === '--check' || /^-[A-Za-z]*c/.test(a.value));
}

/** A command that verifies a download: a checksum tool (computing or checking) or a signature check. */
export function verifiesDownload(c: ShellCommand): boolean {
  if (isCommand(c, ...CHECKSUM_TOOLS)) return true;
  if (!isCommand(c, ...SIGNATURE_TOOLS)) return false;
  return isCommand(c, 'gpgv', 'gpgv2') || c.args.some((a) => /^(--verify|verify-blob|verify|-V)$/.test(a.value));
}

/**
 * Where files come from another stage of this build as seen by `instr`: the targets of its bind mounts `from=` a
 * stage, and the destinations of `COPY --from=<stage>` before it in its stage. What is there was made by the
 * build itself and never crossed a network.
 */
export function builtInThisBuild(model: DockerfileModel, instr: Instr): string[] {
  const dirs: string[] = [];
  const stage = instr.stage ?? undefined;
  for (const f of instr.flags) {
    const from = mountFrom(f);
    const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(f.value ?? '')?.[1];
    if (from && target && model.stageByName(from.value, stage)) dirs.push(normalize(target));
  }
  for (const i of stage?.instructions ?? []) {
    if (i.start >= instr.start) break;
    const from = i.keyword === 'COPY' ? i.flags.find((f) => f.name === 'from')?.value : undefined;
    const dest = from && model.stageByName(from, stage) ? copyOperands(model, i)?.dest.value : undefined;
    if (dest) dirs.push(normalize(dest));
  }
  return dirs;
}

/** `path` is one of `dirs` or inside one. */
export function isUnder(path: string, dirs: readonly string[]): boolean {
  const p = normalize(path);
  return dirs.some((d) => p === d || p.startsWith(d.endsWith('/') ? d : `${d}/`));
}

/** Every package file `operands` names was made by another stage of this build (builtInThisBuild). */
export function onlyBuiltHere(model: DockerfileModel, instr: Instr, operands: readonly ShellWord[]): boolean {
  if (!operands.length) return false;
  const local = builtInThisBuild(model, instr);
  return local.length > 0 && operands.every((w) => isUnder(w.value, local));
}
