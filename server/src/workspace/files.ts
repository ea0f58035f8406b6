// The files beside a Dockerfile that rules read (.dockerignore, COPY sources, devcontainer.json), as the engine's
// synchronous FileAccess. On a host that reads synchronously (Node) they are read when a rule asks, once each. On
// one that cannot (a browser worker), a rule's question is recorded and answered "no such file" for now; the
// workspace then fetches what was asked and lints again (see Workspace.withFiles), so no list of what rules read
// has to be kept in step with the rules.
import type { FileAccess } from '../engine/rule';
import type { HostFileSystem } from './host';
import { uriBasename, uriDirname, uriJoin } from './uri';

/** Largest file beside a Dockerfile a rule reads (a .dockerignore is a few hundred bytes). */
const MAX_CONTEXT_FILE_BYTES = 1024 * 1024;

export class DockerfileFiles {
  readonly access: FileAccess;
  private readonly reads = new Map<string, string | undefined>();
  private readonly files = new Map<string, boolean>();
  private readonly heads = new Map<string, Uint8Array | undefined>();
  private readonly asked = { reads: new Set<string>(), files: new Set<string>(), heads: new Map<string, number>() };

  /**
   * `contextUri`: the build context when it is not the Dockerfile's folder (a compose file at the repository root):
   * what the rules read of the context (.dockerignore, COPY sources) comes from there, and only the Dockerfile's own
   * ignore file (`<name>.dockerignore`, which BuildKit looks for beside the Dockerfile) from beside it.
   */
  constructor(private readonly fs: HostFileSystem, dockerfileUri: string, contextUri?: string) {
    const folder = uriDirname(dockerfileUri);
    const own = `${uriBasename(dockerfileUri)}.dockerignore`;
    const at = (rel: string) => uriJoin(contextUri && rel !== own ? contextUri : folder, rel);
    const sync = fs.sync;
    this.access = {
      dockerfileName: uriBasename(dockerfileUri),
      read: (rel) => {
        const uri = at(rel);
        if (!this.reads.has(uri)) {
          if (!sync) { this.asked.reads.add(uri); return undefined; }
          const r = sync.read(uri, MAX_CONTEXT_FILE_BYTES);
          this.reads.set(uri, 'text' in r ? r.text : undefined);
        }
        return this.reads.get(uri);
      },
      isFile: (rel) => {
        const uri = at(rel);
        if (!this.files.has(uri)) {
          if (!sync) { this.asked.files.add(uri); return false; }
          this.files.set(uri, sync.isFile(uri));
        }
        return this.files.get(uri)!;
      },
      readHead: (rel, length) => {
        const uri = at(rel);
        const key = `${length}:${uri}`;
        if (!this.heads.has(key)) {
          if (!sync) { this.asked.heads.set(uri, length); return undefined; }
          this.heads.set(key, sync.readHead(uri, length));
        }
        return this.heads.get(key);
      },
    };
  }

  /** Whether a lint asked for files not fetched yet (only on a host without synchronous reads). */
  get missing(): boolean {
    return this.asked.reads.size + this.asked.files.size + this.asked.heads.size > 0;
  }

  /** Fetches what was asked, so the next lint finds it. */
  async fetchMissing(): Promise<void> {
    const { reads, files, heads } = this.asked;
    this.asked.reads = new Set();
    this.asked.files = new Set();
    this.asked.heads = new Map();
    await Promise.all([
      ...[...reads].map(async (uri) => { const r = await this.fs.read(uri, MAX_CONTEXT_FILE_BYTES); this.reads.set(uri, 'text' in r ? r.text : undefined); }),
      ...[...files].map(async (uri) => { this.files.set(uri, await this.fs.isFile(uri)); }),
      ...[...heads].map(async ([uri, length]) => { this.heads.set(`${length}:${uri}`, await this.fs.readHead(uri, length)); }),
    ]);
  }
}
