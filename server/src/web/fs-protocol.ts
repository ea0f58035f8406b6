// The requests a language server in a browser worker sends its client for files beside a Dockerfile (config
// files, .dockerignore): a worker has no file system, and the editor's (vscode.workspace.fs) reaches every kind
// of workspace, github.dev's and vscode.dev's virtual ones included. The worker's host (host.ts) sends them; the
// web client answers them (file-requests.ts).
import type { ReadResult } from '../workspace/host';

/** {uri, maxBytes} → ReadResult: the file's text, or why there is none. */
export const READ = 'dockwise/fs/read';
/** {uri} → boolean: whether a regular file is there. */
export const IS_FILE = 'dockwise/fs/isFile';
/** {uri, length} → the first `length` bytes, base64, or null when there is no such file. */
export const READ_HEAD = 'dockwise/fs/readHead';

export interface ReadParams { uri: string; maxBytes: number }
export interface IsFileParams { uri: string }
export interface ReadHeadParams { uri: string; length: number }
export type { ReadResult };

// btoa and atob take "binary strings" (one char per byte); both exist in browsers, workers and Node.
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}
