// The web client's answers to the server's file requests (fs-protocol.ts): the worker has no file system, so it
// asks; vscode.workspace.fs reads local, remote and virtual workspaces (github.dev) alike. Written against the
// part of vscode.workspace.fs it uses, so that the client passes the real one and tests an in-memory one.
import { toBase64, type IsFileParams, type ReadHeadParams, type ReadParams, type ReadResult } from './fs-protocol';

/** The part of vscode.workspace.fs used here (`U`: vscode.Uri). */
export interface WorkspaceFs<U> {
  stat(uri: U): PromiseLike<{ type: number; size: number }>;
  readFile(uri: U): PromiseLike<Uint8Array>;
}

const FILE = 1; // vscode.FileType.File: a bit, set for a symbolic link to a file too

function isMissing(e: unknown): boolean {
  // vscode.FileSystemError's code; providers that throw plain errors name ENOENT.
  const code = (e as { code?: unknown })?.code;
  return code === 'FileNotFound' || code === 'EntryNotFound' || code === 'ENOENT';
}

function message(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

export function fileRequests<U>(fs: WorkspaceFs<U>, parse: (uri: string) => U) {
  async function stat(uri: U): Promise<{ type: number; size: number } | undefined> {
    try { return await fs.stat(uri); } catch (e) { if (isMissing(e)) return undefined; throw e; }
  }
  return {
    async read(p: ReadParams): Promise<ReadResult> {
      try {
        const uri = parse(String(p?.uri));
        const s = await stat(uri);
        if (!s) return { error: `${p.uri} does not exist`, missing: true };
        if (!(s.type & FILE)) return { error: `${p.uri} is not a file` };
        const max = Number(p.maxBytes);
        if (Number.isFinite(max) && s.size > max) return { error: `${p.uri} is larger than ${max} bytes`, tooLarge: true };
        const bytes = await fs.readFile(uri);
        if (Number.isFinite(max) && bytes.length > max) return { error: `${p.uri} is larger than ${max} bytes`, tooLarge: true };
        return { text: new TextDecoder().decode(bytes) };
      } catch (e) {
        return isMissing(e) ? { error: `${p?.uri} does not exist`, missing: true } : { error: `cannot read ${p?.uri}: ${message(e)}` };
      }
    },
    async isFile(p: IsFileParams): Promise<boolean> {
      try {
        const s = await stat(parse(String(p?.uri)));
        return !!s && (s.type & FILE) !== 0;
      } catch {
        return false;
      }
    },
    async readHead(p: ReadHeadParams): Promise<string | null> {
      try {
        const uri = parse(String(p?.uri));
        const s = await stat(uri);
        if (!s || !(s.type & FILE)) return null;
        // The editor's file system reads whole files only; the head is cut here.
        const bytes = await fs.readFile(uri);
        return toBase64(bytes.subarray(0, Math.max(0, Number(p.length) || 0)));
      } catch {
        return null;
      }
    },
  };
}
