// Bake files (docker-bake.hcl, docker-bake.json and their .override. forms) read into invocations: variables
// (their defaults, overridden by the environment as `docker buildx bake` does), groups, targets with `inherits`
// (in order, later wins, maps merged key by key) and `matrix` (one invocation per combination, named by the
// target's `name` expression). Only the attributes that decide the build are evaluated, so a tag built with a
// function we do not evaluate costs nothing. Paths are relative to the bake file's folder, where bake runs.
import type { Locale } from '../i18n/locale';
import { speaker } from '../i18n/catalog';
import { dirname } from '../model/paths';
import { describeExpression, evaluate, NotEvaluated, parseHcl, parseTemplate, type HclBody, type HclExpr, type HclScope, type HclValue } from './hcl';
import { INVOCATION_STRINGS } from './strings';
import { lineAt, resolveContextPath, resolveDockerfile, type Invocation, type InvocationFile, type InvocationProblem, type InvocationsRead, type DeclaredAt, usedLocations } from './types';

/** The target attributes that decide a build; the others (tags, outputs, cache, labels) are never evaluated. */
const BUILD_ATTRIBUTES = ['context', 'dockerfile', 'dockerfile-inline', 'args', 'target', 'platforms', 'secret', 'contexts'] as const;
type BuildAttribute = (typeof BUILD_ATTRIBUTES)[number];
/** Attributes whose maps inheriting targets merge key by key. */
const MAP_ATTRIBUTES = new Set<string>(['args', 'contexts']);

interface TargetDefinition {
  name: string;
  file: string;
  line: number;
  attributes: Map<string, HclExpr>;
}

interface BakeProject {
  variables: Map<string, { expr?: HclExpr; file: string; line: number }>;
  groups: Map<string, { targets?: HclExpr; file: string; line: number }>;
  functions: Map<string, { params: string[]; variadic?: string; result?: HclExpr }>;
  /** Each target's definitions in file order (an override file adds a second). */
  targets: Map<string, TargetDefinition[]>;
}

type Attributes = Partial<Record<BuildAttribute | 'inherits', HclValue>>;
/** A target's attributes and where the definitions that win write them. */
interface Resolved {
  attributes: Attributes;
  at: DeclaredAt;
  /** Attributes written with a value that could not be evaluated: what a parent gives for them does not hold. */
  unknown?: ReadonlySet<string>;
  /** Args that come from a parent target only. */
  inheritedArgs?: string[];
}

export function bakeInvocations(files: readonly InvocationFile[], env: Readonly<Record<string, string>>, options: { locale?: Locale } = {}): InvocationsRead {
  const t = speaker(INVOCATION_STRINGS, options.locale ?? 'en');
  const problems: InvocationProblem[] = [];
  const project: BakeProject = { variables: new Map(), groups: new Map(), targets: new Map(), functions: new Map() };
  for (const file of files) {
    const body = file.path.endsWith('.json') ? jsonBody(file, problems, t) : hclBody(file, problems, t);
    if (body) collect(body, file.path, project, problems, t);
  }

  // Variables: the environment wins over the default, read as the default's type; evaluated once, on first use.
  // A variable that has no value makes what uses it fail with a NotEvaluated naming it.
  const values = new Map<string, HclValue | undefined>();
  const evaluating = new Set<string>();
  const functions: Record<string, (args: HclValue[]) => HclValue> = {};
  const variable = (name: string): HclValue | undefined => {
    const declared = project.variables.get(name);
    if (!declared) return builtInVariable(name, env);
    if (!values.has(name)) {
      if (evaluating.has(name)) throw new NotEvaluated(`the variable "${name}" (its default uses itself)`);
      evaluating.add(name);
      let value: HclValue | undefined;
      try {
        const fallback = declared.expr ? evaluate(declared.expr, { variable, functions }) : '';
        value = name in env ? fromEnv(env[name], fallback) : fallback;
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        value = name in env ? env[name] : undefined;
        if (value === undefined) problems.push({ file: declared.file, line: declared.line, message: t('invocation.bake.notEvaluatedVariable', { what: e instanceof NotEvaluated ? e.message : 'the expression', variable: name }) });
      }
      evaluating.delete(name);
      values.set(name, value);
    }
    const value = values.get(name);
    if (value === undefined) throw new NotEvaluated(`the variable "${name}" (it has no value)`);
    return value;
  };
  // The file's own functions: `params` bound to the arguments, `result` evaluated; never deeper than 32 calls.
  let depth = 0;
  for (const [name, fn] of project.functions) {
    functions[name] = (args) => {
      if (depth > 32) throw new NotEvaluated(`the function ${name}() (it calls itself too deep)`);
      const bound: Record<string, HclValue> = {};
      fn.params.forEach((p, i) => { bound[p] = args[i] ?? null; });
      if (fn.variadic) bound[fn.variadic] = args.slice(fn.params.length);
      if (!fn.result) throw new NotEvaluated(`the function ${name}() (it has no result)`);
      depth++;
      try {
        return evaluate(fn.result, { variable: (n) => (n in bound ? bound[n] : variable(n)), functions });
      } finally { depth--; }
    };
  }

  // A target's own attributes (all of its definitions merged), evaluated in a scope (matrix values added), and
  // where each definition writes its parts.
  const ownAttributes = (defs: TargetDefinition[], extra: Record<string, HclValue>, invocationProblems: string[]): Resolved => {
    const scope = { variable: (n: string) => (n in extra ? extra[n] : variable(n)), functions };
    let merged: Resolved = { attributes: {}, at: {} };
    for (const def of defs) {
      const own: Attributes = {};
      const unknown = new Set<string>();
      for (const name of [...BUILD_ATTRIBUTES, 'inherits'] as const) {
        const expr = def.attributes.get(name);
        if (!expr) continue;
        try {
          own[name] = evaluate(expr, scope);
        } catch (e) {
          if (!(e instanceof NotEvaluated)) throw e;
          const message = t('invocation.bake.notEvaluated', { what: e.message, attribute: name, target: def.name });
          problems.push({ file: def.file, line: expr.line, message });
          invocationProblems.push(message);
          unknown.add(name);
        }
      }
      merged = mergeResolved(merged, { attributes: own, at: locations(def, own, scope), unknown });
    }
    return merged;
  };

  // Resolving `inherits`: each parent's resolved attributes in order, then the target's own.
  const resolving = new Set<string>();
  const resolve = (name: string, defs: TargetDefinition[], extra: Record<string, HclValue>, invocationProblems: string[]): Resolved => {
    const own = ownAttributes(defs, extra, invocationProblems);
    let merged: Resolved = { attributes: {}, at: {} };
    const parents = Array.isArray(own.attributes.inherits) ? own.attributes.inherits : typeof own.attributes.inherits === 'string' ? [own.attributes.inherits] : [];
    resolving.add(name);
    for (const parent of parents) {
      const parentName = String(parent);
      const parentDefs = project.targets.get(parentName);
      if (!parentDefs) {
        const message = t('invocation.bake.inheritsUnknown', { target: name, base: parentName });
        problems.push({ file: defs[0].file, line: defs[0].line, message });
        invocationProblems.push(message);
      } else if (resolving.has(parentName)) {
        problems.push({ file: defs[0].file, line: defs[0].line, message: t('invocation.bake.inheritsCycle', { target: name }) });
      } else merged = mergeResolved(merged, resolve(parentName, parentDefs, {}, invocationProblems));
    }
    resolving.delete(name);
    delete own.attributes.inherits;
    const ownArgs = isObject(own.attributes.args) ? own.attributes.args : {};
    const inheritedArgs = Object.keys(isObject(merged.attributes.args) ? merged.attributes.args : {}).filter((k) => !(k in ownArgs));
    return { ...mergeResolved(merged, own), inheritedArgs };
  };

  const invocations: Invocation[] = [];
  const globals: HclScope = { variable, functions };
  const built = builtTargets(project, globals, problems, t);
  for (const name of built.targets) {
    const defs = project.targets.get(name)!;
    const base = dirname(defs[0].file) === '.' ? '' : dirname(defs[0].file);
    for (const { invocationName, extra, problems: matrixProblems } of expandMatrix(name, defs, globals, problems, t)) {
      const invocationProblems = [...matrixProblems];
      const { attributes: a, at, inheritedArgs, unknown } = resolve(name, defs, extra, invocationProblems);
      // An inline Dockerfile is no file of the workspace: nothing to lint.
      if (typeof a['dockerfile-inline'] === 'string') continue;
      const context = resolveContextPath(base, typeof a.context === 'string' ? commandFolder(a.context) : '.');
      const invocation: Invocation = {
        source: { kind: 'bake', file: defs[0].file, line: defs[0].line },
        name: invocationName,
        context,
        dockerfile: resolveDockerfile(context, typeof a.dockerfile === 'string' ? a.dockerfile : undefined),
        args: stringMap(a.args),
        platforms: stringList(a.platforms),
        secrets: secretIds(a.secret),
        additionalContexts: Object.fromEntries(Object.entries(stringMap(a.contexts)).map(([k, v]) => [k, resolveContextPath(base, commandFolder(v))])),
      };
      if (typeof a.target === 'string' && a.target) invocation.target = a.target;
      // What a parent passes to every target that inherits it is shared, not this target's own choice.
      const sharedArgs = (inheritedArgs ?? []).filter((k) => k in invocation.args);
      if (sharedArgs.length) invocation.sharedArgs = sharedArgs;
      const declaredAt = usedLocations(at, invocation);
      if (Object.keys(declaredAt).length) invocation.declaredAt = declaredAt;
      if (invocationProblems.length) invocation.problems = invocationProblems;
      // Secrets that could not be evaluated are not known to be missing.
      if (unknown?.has('secret')) invocation.secretsUnknown = true;
      invocations.push(invocation);
    }
  }
  for (const u of built.unknown) {
    if (!invocations.some((i) => i.name === u.name)) problems.push({ file: u.file, line: u.line, message: t('invocation.bake.groupUnknown', { group: u.group, name: u.name }) });
  }
  const seen = new Set<string>();
  return { invocations, problems: problems.filter((p) => { const key = `${p.file}:${p.line}:${p.message}`; return !seen.has(key) && !!seen.add(key); }) };
}

function hclBody(file: InvocationFile, problems: InvocationProblem[], t: ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>): HclBody {
  const parsed = parseHcl(file.text);
  if (parsed.error) problems.push({ file: file.path, line: parsed.error.line, message: t('invocation.hcl.syntax', { error: parsed.error.message }) });
  return parsed.body;
}

/** A JSON bake file as the blocks and attributes its HCL twin would have; strings interpolate as in HCL. */
function jsonBody(file: InvocationFile, problems: InvocationProblem[], t: ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>): HclBody | undefined {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e));
    problems.push({ file: file.path, line: at ? lineAt(file.text, Number(at[1])) : 1, message: t('invocation.json.invalid', { error: e instanceof Error ? e.message : String(e) }) });
    return undefined;
  }
  const body: HclBody = { attributes: [], blocks: [] };
  if (!isObject(data)) return body;
  for (const [type, entries] of Object.entries(data)) {
    if (!isObject(entries)) continue;
    const typeAt = file.text.indexOf(`"${type}"`);
    for (const [label, attrs] of Object.entries(entries)) {
      if (!isObject(attrs)) continue;
      const at = file.text.indexOf(`"${label}"`, typeAt);
      const line = lineAt(file.text, at < 0 ? 0 : at);
      body.blocks.push({
        type,
        labels: [label],
        line,
        body: { attributes: Object.entries(attrs).map(([name, value]) => ({ name, value: jsonExpr(value, line), line })), blocks: [] },
      });
    }
  }
  return body;
}

function jsonExpr(value: unknown, line: number): HclExpr {
  if (typeof value === 'string') return parseTemplate(value, line);
  if (Array.isArray(value)) return { kind: 'tuple', items: value.map((v) => jsonExpr(v, line)), line };
  if (isObject(value)) return { kind: 'object', entries: Object.entries(value).map(([k, v]) => ({ key: { kind: 'literal', value: k, line }, value: jsonExpr(v, line) })), line };
  return { kind: 'literal', value: (value ?? null) as HclValue, line };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function collect(body: HclBody, file: string, project: BakeProject, problems: InvocationProblem[], t: ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>): void {
  for (const block of body.blocks) {
    const label = block.labels[0] ?? '';
    const attributes = new Map(block.body.attributes.map((a) => [a.name, a.value]));
    if (block.type === 'variable') {
      // A later file's variable keeps an earlier default when it declares none (an override that only documents).
      const earlier = project.variables.get(label);
      project.variables.set(label, { expr: attributes.get('default') ?? earlier?.expr, file, line: block.line });
    } else if (block.type === 'group') {
      project.groups.set(label, { targets: attributes.get('targets') ?? project.groups.get(label)?.targets, file, line: block.line });
    } else if (block.type === 'target') {
      const defs = project.targets.get(label) ?? [];
      defs.push({ name: label, file, line: block.line, attributes });
      project.targets.set(label, defs);
    } else if (block.type === 'function') {
      const params = attributes.get('params');
      const variadic = attributes.get('variadic_params');
      project.functions.set(label, {
        params: params?.kind === 'tuple' ? params.items.map((p) => (p.kind === 'variable' ? p.name : '')) : [],
        ...(variadic?.kind === 'variable' ? { variadic: variadic.name } : {}),
        result: attributes.get('result'),
      });
    } else {
      problems.push({ file, line: block.line, message: t('invocation.bake.unknownBlock', { type: block.type }) });
    }
  }
}

/**
 * The targets bake builds: every target a group names (groups within groups followed), and every target no
 * other target inherits from; a target only inherited from (`_common`, `docker-metadata-action`) is a base,
 * not a build. In the order the files define them.
 */
function builtTargets(project: BakeProject, globals: HclScope, problems: InvocationProblem[], t: ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>): { targets: string[]; unknown: Array<{ group: string; name: string; file: string; line: number }> } {
  const unknown: Array<{ group: string; name: string; file: string; line: number }> = [];
  const named = new Set<string>();
  const seenGroups = new Set<string>();
  const visitGroup = (group: string): void => {
    if (seenGroups.has(group)) return;
    seenGroups.add(group);
    const g = project.groups.get(group)!;
    let members: HclValue = [];
    try {
      members = g.targets ? evaluate(g.targets, globals) : [];
    } catch (e) {
      if (!(e instanceof NotEvaluated)) throw e;
      problems.push({ file: g.file, line: g.line, message: t('invocation.bake.notEvaluated', { what: e.message, attribute: 'targets', target: group }) });
    }
    for (const m of Array.isArray(members) ? members : []) {
      const name = String(m);
      if (project.groups.has(name)) visitGroup(name);
      else if (project.targets.has(name)) named.add(name);
      else unknown.push({ group, name, file: g.file, line: g.line });
    }
  };
  for (const group of project.groups.keys()) visitGroup(group);

  const inherited = new Set<string>();
  for (const defs of project.targets.values()) {
    for (const def of defs) {
      const inherits = def.attributes.get('inherits');
      const contexts = def.attributes.get('contexts');
      try {
        const value = inherits ? evaluate(inherits, globals) : [];
        for (const v of Array.isArray(value) ? value : [value]) inherited.add(String(v));
      } catch (e) {
        if (!(e instanceof NotEvaluated)) throw e;
      }
      try {
        // A target another one uses as a named context (`target:base`) is built with it, inherited or not.
        const value = contexts ? evaluate(contexts, globals) : {};
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          for (const v of Object.values(value)) if (typeof v === 'string' && v.startsWith('target:') && project.targets.has(v.slice(7))) named.add(v.slice(7));
        }
      } catch (e) {
        if (!(e instanceof NotEvaluated)) throw e;
      }
    }
  }
  // A name no target has may be one a matrix gives: the caller checks those after expanding.
  return { targets: [...project.targets.keys()].filter((name) => named.has(name) || !inherited.has(name)), unknown };
}

/** A target's matrix combinations (one without a matrix), each with its name and its matrix values. */
function expandMatrix(name: string, defs: TargetDefinition[], globals: HclScope, problems: InvocationProblem[], t: ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>): Array<{ invocationName: string; extra: Record<string, HclValue>; problems: string[] }> {
  const matrixExpr = [...defs].reverse().map((d) => d.attributes.get('matrix')).find((e) => e);
  if (!matrixExpr) return [{ invocationName: name, extra: {}, problems: [] }];
  let matrix: HclValue;
  try {
    matrix = evaluate(matrixExpr, globals);
  } catch (e) {
    if (!(e instanceof NotEvaluated)) throw e;
    const message = t('invocation.bake.notEvaluated', { what: e.message, attribute: 'matrix', target: name });
    problems.push({ file: defs[0].file, line: matrixExpr.line, message });
    return [{ invocationName: name, extra: {}, problems: [message] }];
  }
  if (!matrix || typeof matrix !== 'object' || Array.isArray(matrix) || Object.values(matrix).some((v) => !Array.isArray(v))) {
    const message = t('invocation.bake.matrixInvalid', { target: name });
    problems.push({ file: defs[0].file, line: matrixExpr.line, message });
    return [{ invocationName: name, extra: {}, problems: [message] }];
  }
  let combinations: Array<Record<string, HclValue>> = [{}];
  for (const [key, list] of Object.entries(matrix)) {
    combinations = combinations.flatMap((c) => (list as HclValue[]).map((v) => ({ ...c, [key]: v })));
  }
  const nameExpr = [...defs].reverse().map((d) => d.attributes.get('name')).find((e) => e);
  return combinations.map((extra) => {
    const scope: HclScope = { variable: (n: string) => (n in extra ? extra[n] : globals.variable(n)), functions: globals.functions };
    const fallback = [name, ...Object.values(extra).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))].join('-');
    if (!nameExpr) return { invocationName: fallback, extra, problems: [] };
    try {
      return { invocationName: String(evaluate(nameExpr, scope)), extra, problems: [] };
    } catch (e) {
      if (!(e instanceof NotEvaluated)) throw e;
      const message = t('invocation.bake.notEvaluated', { what: describeExpression(nameExpr) === 'the expression' ? e.message : describeExpression(nameExpr), attribute: 'name', target: name });
      problems.push({ file: defs[0].file, line: nameExpr.line, message });
      return { invocationName: fallback, extra, problems: [message] };
    }
  });
}

/**
 * Where a definition writes the parts it sets: `target`, each key of `args` and `contexts` (the line of its entry
 * in an object written out, else the attribute's), each `secret` by id (the line of its item in a list written out;
 * secrets add up through inherits and definitions, a later one with the same id pointed at).
 */
function locations(def: TargetDefinition, own: Attributes, scope: HclScope): DeclaredAt {
  const at: DeclaredAt = {};
  const here = (line: number) => ({ file: def.file, line });
  const target = def.attributes.get('target');
  if (target && typeof own.target === 'string') at.target = here(target.line);
  for (const [attribute, prefix] of [['args', 'arg:'], ['contexts', 'context:']] as const) {
    const expr = def.attributes.get(attribute);
    const value = own[attribute];
    if (!expr || !isObject(value)) continue;
    const entryPlaces = new Map<string, { line: number; column?: number; length?: number }>();
    if (expr.kind === 'object') {
      for (const entry of expr.entries) {
        try {
          const key = String(evaluate(entry.key, scope));
          entryPlaces.set(key, entry.column !== undefined ? { line: entry.key.line, column: entry.column, length: key.length } : { line: entry.key.line });
        } catch (e) {
          if (!(e instanceof NotEvaluated)) throw e;
        }
      }
    }
    for (const key of Object.keys(value)) at[prefix + key] = { file: def.file, ...(entryPlaces.get(key) ?? { line: expr.line }) };
  }
  const secret = def.attributes.get('secret');
  if (secret && own.secret !== undefined) {
    const items = secretItems(own.secret);
    items.forEach((item, i) => {
      const id = secretItemId(item);
      if (id) at[`secret:${id}`] = here(secret.kind === 'tuple' && secret.items.length === items.length ? secret.items[i].line : secret.line);
    });
  }
  return at;
}

/** `over` on `base` as mergeAttributes does, and the places with it: what `over` writes is pointed at there. */
function mergeResolved(base: Resolved, over: Resolved): Resolved {
  const attributes = mergeAttributes(base.attributes, over.attributes);
  const unknown = new Set(base.unknown);
  // A value `over` writes in full is known again; secrets add up, and a map merged key by key keeps what is not known.
  for (const key of Object.keys(over.attributes)) if (key !== 'secret' && !MAP_ATTRIBUTES.has(key)) unknown.delete(key);
  for (const key of over.unknown ?? []) {
    unknown.add(key);
    // What `over` writes and cannot evaluate replaces what it would have replaced: no value, not the base's.
    if (key !== 'secret' && !MAP_ATTRIBUTES.has(key)) delete attributes[key as keyof Attributes];
  }
  return { attributes, at: { ...base.at, ...over.at }, ...(unknown.size ? { unknown } : {}) };
}


/** Later wins; the maps of MAP_ATTRIBUTES merge key by key. */
function mergeAttributes(base: Attributes, over: Attributes): Attributes {
  const out: Attributes = { ...base };
  for (const [key, value] of Object.entries(over) as Array<[keyof Attributes, HclValue]>) {
    const before = out[key];
    // Buildx merges maps key by key and adds the secrets of each target it inherits from (one per id).
    if (key === 'secret' && Array.isArray(before) && Array.isArray(value)) out[key] = [...before, ...value];
    else out[key] = MAP_ATTRIBUTES.has(key) && isObject(before) && isObject(value) ? { ...before, ...value } : value;
  }
  return out;
}

/**
 * The variables bake defines itself, unless a file does: BAKE_CMD_CONTEXT is where bake runs (`cwd://`),
 * BAKE_LOCAL_PLATFORM the building machine's platform, which only the environment can tell here.
 */
function builtInVariable(name: string, env: Readonly<Record<string, string>>): HclValue | undefined {
  if (name === 'BAKE_CMD_CONTEXT') return 'cwd://';
  if (name !== 'BAKE_LOCAL_PLATFORM') return undefined;
  if (name in env) return env[name];
  throw new NotEvaluated('the built-in variable BAKE_LOCAL_PLATFORM (the platform of the machine that builds)');
}

/** A `cwd://` context is a folder relative to where bake runs: the bake file's folder, here. */
function commandFolder(context: string): string {
  return context.startsWith('cwd://') ? context.slice('cwd://'.length) || '.' : context;
}

/** A variable's value from the environment, read as its default's type (bake does the same). */
function fromEnv(text: string, fallback: HclValue): HclValue {
  if (typeof fallback === 'boolean') return /^(1|t|true)$/i.test(text) ? true : /^(0|f|false)$/i.test(text) ? false : text;
  if (typeof fallback === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

function stringMap(v: HclValue | undefined): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  // A null value is an arg not passed: the Dockerfile's default applies.
  for (const [k, x] of Object.entries(v)) if (x !== null && typeof x !== 'object') out[k] = String(x);
  return out;
}

function stringList(v: HclValue | undefined): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x) => x !== null && typeof x !== 'object').map(String) : [];
}

/**
 * The id of a `--secret` value (`id=npm,src=./npmrc`, `type=env,id=TOKEN`). Buildx requires `id`: a secret
 * without one (`type=env,env=TOKEN`, `src=./npmrc`) fails the build ("secret missing ID"), so it provides nothing.
 */
export function secretId(spec: string): string | undefined {
  let id: string | undefined;
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === 'id') id = part.slice(eq + 1).trim();
  }
  return id || undefined;
}

/** The ids a target's `secret` provides: each a `--secret` string or an object (`{ type = "env", id = "KUBECONFIG" }`). */
function secretIds(v: HclValue | undefined): string[] {
  return secretItems(v).flatMap((item) => {
    const id = secretItemId(item);
    return id ? [id] : [];
  }).filter((id, i, all) => all.indexOf(id) === i);
}

function secretItems(v: HclValue | undefined): HclValue[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** The id one `secret` item provides, if any. */
function secretItemId(item: HclValue): string | undefined {
  return typeof item === 'string' ? secretId(item) : item && typeof item === 'object' && !Array.isArray(item) && typeof item.id === 'string' ? item.id : undefined;
}
