// Which compose services and bake targets build a Dockerfile: the compose and bake files in its folder and in
// every folder above it up to the root (a compose file at the repository root often builds Dockerfiles below
// it), read through the host and parsed by the engine (engine/invocation). Nothing is run.
import {
  allInvocationFileNames, bakeInvocations, bakeProjectFiles, composeInvocations, composeProjectFiles, INVOCATION_STRINGS, invocationsFor, parseDotEnv,
  type ComposeInclude, type Invocation, type InvocationFile, type InvocationProblem,
} from '../engine/invocation';
import { speaker } from '../engine/i18n/catalog';
import type { Locale } from '../engine/i18n/locale';
import type { HostFileSystem } from './host';
import { uriDirname, uriJoin, uriWithin } from './uri';

/** Compose and bake files are small: a larger one is not read. */
const MAX_BYTES = 1 << 20;
/** Includes of includes are followed this deep (compose itself has no limit, but a cycle must end). */
const MAX_INCLUDE_DEPTH = 5;

export interface FoundInvocations {
  /** The folder paths are relative to. */
  root: string;
  /** The Dockerfile, relative to the root. */
  dockerfile: string;
  /** The services and targets that build it (none: it is built alone, from its folder, to its last stage). */
  invocations: Invocation[];
  /** What could not be read in the files that were read. */
  problems: InvocationProblem[];
  /** The compose and bake files read, relative to the root. */
  files: string[];
}

/** `uri` relative to `root` ('/'-separated, decoded); `uri` must be within it. */
function relativeTo(root: string, uri: string): string {
  const rest = uri.slice(root.replace(/\/+$/, '').length).replace(/^\/+/, '');
  return rest.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/') || '.';
}

async function readText(fs: HostFileSystem, uri: string): Promise<string | undefined> {
  const r = await fs.read(uri, MAX_BYTES);
  return 'text' in r ? r.text : undefined;
}

/** What the compose and bake files of one folder (or the files named on the command line) declare. */
interface FolderRead { invocations: Invocation[]; problems: InvocationProblem[]; files: string[] }

/**
 * What was read per folder (and root), kept for one run of the command or until a compose or bake file changes in
 * the editor: a folder of many Dockerfiles is listed and its files parsed once, not once per Dockerfile.
 */
export type InvocationCache = Map<string, Promise<FolderRead>>;

/** Reads one compose project (with the `.env` of its folder) and one set of bake files, paths relative to `root`. */
async function readProjects(fs: HostFileSystem, root: string, compose: readonly string[], bake: readonly string[], env: Readonly<Record<string, string>>, locale: Locale): Promise<FolderRead> {
  const out: FolderRead = { invocations: [], problems: [], files: [] };
  const read = async (uris: readonly string[]): Promise<InvocationFile[]> => {
    const files: InvocationFile[] = [];
    for (const uri of uris) {
      const text = uriWithin(uri, root) ? await readText(fs, uri) : undefined;
      if (text === undefined) continue;
      files.push({ path: relativeTo(root, uri), text });
      out.files.push(relativeTo(root, uri));
    }
    return files;
  };
  // What a compose file includes: each entry a project of its own (its folder, its .env or env files), read in turn;
  // a service it defines that the including project has too makes compose refuse both.
  const t = speaker(INVOCATION_STRINGS, locale);
  const readIncludes = async (includes: readonly ComposeInclude[], depth: number, seen: Set<string>): Promise<void> => {
    for (const include of includes) {
      const problem = (message: string) => out.problems.push({ file: include.file, line: include.line, message });
      if (depth > MAX_INCLUDE_DEPTH || include.files.some((f) => seen.has(f))) { problem(t('invocation.compose.includeTooDeep', { depth: String(MAX_INCLUDE_DEPTH) })); continue; }
      const files = await read(include.files.map((f) => uriJoin(root, f)));
      if (files.length < include.files.length) {
        problem(t('invocation.compose.includeMissing', { file: include.files.find((f) => !files.some((r) => r.path === f))! }));
        if (!files.length) continue;
      }
      const envFiles = include.envFiles.length ? include.envFiles : [`${include.projectDirectory}/.env`];
      let projectEnv: Record<string, string> = {};
      for (const f of envFiles) projectEnv = { ...projectEnv, ...parseDotEnv((await readText(fs, uriJoin(root, f))) ?? '', env) };
      const r = composeInvocations(files, { ...projectEnv, ...env }, { locale, projectDirectory: include.projectDirectory });
      out.problems.push(...r.problems);
      for (const i of r.invocations) {
        if (out.invocations.some((o) => o.source.kind === 'compose' && o.name === i.name)) problem(t('invocation.compose.includeConflict', { service: i.name, file: i.source.file }));
        else out.invocations.push(i);
      }
      await readIncludes(r.includes ?? [], depth + 1, new Set([...seen, ...include.files]));
    }
  };
  const composeFiles = await read(compose);
  if (composeFiles.length) {
    // Compose reads `.env` from the project folder; the environment wins over it.
    const dotEnv = parseDotEnv((await readText(fs, uriJoin(uriDirname(compose[0]), '.env'))) ?? '', env);
    const r = composeInvocations(composeFiles, { ...dotEnv, ...env }, { locale });
    out.invocations.push(...r.invocations);
    out.problems.push(...r.problems);
    await readIncludes(r.includes ?? [], 1, new Set(composeFiles.map((f) => f.path)));
  }
  const bakeFiles = await read(bake);
  if (bakeFiles.length) {
    const r = bakeInvocations(bakeFiles, env, { locale });
    out.invocations.push(...r.invocations);
    out.problems.push(...r.problems);
  }
  return out;
}

/** The compose and bake files a folder holds, read. */
async function readFolder(fs: HostFileSystem, folder: string, root: string, env: Readonly<Record<string, string>>, locale: Locale): Promise<FolderRead> {
  const names = (await fs.list!(folder))?.filter((e) => !e.folder).map((e) => e.name) ?? [];
  const uris = (list: readonly string[]) => list.map((n) => uriJoin(folder, n));
  return readProjects(fs, root, uris(composeProjectFiles(names)), uris(bakeProjectFiles(names)), env, locale);
}

/**
 * The invocations of the compose and bake files from the Dockerfile's folder up to `root` (a folder URI that
 * holds it), or of the `chosen` ones, that build it. `env` is the environment the tools would see; a compose
 * project's `.env` adds to it. `cache` keeps what each folder declares between calls.
 */
export async function findInvocations(fs: HostFileSystem, dockerfileUri: string, root: string, env: Readonly<Record<string, string>>, locale: Locale = 'en', chosen?: ChosenFiles, cache?: InvocationCache): Promise<FoundInvocations> {
  const found: FoundInvocations = { root, dockerfile: relativeTo(root, dockerfileUri), invocations: [], problems: [], files: [] };
  if (!uriWithin(dockerfileUri, root) || (!chosen && !fs.list)) return found;
  const once = (key: string, read: () => Promise<FolderRead>): Promise<FolderRead> => {
    let r = cache?.get(key);
    if (!r) {
      r = read();
      cache?.set(key, r);
    }
    return r;
  };
  const folders: Array<Promise<FolderRead>> = [];
  if (chosen) folders.push(once(`${root}\u0000chosen`, () => readProjects(fs, root, chosen.compose ?? [], chosen.bake ?? [], env, locale)));
  else {
    for (let folder = uriDirname(dockerfileUri); ; folder = uriDirname(folder)) {
      const at = folder;
      folders.push(once(`${root}\u0000${at}`, () => readFolder(fs, at, root, env, locale)));
      if (folder === root.replace(/\/+$/, '') || uriDirname(folder) === folder || !uriWithin(uriDirname(folder), root)) break;
    }
  }
  const all: Invocation[] = [];
  for (const r of await Promise.all(folders)) {
    all.push(...r.invocations);
    found.problems.push(...r.problems);
    found.files.push(...r.files);
  }
  found.invocations = invocationsFor(found.dockerfile, all);
  return found;
}

/** Compose and bake files named on the command line (URIs, in order): only they are read, nothing is looked for. */
export interface ChosenFiles { compose?: string[]; bake?: string[] }

/** The root for a Dockerfile when nothing else says: `preferred` (the current folder) when it holds the file, else the file's own folder. */
export function invocationRoot(dockerfileUri: string, preferred: string): string {
  return uriWithin(dockerfileUri, preferred) ? preferred.replace(/\/+$/, '') : uriDirname(dockerfileUri);
}


/** The files a watcher reports for linting to follow: the compose and bake files, and a compose project's `.env`. */
export const INVOCATION_FILE_NAMES: readonly string[] = [...allInvocationFileNames, '.env'];
export const INVOCATION_GLOB = `**/{${INVOCATION_FILE_NAMES.join(',')}}`;

export function isInvocationFileName(name: string): boolean {
  return INVOCATION_FILE_NAMES.includes(name);
}
