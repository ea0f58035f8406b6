// "What is at this offset": the one question hover, definition, references, rename, highlights and completion
// ask of a Dockerfile. Spans are inclusive at both ends, so a cursor just after a word is still on it.
import { readPragmas } from '../config/pragmas';
import { mountFrom, type Directive, type DockerfileModel, type Instr, type InstructionArg, type InstructionFlag, type Stage } from '../model/dockerfile';
import { definitionsOf, usesIn, type VariableDefinitionSite, type VariableUse } from './variables';

interface Span { start: number; end: number }

export type Target = Span & (
  | { kind: 'directive'; directive: Directive; part: 'name' | 'value' }
  /** A rule name in a `# dockwise ignore=`, hadolint or `# check=skip=` pragma. */
  | { kind: 'pragma-rule'; name: string }
  | { kind: 'keyword'; instr: Instr }
  | { kind: 'flag'; instr: Instr; flag: InstructionFlag }
  /** A FROM's image that is not a stage of this file. */
  | { kind: 'image'; instr: Instr; stage: Stage }
  /** The name after AS. */
  | { kind: 'stage-definition'; instr: Instr; stage: Stage }
  /** A FROM image, `--from=` or a mount's `from=` naming a stage (`stage` undefined: no such stage, an image). */
  | { kind: 'stage-reference'; instr: Instr; name: string; stage: Stage | undefined }
  | { kind: 'variable-definition'; definition: VariableDefinitionSite }
  | { kind: 'variable-use'; use: VariableUse }
  /** A COPY or ADD source or destination, as written. */
  | { kind: 'path'; instr: Instr; arg: InstructionArg; role: 'source' | 'destination' }
  /** Anywhere else in an instruction. */
  | { kind: 'instruction'; instr: Instr }
);

const within = (offset: number, start: number, end: number) => offset >= start && offset <= end;

/** The instruction (or ONBUILD trigger) that holds `offset`; a binary search, asked on every hover and completion. */
export function instructionAt(model: DockerfileModel, offset: number): Instr | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid];
    if (offset < i.start) hi = mid - 1;
    else if (offset > i.end) lo = mid + 1;
    else return i.trigger && offset >= i.trigger.start ? i.trigger : i;
  }
  return undefined;
}

export function resolve(model: DockerfileModel, offset: number): Target | undefined {
  const line = model.lines.positionAt(offset).line;
  for (const d of model.directives) {
    if (d.line !== line || !within(offset, d.start, d.end)) continue;
    const text = model.text.slice(d.start, d.end);
    const eq = text.indexOf('=');
    if (eq < 0) return undefined;
    if (offset > d.start + eq) return { kind: 'directive', directive: d, part: 'value', start: d.start + eq + 1 + (/^\s*/.exec(text.slice(eq + 1))?.[0].length ?? 0), end: d.end };
    const nameStart = d.start + (/^\uFEFF?\s*#\s*/.exec(text)?.[0].length ?? 0);
    return { kind: 'directive', directive: d, part: 'name', start: nameStart, end: d.start + text.slice(0, eq).trimEnd().length };
  }
  const comment = model.commentOnLine(line);
  if (comment && within(offset, comment.start, comment.end)) {
    for (const p of readPragmas(model).pragmas) {
      if (p.line !== line) continue;
      for (const n of p.names) if (within(offset, n.start, n.end)) return { kind: 'pragma-rule', name: n.name, start: n.start, end: n.end };
    }
    return undefined;
  }
  const instr = instructionAt(model, offset);
  return instr && inInstruction(model, instr, offset);
}

function inInstruction(model: DockerfileModel, instr: Instr, offset: number): Target | undefined {
  // A comment line inside a continued instruction belongs to no word of it.
  if (model.commentsBetween(instr.start, instr.end).some((c) => within(offset, c.start, c.end - 1))) return undefined;
  if (within(offset, instr.keywordStart, instr.keywordEnd)) return { kind: 'keyword', instr, start: instr.keywordStart, end: instr.keywordEnd };
  for (const flag of instr.flags) {
    if (!within(offset, flag.start, flag.end)) continue;
    const name = flagStageName(instr, flag);
    if (name && within(offset, name.start, name.end)) return { kind: 'stage-reference', instr, name: name.value, stage: model.stageByName(name.value, instr.stage ?? undefined), start: name.start, end: name.end };
    const use = usesIn(model, instr).find((u) => within(offset, u.refStart, u.refEnd));
    if (use) return { kind: 'variable-use', use, start: use.start, end: use.end };
    return { kind: 'flag', instr, flag, start: flag.start, end: flag.end };
  }
  const stage = instr.keyword === 'FROM' ? model.stages.find((s) => s.from === instr) : undefined;
  if (stage) {
    if (instr.alias && within(offset, instr.alias.start, instr.alias.end)) return { kind: 'stage-definition', instr, stage, start: instr.alias.start, end: instr.alias.end };
    if (within(offset, stage.imageStart, stage.imageEnd)) {
      const use = usesIn(model, instr).find((u) => within(offset, u.refStart, u.refEnd));
      if (use) return { kind: 'variable-use', use, start: use.start, end: use.end };
      const ref = stage.parent?.references.find((r) => r.instr === instr);
      // Written as the stage's name (not through a variable): the name is a reference.
      if (stage.parent && ref) return { kind: 'stage-reference', instr, name: model.text.slice(ref.start, ref.end), stage: stage.parent, start: ref.start, end: ref.end };
      return { kind: 'image', instr, stage, start: stage.imageStart, end: stage.imageEnd };
    }
  }
  for (const d of definitionsOf(instr, instr.stage === null)) if (within(offset, d.start, d.end)) return { kind: 'variable-definition', definition: d, start: d.start, end: d.end };
  const use = usesIn(model, instr).find((u) => within(offset, u.refStart, u.refEnd));
  if (use) return { kind: 'variable-use', use, start: use.start, end: use.end };
  const path = pathAt(instr, offset);
  if (path) return path;
  return { kind: 'instruction', instr, start: instr.start, end: instr.end };
}

/** The stage name in `--from=x` (COPY, ADD) or a RUN mount's `from=x`. */
export function flagStageName(instr: Instr, flag: InstructionFlag): { value: string; start: number; end: number } | undefined {
  if (flag.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD') && flag.value && flag.valueStart !== undefined) return { value: flag.value, start: flag.valueStart, end: flag.valueStart + flag.value.length };
  return instr.keyword === 'RUN' ? mountFrom(flag) : undefined;
}

function pathAt(instr: Instr, offset: number): Target | undefined {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return undefined;
  const args = instr.args;
  if (args.length < 2 || args[0].value.startsWith('[') || instr.heredocs.length) return undefined;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (within(offset, arg.start, arg.end)) return { kind: 'path', instr, arg, role: k === args.length - 1 ? 'destination' : 'source', start: arg.start, end: arg.end };
  }
  return undefined;
}
