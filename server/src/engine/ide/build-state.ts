// The build state once an instruction has run: the user, working directory, shell and platform in effect, the ENV
// and ARG values in scope (the base image's names included), the ports exposed so far and the stages the image is
// built on. Hover shows it on any instruction, the code lenses show a target image's; it is data, not Markdown.
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import type { ImageReference } from '../model/image';
import { defaultShellArgv, defaultsToNonRoot, officialImageStart, rootStage, stageStartEnv } from '../model/base-images';
import { imageUser } from '../model/runtime-user';
import { shellInstructionArgv } from '../model/shells';
import { substitute } from '../model/variables';
import { join, normalize, withoutTrailingSlashes } from '../model/paths';
import { bindingOf, definitionsOf, redeclaredGlobal, variablesInScope, type Binding, type VariableDefinitionSite } from './variables';

export type UserState =
  /** A USER of this file (in the stage or one it is built FROM); `value` expanded, else as written. */
  | { source: 'instruction'; value: string; instr: Instr }
  /** The base image's own USER; `value` undefined: a non-root user the engine knows by no name. */
  | { source: 'image'; value: string | undefined; image: ImageReference }
  /** The base image sets no USER: root. */
  | { source: 'default'; value: 'root'; image: ImageReference }
  /** The base image is unknown, or named through a variable the file does not set. */
  | { source: 'unknown'; image: ImageReference };

export interface WorkdirState {
  /** Absolute; undefined when unknown (a variable the file does not set, or no WORKDIR on an unknown base). */
  path: string | undefined;
  /** The WORKDIR that set it last; none: the base image's. */
  instr?: Instr;
}

export interface ShellState {
  /** The command line shell-form instructions run in; undefined when the SHELL's JSON does not read. */
  argv: string[] | undefined;
  /** The SHELL that set it; none: the image's default. */
  instr?: Instr;
}

/** As written after `FROM --platform=`, and that FROM; value undefined: the platform the build targets. */
export type PlatformState = { value: string; instr: Instr } | { value: undefined };

export interface VariableState {
  name: string;
  kind: 'ARG' | 'ENV';
  /** Expanded as Docker does, ARG defaults taken for the ARGs; undefined when not known. */
  value: string | undefined;
  /** The value as written (undefined: none, as in `ARG NAME`, or set by the base image). */
  written: string | undefined;
  /** Where this file sets it; none: the base image's ENV. */
  definition?: VariableDefinitionSite;
}

export interface PortState { value: string; instr: Instr }

export interface BuildState {
  stage: Stage;
  /** The stage and the stages it is built FROM, nearest first: the last one's image is the base image. */
  lineage: Stage[];
  user: UserState;
  workdir: WorkdirState;
  shell: ShellState;
  platform: PlatformState;
  /** The file's, in the order they are set, then the base image's names, sorted. */
  env: VariableState[];
  /** The ARGs in scope; none at run time (CMD, ENTRYPOINT, HEALTHCHECK), where only ENV is set. */
  args: VariableState[];
  ports: PortState[];
}

// Instructions whose words a container's shell reads at run time: ARGs are gone by then.
const RUN_TIME = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
// An ENV whose value names itself through others would expand forever; Docker reads each once.
const MAX_NESTING = 16;

/**
 * The state once `at` has run (for a FROM, the state its stage starts in). Undefined before the first FROM,
 * where nothing but global ARGs exists.
 */
export function buildState(model: DockerfileModel, at: Instr): BuildState | undefined {
  const instr = at.onbuild ?? at;
  const stage = instr.stage;
  if (!stage) return undefined;
  const lineage: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) lineage.push(s);
  const root = lineage[lineage.length - 1];
  // Every instruction that ran, in build order: the stages built FROM whole, then this one up to `instr`.
  const ran: Instr[] = [];
  for (let k = lineage.length - 1; k >= 0; k--) {
    const list = lineage[k].instructions;
    ran.push(...(k === 0 ? list.slice(0, instr.index + 1) : list));
  }
  // Binding every name in scope is the costly part, and lenses never read it: computed when first read.
  let variables: VariableState[] | undefined;
  const inScope = (kind: 'ARG' | 'ENV') => {
    variables ??= [...variablesAfter(model, instr, RUN_TIME.has(instr.keyword))].map(([name, b]) => variableState(model, name, b));
    return variables.filter((v) => v.kind === kind).sort(byOrder);
  };
  const platformStage = lineage.find((s) => s.platform !== undefined);
  return {
    stage,
    lineage,
    user: userState(model, ran, root),
    workdir: workdirState(model, ran, root),
    shell: shellState(ran, stage),
    platform: platformStage?.platform !== undefined ? { value: platformStage.platform, instr: platformStage.from } : { value: undefined },
    get env() { return inScope('ENV'); },
    get args() { return inScope('ARG'); },
    ports: ran.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.map((a) => ({ value: expandWord(model, i, a.value) ?? a.value, instr: i }))),
  };
}

/** The file's variables in the order they are set, then the base image's by name. */
function byOrder(a: VariableState, b: VariableState): number {
  if (a.definition && b.definition) return a.definition.start - b.definition.start;
  return a.definition ? -1 : b.definition ? 1 : a.name.localeCompare(b.name);
}

/** The value `name` has where `at` runs, by Docker's scopes, ARG defaults taken for the ARGs; undefined when not known. */
export function valueAt(model: DockerfileModel, name: string, at: Instr, runtime = false): string | undefined {
  return boundValue(model, bindingOf(model, { name, instr: at, runtime }), 0);
}

function boundValue(model: DockerfileModel, b: Binding, depth: number): string | undefined {
  return b.kind === 'definition' ? definitionValue(model, b.definition, depth) : undefined;
}

/** A definition's value, the references in it expanded where it stands (as Docker reads an ENV or ARG default). */
export function definitionValue(model: DockerfileModel, d: VariableDefinitionSite, depth = 0): string | undefined {
  const { prop } = d;
  if (prop.value === null) {
    // `ARG NAME` in a stage takes the global ARG's default.
    const global = redeclaredGlobal(model, d);
    return global && depth < MAX_NESTING ? definitionValue(model, global, depth + 1) : undefined;
  }
  if (!prop.value.includes('$')) return prop.value;
  // Single quotes keep `$` as it is; so does an escaped one, which the value no longer shows as escaped.
  const written = prop.valueStart !== undefined && prop.valueEnd !== undefined ? model.text.slice(prop.valueStart, prop.valueEnd) : prop.value;
  if (written.includes("'") || written.includes(`${model.escapeChar}$`)) return prop.value;
  if (depth >= MAX_NESTING) return undefined;
  const r = substitute(prop.value, (n) => boundValue(model, bindingOf(model, { name: n, instr: d.instr, runtime: false }), depth + 1), model.escapeChar);
  return r.unresolved.length ? undefined : r.value;
}

/** One word of an instruction (quotes removed) with its variables expanded where it stands; undefined when one is not known. */
function expandWord(model: DockerfileModel, instr: Instr, word: string): string | undefined {
  const quoted = /^(["'])(.*)\1$/s.exec(word);
  if (quoted?.[1] === "'") return quoted[2];
  const r = substitute(quoted ? quoted[2] : word, (n) => valueAt(model, n, instr), model.escapeChar);
  return r.unresolved.length ? undefined : r.value;
}

/** What follows the keyword of a USER or WORKDIR (one value, spaces and all), expanded; undefined when a variable in it is not known. */
function expandedArgs(model: DockerfileModel, instr: Instr): string | undefined {
  return expandWord(model, instr, instr.args.map((a) => a.value).join(' '));
}

function userState(model: DockerfileModel, ran: Instr[], root: Stage): UserState {
  for (let i = ran.length - 1; i >= 0; i--) {
    const u = ran[i];
    if (u.keyword === 'USER' && u.args.length) return { source: 'instruction', value: expandedArgs(model, u) ?? u.args.map((a) => a.value).join(' '), instr: u };
  }
  const image = root.image;
  if (image.unresolved.length) return { source: 'unknown', image };
  const own = imageUser(root);
  if (own) return { source: 'image', value: own, image };
  if (defaultsToNonRoot(image)) return { source: 'image', value: undefined, image };
  // scratch has no users at all: its processes run as uid 0. An official image the engine knows sets no USER.
  if (image.resolved.toLowerCase() === 'scratch' || officialImageStart(image)) return { source: 'default', value: 'root', image };
  return { source: 'unknown', image };
}

function workdirState(model: DockerfileModel, ran: Instr[], root: Stage): WorkdirState {
  const base = root.image;
  let path = base.unresolved.length ? undefined : base.resolved.toLowerCase() === 'scratch' ? '/' : officialImageStart(base)?.workdir;
  let instr: Instr | undefined;
  for (const i of ran) {
    if (i.keyword !== 'WORKDIR' || !i.args.length) continue;
    instr = i;
    const dir = expandedArgs(model, i);
    // A relative WORKDIR is joined to the one before it; Windows paths (C:\app) stand on their own.
    if (dir === undefined) path = undefined;
    else if (dir.startsWith('/')) path = withoutTrailingSlashes(normalize(dir));
    else if (/^[A-Za-z]:[\\/]/.test(dir)) path = dir;
    else path = path === undefined ? undefined : withoutTrailingSlashes(join(path, dir));
  }
  return instr ? { path, instr } : { path };
}

function shellState(ran: Instr[], stage: Stage): ShellState {
  for (let i = ran.length - 1; i >= 0; i--) if (ran[i].keyword === 'SHELL') return { argv: shellInstructionArgv(ran[i]), instr: ran[i] };
  return { argv: defaultShellArgv(stage) };
}

/** The variables set once `instr` has run: those in scope where it runs, and its own definitions. */
function variablesAfter(model: DockerfileModel, instr: Instr, runtime: boolean): Map<string, Binding> {
  if (instr.keyword === 'FROM') return stageStartVariables(model, instr.stage!);
  const names = variablesInScope(model, instr, runtime);
  if (instr.keyword === 'ENV' || instr.keyword === 'ARG') for (const d of definitionsOf(instr, false)) names.set(d.name, { kind: 'definition', definition: d });
  return names;
}

/** What a stage starts with: the ENV of the stage it is built FROM (its ARGs stay behind), else the base image's. */
function stageStartVariables(model: DockerfileModel, stage: Stage): Map<string, Binding> {
  const names = new Map<string, Binding>();
  if (stage.parent) {
    const list = stage.parent.instructions;
    for (const [name, b] of variablesAfter(model, list[list.length - 1], false)) if (b.kind !== 'definition' || b.definition.kind === 'ENV') names.set(name, b);
    return names;
  }
  for (const name of stageStartEnv(rootStage(stage)) ?? []) names.set(name, { kind: 'image', stage });
  return names;
}

function variableState(model: DockerfileModel, name: string, b: Binding): VariableState {
  if (b.kind !== 'definition') return { name, kind: 'ENV', value: undefined, written: undefined };
  const d = b.definition;
  return { name, kind: d.kind, value: definitionValue(model, d), written: d.prop.value ?? undefined, definition: d };
}
