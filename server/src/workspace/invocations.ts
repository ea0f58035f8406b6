// Which compose services and bake targets build a Dockerfile: the compose and bake files in its folder and in
// every folder above it up to the root (a compose file at the repository root often builds Dockerfiles below
// it), read through the host and parsed by the engine (engine/invocation). Nothing is run.
import {
  allInvocationFileNames, bakeInvocations, bakeProjectFiles, composeInvocations, composeProjectFiles, invocationsFor, parseDotEnv,
  type Invocation, type InvocationFile, type InvocationProblem,
} from '../engine/invocation';
import type { Locale } from '../engine/i18n/locale';
import type { HostFileSystem } from './host';
import { uriDirname, uriJoin, uriWithin } from './uri';

/** Compose and bake files are small: a larger one is not read. */
const MAX_BYTES = 1 << 20;

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

/**
 * The invocations of the compose and bake files from the Dockerfile's folder up to `root` (a folder URI that
 * holds it) that build it. `env` is the environment the tools would see; a compose project's `.env` adds to it.
 */
export async function findInvocations(fs: HostFileSystem, dockerfileUri: string, root: string, env: Readonly<Record<string, string>>, locale: Locale = 'en', chosen?: ChosenFiles): Promise<FoundInvocations> {
  const found: FoundInvocations = { root, dockerfile: relativeTo(root, dockerfileUri), invocations: [], problems: [], files: [] };
  if (!uriWithin(dockerfileUri, root)) return found;
  const all: Invocation[] = [];
  if (chosen) {
    const read = async (uris: readonly string[]): Promise<InvocationFile[]> => {
      const files: InvocationFile[] = [];
      for (const uri of uris) {
        const text = await readText(fs, uri);
        if (text === undefined || !uriWithin(uri, root)) continue;
        files.push({ path: relativeTo(root, uri), text });
        found.files.push(relativeTo(root, uri));
      }
      return files;
    };
    const compose = await read(chosen.compose ?? []);
    if (compose.length) {
      const folder = uriDirname(chosen.compose![0]);
      const dotEnv = parseDotEnv((await readText(fs, uriJoin(folder, '.env'))) ?? '', env);
      const r = composeInvocations(compose, { ...dotEnv, ...env }, { locale });
      all.push(...r.invocations);
      found.problems.push(...r.problems);
    }
    const bake = await read(chosen.bake ?? []);
    if (bake.length) {
      const r = bakeInvocations(bake, env, { locale });
      all.push(...r.invocations);
      found.problems.push(...r.problems);
    }
    found.invocations = invocationsFor(found.dockerfile, all);
    return found;
  }
  if (!fs.list) return found;
  for (let folder = uriDirname(dockerfileUri); ; folder = uriDirname(folder)) {
    const names = (await fs.list(folder))?.filter((e) => !e.folder).map((e) => e.name) ?? [];
    const read = async (list: readonly string[]): Promise<InvocationFile[]> => {
      const files: InvocationFile[] = [];
      for (const name of list) {
        const uri = uriJoin(folder, name);
        const text = await readText(fs, uri);
        if (text === undefined) continue;
        files.push({ path: relativeTo(root, uri), text });
        found.files.push(relativeTo(root, uri));
      }
      return files;
    };
    const compose = await read(composeProjectFiles(names));
    if (compose.length) {
      // Compose reads `.env` from the project folder; the environment wins over it.
      const dotEnv = names.includes('.env') ? parseDotEnv((await readText(fs, uriJoin(folder, '.env'))) ?? '', env) : {};
      const r = composeInvocations(compose, { ...dotEnv, ...env }, { locale });
      all.push(...r.invocations);
      found.problems.push(...r.problems);
    }
    const bake = await read(bakeProjectFiles(names));
    if (bake.length) {
      const r = bakeInvocations(bake, env, { locale });
      all.push(...r.invocations);
      found.problems.push(...r.problems);
    }
    if (folder === root.replace(/\/+$/, '') || uriDirname(folder) === folder || !uriWithin(uriDirname(folder), root)) break;
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
