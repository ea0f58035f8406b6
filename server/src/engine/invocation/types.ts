// How a Dockerfile is built, as compose and bake files say: the context, the Dockerfile, the args, the target
// and the rest of what `docker compose build` and `docker buildx bake` pass to BuildKit. The rules read an
// Invocation instead of assuming the Dockerfile's folder, no --build-arg and the last stage. All paths are
// relative to the root folder the host gives (the workspace folder), '/'-separated.
import { join, normalize, withoutTrailingSlashes } from '../model/paths';

export interface InvocationSource {
  kind: 'compose' | 'bake' | 'default';
  /** The compose or bake file that declares it, relative to the root ('' for the default invocation). */
  file: string;
  /** 1-based line of the service or target in that file. */
  line?: number;
}

export interface Invocation {
  source: InvocationSource;
  /** The compose service or the bake target (a matrix target: the name its `name` expression gives). */
  name: string;
  /** The build context folder, relative to the root, normalised ('.' for the root); a URL is kept as written. */
  context: string;
  /** The Dockerfile, relative to the root (compose and bake write it relative to the context). */
  dockerfile: string;
  /** Build args after interpolation; an arg whose value comes from nowhere is left out, as the tools do. */
  args: Record<string, string>;
  /**
   * The args it takes from something other builds share: a bake parent it `inherits`, a compose service it
   * `extends`, a YAML merge key (`<<: *common-args`). Passing such an arg to a build that has no use for it is
   * deliberate, not a slip.
   */
  sharedArgs?: string[];
  /** The stage that ships; absent: the last one. */
  target?: string;
  platforms: string[];
  /**
   * The images the project's other services build (`image:` beside `build:`), by image name: the service. A FROM
   * naming one reads what that service built, not a registry image.
   */
  projectImages?: Record<string, string>;
  /** The ids of the build secrets provided (what `RUN --mount=type=secret,id=…` can use). */
  secrets: string[];
  /** The secrets could not all be read (a bake function not evaluated): which ids are provided is not known. */
  secretsUnknown?: true;
  /** Named contexts (`--build-context`): a folder relative to the root, or `docker-image://…`, `target:…`, a URL. */
  additionalContexts: Record<string, string>;
  /**
   * Where its parts are written, when known (the file relative to the root, 1-based line): `target`, `arg:NAME`,
   * `secret:ID`, `context:NAME`. A part without an entry is pointed at by `source`.
   */
  declaredAt?: DeclaredAt;
  /** What could not be read for this invocation (a function not evaluated, a variable required and unset). */
  problems?: string[];
}

/**
 * Where parts of a build are written, keyed `target`, `arg:NAME`, `secret:ID`, `context:NAME`; `column` (0-based) and
 * `length` where the name is written on the line, when it is written out as it is.
 */
export type DeclaredAt = Record<string, { file: string; line: number; column?: number; length?: number }>;

/**
 * The places of the parts a build ends up with: an arg whose value comes from nowhere, a secret or context a later
 * file replaced, were written but are not passed.
 */
export function usedLocations(at: DeclaredAt, build: Pick<Invocation, 'target' | 'args' | 'secrets' | 'additionalContexts'>): DeclaredAt {
  const used = (key: string) => {
    if (key === 'target') return !!build.target;
    const colon = key.indexOf(':');
    const [kind, name] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind === 'arg') return Object.prototype.hasOwnProperty.call(build.args, name);
    if (kind === 'secret') return build.secrets.includes(name);
    return kind === 'context' && Object.prototype.hasOwnProperty.call(build.additionalContexts, name);
  };
  return Object.fromEntries(Object.entries(at).filter(([key]) => used(key)));
}

/** Something in a compose or bake file that could not be read; the rest of the file still counts. */
export interface InvocationProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/** A compose or bake file: its path relative to the root, and its text. */
export interface InvocationFile {
  path: string;
  text: string;
}

export interface InvocationsRead {
  invocations: Invocation[];
  problems: InvocationProblem[];
  /** The compose files a compose file includes (`include:`), for the host to read: each a project of its own. */
  includes?: ComposeInclude[];
}

/** An `include:` entry: its files (relative to the root, in order), its project folder and env files, where it is. */
export interface ComposeInclude {
  files: string[];
  projectDirectory: string;
  envFiles: string[];
  /** The including file and the line of the entry. */
  file: string;
  line: number;
}

/**
 * A context-like value resolved against `base` (a folder relative to the root): a relative path is joined and
 * normalised, an absolute one normalised, and a URL or a `scheme://` / `target:` / `service:` reference kept.
 */
export function resolveContextPath(base: string, value: string): string {
  if (isRemoteReference(value)) return value;
  return withoutTrailingSlashes(value.startsWith('/') ? normalize(value) : join(base, value));
}

/** Whether a context value names something other than a local folder (git or http URL, image, another target). */
export function isRemoteReference(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || /^(?:target|service|docker-image|oci-layout):/.test(value)
    || /^git@/.test(value) || /^github\.com\//.test(value);
}

/** The Dockerfile's path relative to the root: compose and bake write it relative to the context. */
export function resolveDockerfile(context: string, dockerfile: string | undefined): string {
  const name = dockerfile || 'Dockerfile';
  if (isRemoteReference(context)) return name;
  return name.startsWith('/') ? normalize(name) : join(context, name);
}

/** The 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
