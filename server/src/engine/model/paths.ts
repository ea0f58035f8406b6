// Path text helpers for paths written in a Dockerfile or a RUN, and POSIX path arithmetic for paths inside an
// image (WORKDIR, COPY destinations) and inside a build context: the engine runs where Node's `path` does not
// exist (a browser worker), so it keeps its own, with the same results as Node's `path.posix`
// (test/unit/paths.test.ts compares them).

/**
 * `path` without its trailing slashes, a lone `/` kept (`/srv//` is `/srv`, `/` stays `/`). A loop, not
 * `/\/+$/`: that regex retries at every slash of a long run that does not end the path, which is quadratic.
 */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/** Resolves `.` and `..` segments and repeated slashes; `''` is `.`; a trailing slash is kept. */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const trailing = p.endsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  if (absolute) return `/${joined}${trailing && joined ? '/' : ''}`;
  return `${joined || '.'}${trailing ? '/' : ''}`;
}

/** Joins the non-empty parts with `/` and normalizes; no parts, or only empty ones, is `.`. */
export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

/**
 * The folder part, as Node gives it: `/a/b` → `/a`, `a` → `.`, `/` → `/`; trailing slashes do not count, and
 * the slashes before the last part are cut only once (`/a//b` → `/a/`, `//b` → `//`).
 */
export function dirname(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  let end = -1;
  let inTrailingSlashes = true;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p[i] !== '/') inTrailingSlashes = false;
    else if (!inTrailingSlashes) { end = i; break; }
  }
  if (end < 0) return rooted ? '/' : '.';
  return rooted && end === 1 ? '//' : p.slice(0, end);
}
