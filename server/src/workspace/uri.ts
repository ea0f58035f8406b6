// Path arithmetic on URI strings (`file:///srv/app/Dockerfile`, `vscode-vfs://github/o/r/Dockerfile`): the part
// after the scheme and authority is a POSIX path, whatever the host.
import * as posix from '../engine/model/paths';

function split(uri: string): { prefix: string; path: string } {
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i.exec(uri);
  return m ? { prefix: m[1], path: m[2] || '/' } : { prefix: '', path: uri };
}

/** The folder a URI is in; the root's folder is the root. */
export function uriDirname(uri: string): string {
  const { prefix, path } = split(uri);
  return prefix + posix.dirname(path);
}

/** A path relative to a folder URI (`..` allowed), each segment percent-encoded as in a URI. */
export function uriJoin(folder: string, relative: string): string {
  const { prefix, path } = split(folder);
  const rel = relative.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/');
  return prefix + posix.join(path, rel);
}

/** The last segment, decoded: the file's name. */
export function uriBasename(uri: string): string {
  const { path } = split(uri);
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  try { return decodeURIComponent(last); } catch { return last; }
}

/** Whether `uri` is `folder` or inside it. */
export function uriWithin(uri: string, folder: string): boolean {
  const f = folder.replace(/\/+$/, '');
  return uri === f || uri.startsWith(`${f}/`);
}

/** Whether the URI names a file in a folder (`file:///a/b`), not a document without one (`untitled:Untitled-1`). */
export function hasFolder(uri: string): boolean {
  return split(uri).path.startsWith('/');
}

/** The path of `to` relative to the folder `from` (decoded, '/'-separated, `..` where it goes up; '.' for the folder itself). */
export function uriRelative(from: string, to: string): string {
  const segments = (uri: string) => split(uri).path.split('/').filter(Boolean).map((s) => { try { return decodeURIComponent(s); } catch { return s; } });
  const a = segments(from);
  const b = segments(to);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/') || '.';
}
