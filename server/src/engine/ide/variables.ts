// Variables as the editor sees them: where each `$NAME` is used, which ARG or ENV it reads there, and the
// groups a rename must change together. The scopes are Docker's: a global ARG is seen by FROM lines and by a
// stage's `ARG NAME` re-declaration; a stage's ARG by the rest of that stage only; an ENV by the rest of its stage
// and by the stages built FROM it; at run time (CMD, ENTRYPOINT, HEALTHCHECK) only ENV is set.
import type { DockerfileModel, Instr, InstructionProperty, Stage } from '../model/dockerfile';
import { stageStartEnv } from '../model/base-images';
import { findVariables, withoutSingleQuoted, type VariableReference } from '../model/variables';

/** Where an ARG or ENV names a variable. */
export interface VariableDefinitionSite {
  name: string;
  kind: 'ARG' | 'ENV';
  instr: Instr;
  prop: InstructionProperty;
  /** An ARG before the first FROM. */
  global: boolean;
  /** The name's span. */
  start: number;
  end: number;
}

/** A `$NAME` or `${NAME…}`. */
export interface VariableUse {
  name: string;
  instr: Instr;
  /** The name's span (what a rename replaces). */
  start: number;
  end: number;
  /** The whole reference's span, `$` and braces included. */
  refStart: number;
  refEnd: number;
  /** Read by a shell when the build or the container runs it (RUN, shell-form CMD), not by Docker. */
  runtime: boolean;
}

/** What a use reads: a definition of this file, the base image's ENV, or nothing known. */
export type Binding =
  | { kind: 'definition'; definition: VariableDefinitionSite }
  | { kind: 'image'; stage: Stage }
  | { kind: 'none' };

// Docker expands variables in these instructions' words (and their flags) itself.
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG', 'ONBUILD']);
// Shell form of these runs in a shell that reads the environment.
const RUNTIME = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Who reads `$NAME` in an instruction: Docker while building, a shell when the build or the container runs it, or nobody (exec form). */
export function variableReader(instr: Instr): 'docker' | 'shell' | undefined {
  const at = instr.keyword === 'ONBUILD' ? instr.trigger : instr;
  if (!at) return undefined;
  if (RUNTIME.has(at.keyword)) return at.execForm ? undefined : 'shell';
  return EXPANDED.has(at.keyword) ? 'docker' : undefined;
}

export function definitionsOf(instr: Instr, global: boolean): VariableDefinitionSite[] {
  if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') return [];
  return instr.props.map((prop) => ({ name: prop.name, kind: instr.keyword as 'ARG' | 'ENV', instr, prop, global, start: prop.nameStart, end: prop.nameEnd }));
}

/** Every definition of the file, in document order. */
export function allDefinitions(model: DockerfileModel): VariableDefinitionSite[] {
  const out: VariableDefinitionSite[] = [];
  for (const instr of model.instructions) out.push(...definitionsOf(instr, instr.stage === null));
  return out;
}

/** The spans an instruction's text does not count as its own words: comments inside it. */
function commentSpans(model: DockerfileModel, instr: Instr): Array<[number, number]> {
  return model.commentsBetween(instr.start, instr.end).map((c) => [c.start, c.end]);
}

/**
 * The variable uses of one instruction. Exec-form CMD, ENTRYPOINT and RUN expand nothing; single-quoted text is
 * left out everywhere (Docker does not expand it, and a shell prints it as written).
 */
export function usesIn(model: DockerfileModel, instr: Instr): VariableUse[] {
  const keyword = instr.keyword;
  const runtime = RUNTIME.has(keyword);
  if (!runtime && !EXPANDED.has(keyword)) return [];
  if (keyword === 'ONBUILD') return instr.trigger ? usesIn(model, instr.trigger) : [];
  if (runtime && instr.execForm) return [];
  const from = instr.keywordEnd;
  const text = withoutSingleQuoted(model.text.slice(from, instr.end), model.escapeChar);
  const comments = commentSpans(model, instr);
  const uses: VariableUse[] = [];
  for (const ref of findVariables(text, model.escapeChar)) {
    const refStart = from + ref.start;
    if (comments.some(([s, e]) => refStart >= s && refStart < e)) continue;
    uses.push(useOf(instr, ref, from, runtime));
  }
  return uses;
}

function useOf(instr: Instr, ref: VariableReference, base: number, runtime: boolean): VariableUse {
  const start = base + ref.nameStart;
  return { name: ref.name, instr, start, end: start + ref.name.length, refStart: base + ref.start, refEnd: base + ref.end, runtime };
}

/** Every use in the file, in document order. */
export function allUses(model: DockerfileModel): VariableUse[] {
  return model.instructions.flatMap((i) => usesIn(model, i));
}

/** A shell script that sets `name` itself (`NAME=…`, `export NAME=…`, `for NAME in`, `read NAME`): its `$NAME` is the script's own. */
function scriptSets(model: DockerfileModel, instr: Instr, name: string): boolean {
  const text = model.text.slice(instr.keywordEnd, instr.end);
  if (!text.includes(name)) return false;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s;&|(])(?:(?:export|local|readonly|declare)\\s+)?${n}=|\\bfor\\s+${n}\\b|\\bread\\b[^\\n;|&]*\\s${n}\\b`).test(text);
}

/** The definition a use reads, by Docker's scopes. */
export function bindingOf(model: DockerfileModel, use: Pick<VariableUse, 'name' | 'instr' | 'runtime'>): Binding {
  const { name } = use;
  const at = use.instr.onbuild ?? use.instr;
  if (use.runtime && scriptSets(model, use.instr, name)) return { kind: 'none' };
  // FROM lines and global ARG defaults read the global ARGs declared before them.
  if (at.keyword === 'FROM' || at.stage === null) return globalBefore(model, name, at.start);
  const argsVisible = !(use.runtime && at.keyword !== 'RUN');
  let stage: Stage | undefined = at.stage;
  let limit = at.index;
  let inherited = false;
  while (stage) {
    for (let i = limit - 1; i >= 0; i--) {
      const instr = stage.instructions[i];
      if (instr.keyword !== 'ENV' && (instr.keyword !== 'ARG' || inherited || !argsVisible)) continue;
      const props = instr.props;
      for (let k = props.length - 1; k >= 0; k--) {
        if (props[k].name !== name) continue;
        return { kind: 'definition', definition: { name, kind: instr.keyword as 'ARG' | 'ENV', instr, prop: props[k], global: false, start: props[k].nameStart, end: props[k].nameEnd } };
      }
    }
    if (!stage.parent) break;
    stage = stage.parent;
    limit = stage.instructions.length;
    inherited = true;
  }
  if (stage && stageStartEnv(stage)?.has(name)) return { kind: 'image', stage };
  return { kind: 'none' };
}

function globalBefore(model: DockerfileModel, name: string, offset: number): Binding {
  let found: VariableDefinitionSite | undefined;
  for (const instr of model.instructions) {
    if (instr.stage !== null || instr.start >= offset) break;
    for (const d of definitionsOf(instr, true)) if (d.name === name) found = d;
  }
  return found ? { kind: 'definition', definition: found } : { kind: 'none' };
}

/** The global ARG a stage's `ARG NAME` re-declares (it takes the global's value when it has none of its own). */
export function redeclaredGlobal(model: DockerfileModel, d: VariableDefinitionSite): VariableDefinitionSite | undefined {
  if (d.kind !== 'ARG' || d.global) return undefined;
  const b = globalBefore(model, d.name, Number.MAX_SAFE_INTEGER);
  return b.kind === 'definition' ? b.definition : undefined;
}

/** The symbol a rename changes as one: its definitions and every use that reads one of them. */
export interface VariableSymbol {
  name: string;
  kind: 'ARG' | 'ENV';
  definitions: VariableDefinitionSite[];
  uses: VariableUse[];
  /** Uses that read the base image's ENV of the same name (an ENV that overrides the image's value). */
  imageUses: VariableUse[];
}

function sameSite(a: VariableDefinitionSite, b: VariableDefinitionSite): boolean {
  return a.instr === b.instr && a.start === b.start;
}

/** The stages linked by FROM to `stage` (its ancestors and descendants): an ENV reaches along those links. */
function lineage(model: DockerfileModel, stage: Stage | null): Set<Stage | null> {
  const set = new Set<Stage | null>([stage]);
  if (!stage) return set;
  let grew = true;
  for (let s: Stage | undefined = stage.parent; s; s = s.parent) set.add(s);
  while (grew) {
    grew = false;
    for (const s of model.stages) if (!set.has(s) && s.parent && set.has(s.parent)) { set.add(s); grew = true; }
  }
  return set;
}

/**
 * The symbol of a definition. Every ARG of one name is one symbol: `--build-arg NAME` sets them all, so they are
 * renamed together. An ENV's symbol is the ENVs of that name along FROM links and the uses that read them.
 */
export function symbolOf(model: DockerfileModel, d: VariableDefinitionSite, uses = allUses(model)): VariableSymbol {
  // Asked once: the stages an ENV reaches (every definition and use is checked against it).
  const reach = d.kind === 'ENV' ? lineage(model, d.instr.stage) : undefined;
  const defs = allDefinitions(model).filter((x) => x.name === d.name && x.kind === d.kind && (!reach || reach.has(x.instr.stage)));
  const symbol: VariableSymbol = { name: d.name, kind: d.kind, definitions: defs, uses: [], imageUses: [] };
  for (const u of uses) {
    if (u.name !== d.name) continue;
    const b = bindingOf(model, u);
    if (b.kind === 'definition' && defs.some((x) => sameSite(x, b.definition))) symbol.uses.push(u);
    else if (b.kind === 'image' && reach?.has(b.stage)) symbol.imageUses.push(u);
  }
  return symbol;
}

/** The names of the variables set where `at` runs: its stage's ARGs and ENVs before it, inherited ENVs, global ARGs for FROM. */
export function variablesInScope(model: DockerfileModel, at: Instr, runtime = false): Map<string, Binding> {
  const visible = visibleBindings(model, at, runtime);
  const names = new Map<string, Binding>();
  const candidates = new Set<string>();
  for (const d of allDefinitions(model)) candidates.add(d.name);
  for (const n of visible.keys()) candidates.add(n);
  for (const name of candidates) {
    const b = visible.get(name);
    if (b && !(runtime && scriptSets(model, at, name))) names.set(name, b);
  }
  return names;
}

/**
 * What every name reads at `at`, by the scopes of `bindingOf`, in one walk back through the stage and its parents
 * (asking `bindingOf` name by name walks once per name: a stage with thousands of ENV lines took seconds).
 */
function visibleBindings(model: DockerfileModel, at: Instr, runtime: boolean): Map<string, Binding> {
  const found = new Map<string, Binding>();
  const anchor = at.onbuild ?? at;
  if (anchor.keyword === 'FROM' || anchor.stage === null) {
    for (const instr of model.instructions) {
      if (instr.stage !== null || instr.start >= anchor.start) break;
      for (const d of definitionsOf(instr, true)) found.set(d.name, { kind: 'definition', definition: d });
    }
    return found;
  }
  const argsVisible = !(runtime && anchor.keyword !== 'RUN');
  let stage: Stage = anchor.stage;
  let limit = anchor.index;
  let inherited = false;
  for (;;) {
    for (let i = limit - 1; i >= 0; i--) {
      const instr = stage.instructions[i];
      if (instr.keyword !== 'ENV' && (instr.keyword !== 'ARG' || inherited || !argsVisible)) continue;
      const defs = definitionsOf(instr, false);
      for (let k = defs.length - 1; k >= 0; k--) if (!found.has(defs[k].name)) found.set(defs[k].name, { kind: 'definition', definition: defs[k] });
    }
    if (!stage.parent) break;
    stage = stage.parent;
    limit = stage.instructions.length;
    inherited = true;
  }
  for (const n of stageStartEnv(stage) ?? []) if (!found.has(n)) found.set(n, { kind: 'image', stage });
  return found;
}
