// Compose files read into invocations: the files of one project merged in order (compose.yaml then
// compose.override.yaml, or a -f list), each service with `build:` one invocation. Values are interpolated from
// the environment the host passes (its own plus the project's .env) as compose does. Relative paths resolve
// against the project folder, the first file's folder, for every file of the list (as compose does); a service
// that `extends:` one from another file takes that service's paths relative to that file's folder.
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair } from 'yaml';
import type { Locale } from '../i18n/locale';
import { speaker } from '../i18n/catalog';
import { dirname, join, normalize, withoutTrailingSlashes } from '../model/paths';
import { INVOCATION_STRINGS } from './strings';
import { resolveContextPath, resolveDockerfile, type ComposeInclude, type Invocation, type InvocationFile, type InvocationProblem, type InvocationsRead, type DeclaredAt, usedLocations } from './types';


type Speak = ReturnType<typeof speaker<typeof INVOCATION_STRINGS>>;

/** A service's `build:` read and its paths resolved (the Dockerfile stays relative to the context until the end). */
interface BuildSettings {
  context?: string;
  dockerfile?: string;
  inline?: boolean;
  args: Record<string, string>;
  target?: string;
  platforms: string[];
  secrets: string[];
  additionalContexts: Record<string, string>;
  /** Where this file (or the base it extends, an earlier file of the list) writes its parts. */
  at: DeclaredAt;
  /** Args from something other services share: the base it extends, a YAML merge key. */
  shared: string[];
}

interface ServiceEntry {
  /** The service's mapping after interpolation. */
  value: Record<string, unknown>;
  file: string;
  line: number;
  /** The lines of its `build:` parts (`target`, `arg:NAME`, `secret:ID`, `context:NAME`). */
  at: DeclaredAt;
  /** The args its `build:` takes through a YAML merge key (`<<: *common-args`). */
  mergedArgs: string[];
}

/** One compose file read: its services by name. */
interface ComposeFileRead {
  path: string;
  services: Map<string, ServiceEntry>;
  includes: ComposeInclude[];
}

/**
 * The builds one compose project declares. `files`: its compose files in order (the first's folder is the project's
 * unless `projectDirectory` says another, as an `include:` entry may). What its files include is listed in
 * `includes` for the host to read and pass here again, each as a project of its own.
 */
export function composeInvocations(files: readonly InvocationFile[], env: Readonly<Record<string, string>>, options: { locale?: Locale; projectDirectory?: string } = {}): InvocationsRead {
  const t = speaker(INVOCATION_STRINGS, options.locale ?? 'en');
  const problems: InvocationProblem[] = [];
  const read = new Map<string, ComposeFileRead>();
  for (const file of files) read.set(file.path, readComposeFile(file, env, problems, t));
  if (files.length === 0) return { invocations: [], problems };
  const projectDir = options.projectDirectory ?? folderOf(files[0].path);
  const includes = [...read.values()].flatMap((r) => r.includes);

  // Each file's services with extends followed, then merged in the order of the list.
  const merged = new Map<string, { build?: BuildSettings; file: string; line: number; hasBuild: boolean }>();
  // The image each service's build is tagged as (the last file that says wins, as for any attribute).
  const images = new Map<string, string>();
  for (const file of files) {
    const fileRead = read.get(file.path)!;
    for (const [name, entry] of fileRead.services) {
      if (typeof entry.value.image === 'string' && entry.value.image) images.set(name, entry.value.image);
      const build = buildOf(fileRead, name, projectDir, read, env, problems, t, new Set());
      const before = merged.get(name);
      if (!before) merged.set(name, { build, file: entry.file, line: entry.line, hasBuild: !!build });
      else if (build) before.build = before.build ? mergeBuild(before.build, build) : build;
    }
  }

  const invocations: Invocation[] = [];
  for (const [name, service] of merged) {
    const build = service.build;
    if (!build || build.inline) continue;
    const context = build.context ?? projectDir;
    const invocation: Invocation = {
      source: { kind: 'compose', file: service.file, line: service.line },
      name,
      context,
      dockerfile: resolveDockerfile(context, build.dockerfile),
      args: build.args,
      platforms: build.platforms,
      secrets: build.secrets,
      additionalContexts: build.additionalContexts,
    };
    if (build.target) invocation.target = build.target;
    const sharedArgs = build.shared.filter((k) => k in build.args);
    if (sharedArgs.length) invocation.sharedArgs = sharedArgs;
    const declaredAt = usedLocations(build.at, build);
    if (Object.keys(declaredAt).length) invocation.declaredAt = declaredAt;
    invocations.push(invocation);
  }
  // What the other services build is a local image to a FROM that names it; one built from the same Dockerfile
  // cannot be its base (two services tagging one build alike).
  const byService = new Map(invocations.map((i) => [i.name, i]));
  for (const invocation of invocations) {
    const built = [...images].filter(([service]) => byService.has(service) && byService.get(service)!.dockerfile !== invocation.dockerfile);
    if (built.length) invocation.projectImages = Object.fromEntries(built.map(([service, image]) => [image, service]));
  }
  return { invocations, problems, ...(includes.length ? { includes } : {}) };
}

/**
 * The entries of `include:`: a path, or a mapping with `path` (one or a list), `project_directory` and `env_file`,
 * interpolated, their paths relative to the including file's folder.
 */
function readIncludes(node: unknown, file: string, env: Readonly<Record<string, string>>, lineOf: (node: unknown) => number, problems: InvocationProblem[], t: Speak): ComposeInclude[] {
  const out: ComposeInclude[] = [];
  const base = folderOf(file);
  if (!isSeq(node)) {
    problems.push({ file, line: lineOf(node), message: t('invocation.compose.includeInvalid') });
    return out;
  }
  for (const item of node.items) {
    const line = lineOf(item);
    const report = (message: string) => problems.push({ file, line, message });
    const value = interpolateValue(isScalar(item) || isMap(item) || isSeq(item) ? item.toJSON() : undefined, env, report, t);
    const strings = (v: unknown): string[] | undefined => (typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);
    const entry = typeof value === 'string' ? { path: value } : value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
    const paths = entry && strings(entry.path);
    if (!entry || !paths?.length) { report(t('invocation.compose.includeInvalid')); continue; }
    const at = (p: string) => withoutTrailingSlashes(p.startsWith('/') ? normalize(p) : join(base, p));
    const files = paths.map(at);
    const projectDirectory = typeof entry.project_directory === 'string' ? at(entry.project_directory) : folderOf(files[0]);
    out.push({ files, projectDirectory, envFiles: (strings(entry.env_file) ?? []).map(at), file, line });
  }
  return out;
}

function folderOf(path: string): string {
  const dir = dirname(path);
  return dir === '.' ? '.' : dir;
}

function readComposeFile(file: InvocationFile, env: Readonly<Record<string, string>>, problems: InvocationProblem[], t: Speak): ComposeFileRead {
  const services = new Map<string, ServiceEntry>();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(file.text, { lineCounter, merge: true, uniqueKeys: false });
  } catch (e) {
    problems.push({ file: file.path, line: 1, message: t('invocation.yaml.invalid', { error: e instanceof Error ? e.message : String(e) }) });
    return { path: file.path, services, includes: [] };
  }
  if (doc.errors.length) {
    for (const error of doc.errors) problems.push({ file: file.path, line: error.linePos?.[0].line ?? 1, message: t('invocation.yaml.invalid', { error: error.message.split('\n')[0].replace(/:$/, '') }) });
    return { path: file.path, services, includes: [] };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { path: file.path, services, includes: [] };
  if (!isMap(root)) {
    problems.push({ file: file.path, line: 1, message: t('invocation.compose.notMapping') });
    return { path: file.path, services, includes: [] };
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  // The line of a node, and where `name` is written on it when the node's text starts with it (quoted or not).
  const placeOf = (node: unknown, name: string): { line: number; column?: number; length?: number } => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return { line: 1 };
    const { line, col } = lineCounter.linePos(range[0]);
    const quoted = file.text[range[0]] === '"' || file.text[range[0]] === "'" ? 1 : 0;
    return file.text.startsWith(name, range[0] + quoted) ? { line, column: col - 1 + quoted, length: name.length } : { line };
  };
  const includePair = root.items.find((p) => isScalar(p.key) && p.key.value === 'include');
  const includes = includePair ? readIncludes(includePair.value, file.path, env, lineOf, problems, t) : [];
  const servicesPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'services');
  if (!servicesPair || servicesPair.value === null || (isScalar(servicesPair.value) && servicesPair.value.value === null)) return { path: file.path, services, includes };
  if (!isMap(servicesPair.value)) {
    problems.push({ file: file.path, line: lineOf(servicesPair.key), message: t('invocation.compose.servicesNotMapping') });
    return { path: file.path, services, includes };
  }
  for (const pair of servicesPair.value.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (name === undefined) continue;
    const line = lineOf(pair.key);
    let value: unknown;
    try {
      value = isNode(pair.value) ? pair.value.toJS(doc) : null;
    } catch (e) {
      // A merge key over something that is not a mapping, an alias to nothing: compose refuses the file too.
      problems.push({ file: file.path, line, message: t('invocation.yaml.invalid', { error: e instanceof Error ? e.message : String(e) }) });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      services.set(name, { value: {}, file: file.path, line, at: {}, mergedArgs: [] });
      continue;
    }
    // Only what decides the build (and the image it makes) is interpolated: a `${X:?}` elsewhere is compose's business.
    const service = value as Record<string, unknown>;
    const report = (message: string) => problems.push({ file: file.path, line, message });
    const interpolated: Record<string, unknown> = {};
    for (const key of ['build', 'extends', 'image'] as const) {
      if (key in service) interpolated[key] = interpolateValue(service[key], env, report, t);
    }
    const buildNode = pairsOf(pair.value, doc).get('build')?.value;
    const argsNode = pairsOf(buildNode, doc).get('args')?.value;
    const ownArgs = new Set(isMap(argsNode) ? argsNode.items.flatMap((p) => (isScalar(p.key) && typeof p.key.value !== 'symbol' ? [String(p.key.value)] : [])) : []);
    const mergedArgs = isMap(argsNode) ? [...pairsOf(argsNode, doc).keys()].filter((k) => !ownArgs.has(k)) : [];
    services.set(name, { value: interpolated, file: file.path, line, at: buildLocations(buildNode, interpolated.build, doc, file.path, placeOf), mergedArgs });
  }
  return { path: file.path, services, includes };
}

/** A mapping's pairs by key, YAML merge keys (`<<: *base`) followed; the mapping's own keys win. */
function pairsOf(node: unknown, doc: Document): Map<string, Pair> {
  const out = new Map<string, Pair>();
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isMap(target)) return out;
  const merged: Array<Map<string, Pair>> = [];
  for (const pair of target.items) {
    if (!isScalar(pair.key)) continue;
    if (typeof pair.key.value === 'symbol' || pair.key.source === '<<') {
      for (const base of isSeq(pair.value) ? pair.value.items : [pair.value]) merged.push(pairsOf(base, doc));
    } else out.set(String(pair.key.value), pair);
  }
  // The first merged mapping wins over later ones, as in YAML's merge.
  for (const base of merged) for (const [k, p] of base) if (!out.has(k)) out.set(k, p);
  return out;
}

/**
 * The lines of a `build:` mapping's parts: `target`, each args entry (map or `KEY=value` list), each secret (by
 * the id the Dockerfile mounts) and each additional context. `build` is the same mapping interpolated, whose list
 * items are in the node's order.
 */
function buildLocations(node: unknown, build: unknown, doc: Document, file: string, placeOf: (node: unknown, name: string) => { line: number; column?: number; length?: number }): DeclaredAt {
  const lineOf = (n: unknown) => placeOf(n, '').line;
  const at: DeclaredAt = {};
  const pairs = pairsOf(node, doc);
  if (!pairs.size || !build || typeof build !== 'object' || Array.isArray(build)) return at;
  const b = build as Record<string, unknown>;
  const target = pairs.get('target');
  if (target) at.target = { file, line: lineOf(target.key) };
  const entries = (key: string, prefix: string) => {
    const value = pairs.get(key)?.value;
    const list = isAlias(value) ? value.resolve(doc) : value;
    if (isSeq(list)) {
      const items = Array.isArray(b[key]) ? (b[key] as unknown[]) : [];
      list.items.forEach((item, i) => {
        const text = items[i];
        const name = typeof text === 'string' ? text.split('=')[0] : undefined;
        if (name !== undefined) at[`${prefix}${name}`] = { file, ...placeOf(item, name) };
      });
    } else for (const [name, pair] of pairsOf(list, doc)) at[`${prefix}${name}`] = { file, ...placeOf(pair.key, name) };
  };
  entries('args', 'arg:');
  entries('additional_contexts', 'context:');
  const secrets = pairs.get('secrets')?.value;
  if (isSeq(secrets) && Array.isArray(b.secrets)) {
    secrets.items.forEach((item, i) => {
      const id = secretIdOf((b.secrets as unknown[])[i]);
      if (id) at[`secret:${id}`] = { file, line: lineOf(item) };
    });
  }
  return at;
}

/** The id a compose secrets entry provides: the short syntax's name, the long one's `target` (else `source`). */
function secretIdOf(entry: unknown): string | undefined {
  const id = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as Record<string, unknown>).target ?? (entry as Record<string, unknown>).source : undefined;
  return typeof id === 'string' && id ? id : undefined;
}


/** A service's build settings with `extends:` followed (the service's own keys win over the base's). */
function buildOf(file: ComposeFileRead, name: string, baseDir: string, read: ReadonlyMap<string, ComposeFileRead>, env: Readonly<Record<string, string>>, problems: InvocationProblem[], t: Speak, visiting: Set<string>): BuildSettings | undefined {
  const entry = file.services.get(name)!;
  const key = `${file.path}#${name}`;
  if (visiting.has(key)) {
    problems.push({ file: entry.file, line: entry.line, message: t('invocation.compose.extendsCycle', { service: name }) });
    return undefined;
  }
  visiting.add(key);
  let inherited: BuildSettings | undefined;
  const ext = entry.value.extends;
  if (ext !== undefined) {
    const baseName = typeof ext === 'string' ? ext : ext && typeof ext === 'object' ? String((ext as Record<string, unknown>).service ?? '') : '';
    const otherFile = ext && typeof ext === 'object' && typeof (ext as Record<string, unknown>).file === 'string' ? (ext as Record<string, string>).file : undefined;
    if (otherFile !== undefined) {
      const path = join(folderOf(file.path), otherFile);
      const other = read.get(path);
      if (!other) problems.push({ file: entry.file, line: entry.line, message: t('invocation.compose.extendsFileMissing', { service: name, base: baseName, file: path }) });
      else if (!other.services.has(baseName)) problems.push({ file: entry.file, line: entry.line, message: t('invocation.compose.extendsUnknown', { service: name, base: baseName }) });
      else inherited = buildOf(other, baseName, folderOf(path), read, env, problems, t, visiting);
    } else if (!file.services.has(baseName)) {
      problems.push({ file: entry.file, line: entry.line, message: t('invocation.compose.extendsUnknown', { service: name, base: baseName }) });
    } else inherited = buildOf(file, baseName, baseDir, read, env, problems, t, visiting);
  }
  visiting.delete(key);
  const own = 'build' in entry.value ? readBuild(entry.value.build, baseDir, env, (message) => problems.push({ file: entry.file, line: entry.line, message }), name, t) : undefined;
  if (own) {
    own.at = entry.at;
    own.shared = entry.mergedArgs;
  }
  // What the base passes, it passes to every service that extends it.
  if (inherited) inherited.shared = Object.keys(inherited.args);
  if (inherited && own) return mergeBuild(inherited, own);
  return own ?? inherited;
}

function readBuild(build: unknown, baseDir: string, env: Readonly<Record<string, string>>, report: (message: string) => void, service: string, t: Speak): BuildSettings | undefined {
  const settings: BuildSettings = { args: {}, platforms: [], secrets: [], additionalContexts: {}, at: {}, shared: [] };
  if (typeof build === 'string') {
    settings.context = resolveContextPath(baseDir, build);
    return settings;
  }
  if (!build || typeof build !== 'object' || Array.isArray(build)) {
    report(t('invocation.compose.buildInvalid', { service }));
    return undefined;
  }
  const b = build as Record<string, unknown>;
  if (typeof b.context === 'string') settings.context = resolveContextPath(baseDir, b.context);
  if (typeof b.dockerfile === 'string') settings.dockerfile = b.dockerfile;
  if (b.dockerfile_inline !== undefined) settings.inline = true;
  if (typeof b.target === 'string' && b.target) settings.target = b.target;
  settings.args = readArgs(b.args, env);
  if (Array.isArray(b.platforms)) settings.platforms = b.platforms.filter((p): p is string => typeof p === 'string');
  if (Array.isArray(b.secrets)) {
    for (const s of b.secrets) {
      // Short syntax names the secret; the long one's `target` is the id the Dockerfile mounts (source without).
      const id = secretIdOf(s);
      if (id) settings.secrets.push(id);
    }
  }
  for (const [k, v] of Object.entries(keyValues(b.additional_contexts))) if (v !== undefined) settings.additionalContexts[k] = resolveContextPath(baseDir, v);
  return settings;
}

/** `args:` as a map or a `KEY=value` list; a key without a value takes the environment's, or is not passed. */
function readArgs(args: unknown, env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(keyValues(args))) {
    const value = v ?? env[k];
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/** A compose map-or-list (`{A: 1}` or `["A=1", "B"]`) as strings; a key without value is undefined. */
function keyValues(value: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq < 0) out[item] = undefined;
      else out[item.slice(0, eq)] = item.slice(eq + 1);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out[k] = v === null || v === undefined ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** A later file's (or the extending service's) build over an earlier one: scalars replaced, maps and lists merged. */
function mergeBuild(base: BuildSettings, over: BuildSettings): BuildSettings {
  return {
    context: over.context ?? base.context,
    dockerfile: over.dockerfile ?? base.dockerfile,
    inline: over.dockerfile !== undefined ? over.inline : (over.inline ?? base.inline),
    args: { ...base.args, ...over.args },
    target: over.target ?? base.target,
    platforms: [...new Set([...base.platforms, ...over.platforms])],
    secrets: [...new Set([...base.secrets, ...over.secrets])],
    additionalContexts: { ...base.additionalContexts, ...over.additionalContexts },
    // What the later one writes was written there; the rest stays where the earlier one wrote it.
    at: { ...base.at, ...over.at },
    // An arg the later one writes itself is its own, whatever the earlier one shared.
    shared: [...new Set([...base.shared.filter((k) => !(k in over.args)), ...over.shared])],
  };
}

function interpolateValue(value: unknown, env: Readonly<Record<string, string>>, report: (message: string) => void, t: Speak): unknown {
  if (typeof value === 'string') return interpolate(value, env, report, t);
  if (Array.isArray(value)) return value.map((v) => interpolateValue(v, env, report, t));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateValue(v, env, report, t)]));
  return value;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Compose's interpolation: `$VAR`, `${VAR}`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
 * `${VAR:?err}` / `${VAR?err}` (required), `${VAR:+alt}` / `${VAR+alt}`, and `$$` for a `$`. Defaults may
 * interpolate themselves. A required variable that is missing is reported and yields ''.
 */
export function interpolate(text: string, env: Readonly<Record<string, string>>, report: (message: string) => void = () => {}, t: Speak = speaker(INVOCATION_STRINGS, 'en')): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') { out += c; i++; continue; }
    const next = text[i + 1];
    if (next === '$') { out += '$'; i += 2; continue; }
    if (next !== '{') {
      const name = NAME.exec(text.slice(i + 1));
      if (!name) { out += '$'; i++; continue; }
      out += env[name[0]] ?? '';
      i += 1 + name[0].length;
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end < 0) { report(t('invocation.interpolation.invalid', { text: text.slice(i) })); out += text.slice(i); break; }
    const inner = text.slice(i + 2, end);
    i = end + 1;
    const name = NAME.exec(inner)?.[0];
    if (!name) { report(t('invocation.interpolation.invalid', { text: `\${${inner}}` })); out += `\${${inner}}`; continue; }
    const rest = inner.slice(name.length);
    const op = /^(:-|-|:\?|\?|:\+|\+)?/.exec(rest)![0];
    const word = rest.slice(op.length);
    if (!op && word) { report(t('invocation.interpolation.invalid', { text: `\${${inner}}` })); out += `\${${inner}}`; continue; }
    const value = env[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (op) {
      case '': out += value ?? ''; break;
      case ':-': out += nonEmpty ? value : interpolate(word, env, report, t); break;
      case '-': out += set ? value : interpolate(word, env, report, t); break;
      case ':+': out += nonEmpty ? interpolate(word, env, report, t) : ''; break;
      case '+': out += set ? interpolate(word, env, report, t) : ''; break;
      default: {
        const required = op === ':?' ? nonEmpty : set;
        if (required) out += value;
        else report(t('invocation.interpolation.required', { name, message: interpolate(word, env, report, t) || 'not set' }));
      }
    }
  }
  return out;
}

/** The index of the `}` that closes a `${` whose body starts at `from`, nested `${…}` skipped; -1 when none. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') { depth++; i++; } else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * A `.env` file's variables: `KEY=value`, `export KEY=value`, `#` comments; single quotes literal, double quotes
 * with `\n` `\t` `\"` `\\` escapes and able to span lines; unquoted values trimmed, ` #` starting a comment.
 * Unquoted and double-quoted values interpolate `${VAR}` from the variables above and `env`.
 */
export function parseDotEnv(text: string, env: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const scope = () => ({ ...env, ...out });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, raw] = m;
    if (raw.startsWith("'")) {
      let value = raw.slice(1);
      while (!value.includes("'") && n + 1 < lines.length) value += `\n${lines[++n]}`;
      out[key] = value.slice(0, value.indexOf("'") < 0 ? undefined : value.indexOf("'"));
    } else if (raw.startsWith('"')) {
      let value = raw.slice(1);
      const closing = (s: string) => { for (let i = 0; i < s.length; i++) { if (s[i] === '\\') i++; else if (s[i] === '"') return i; } return -1; };
      while (closing(value) < 0 && n + 1 < lines.length) value += `\n${lines[++n]}`;
      const end = closing(value);
      const body = (end < 0 ? value : value.slice(0, end)).replace(/\\([nt"\\$])/g, (_, e: string) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\', $: '$$' }[e] ?? e));
      out[key] = interpolate(body, scope());
    } else {
      out[key] = interpolate(raw.replace(/\s+#.*$/, '').trim(), scope());
    }
  }
  return out;
}
