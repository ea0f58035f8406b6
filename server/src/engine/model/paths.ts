// Path text helpers for paths written in a Dockerfile or a RUN.

/**
 * `path` without its trailing slashes, a lone `/` kept (`/srv//` is `/srv`, `/` stays `/`). A loop, not
 * `/\/+$/`: that regex retries at every slash of a long run that does not end the path, which is quadratic.
 */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}
