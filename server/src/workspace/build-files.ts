// The files that build a Dockerfile from outside it (compose, bake, a Makefile) can name its stages as targets
// and its ARGs as build arguments. Until they are read as invocations, a rename asks whether one of them mentions
// the name at all: from the Dockerfile's folder up to its workspace folder.
import type { Host } from './host';
import { hasFolder, uriBasename, uriDirname, uriJoin, uriWithin } from './uri';

/** Names of the files that build images from a Dockerfile nearby. */
export const BUILD_FILES = [
  'compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml',
  'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml',
  'docker-bake.hcl', 'docker-bake.json', 'docker-bake.override.hcl', 'docker-bake.override.json',
  'Makefile', 'Taskfile.yml', 'skaffold.yaml',
];

const MAX_BYTES = 1 << 20;

/** The first build file (as a path relative to the Dockerfile's folder) whose text has `name` as a whole word. */
export async function buildFileMentioning(host: Host, dockerfileUri: string, roots: readonly string[], name: string): Promise<string | undefined> {
  if (!hasFolder(dockerfileUri)) return undefined;
  const root = roots.find((r) => uriWithin(dockerfileUri, r));
  const word = new RegExp(`(^|[^A-Za-z0-9_.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`, 'm');
  let folder = uriDirname(dockerfileUri);
  let up = '';
  for (;;) {
    for (const file of BUILD_FILES) {
      const uri = uriJoin(folder, file);
      const read = await host.fs.read(uri, MAX_BYTES);
      if ('text' in read && word.test(read.text)) return `${up}${uriBasename(uri)}`;
    }
    const parent = uriDirname(folder);
    if (!root || folder === root || parent === folder || !uriWithin(parent, root)) return undefined;
    folder = parent;
    up += '../';
  }
}
