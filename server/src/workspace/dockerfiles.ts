// The Dockerfiles of a workspace: every file the editor opens as a Dockerfile, found by walking the workspace
// folders through the host (which lists folders on disk; a browser host cannot). Workspace diagnostics lint them
// without opening them; anything else that needs every Dockerfile of the workspace asks here too.
import type { HostFileSystem } from './host';
import { uriJoin } from './uri';

/** Folders never walked: version control and installed dependencies (the editor's files.exclude and search.exclude defaults). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.svn', '.hg', 'CVS', 'node_modules', 'bower_components']);

/** How far a walk goes: folders below a workspace folder, folders listed, Dockerfiles found. */
export interface DiscoveryLimits { depth: number; folders: number; files: number }

export const DISCOVERY_LIMITS: DiscoveryLimits = { depth: 12, folders: 10_000, files: 1_000 };

/** The same names as a file watcher's glob (which tells created and deleted Dockerfiles). */
export const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile}';

/**
 * Whether a file of this name is a Dockerfile, as the editor decides a document's language from package.json's
 * contributes.languages (Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, *.dockerfile;
 * compared in lower case, as the editor does). `Dockerfile.dockerignore` is the ignore file of the Dockerfile
 * named Dockerfile, not a Dockerfile.
 */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  return n === 'dockerfile' || n === 'containerfile' || n.startsWith('dockerfile.') || n.startsWith('containerfile.') || n.endsWith('.dockerfile');
}

export interface Discovery {
  /** The Dockerfiles' URIs, folder by folder, in name order. */
  files: string[];
  /** False when a limit stopped the walk (or the host cannot list folders): there may be more. */
  complete: boolean;
}

/** Every Dockerfile below the workspace folders `roots` (URIs), breadth first, within `limits`. */
export async function findDockerfiles(fs: HostFileSystem, roots: readonly string[], limits: DiscoveryLimits = DISCOVERY_LIMITS): Promise<Discovery> {
  const list = fs.list;
  if (!list) return { files: [], complete: false };
  const files: string[] = [];
  const seen = new Set<string>();
  let queue = [...new Set(roots.map((r) => r.replace(/\/+$/, '')))];
  let listed = 0;
  for (let depth = 0; queue.length; depth++) {
    const next: string[] = [];
    for (const folder of queue) {
      if (listed >= limits.folders) return { files, complete: false };
      // Nested workspace folders: each folder once.
      if (seen.has(folder)) continue;
      seen.add(folder);
      listed++;
      const entries = (await list(folder)) ?? [];
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.folder) {
          if (!SKIPPED_FOLDERS.has(e.name)) next.push(uriJoin(folder, e.name));
        } else if (isDockerfileName(e.name)) {
          if (files.length >= limits.files) return { files, complete: false };
          files.push(uriJoin(folder, e.name));
        }
      }
    }
    if (depth >= limits.depth && next.length) return { files, complete: false };
    queue = next;
  }
  return { files, complete: true };
}
