// Dependency manifests and the lockfiles that pin what they resolve to, with the programs that install from them:
// one table for the rules that ask which files an install reads.

export interface DependencyManifest {
  /** The manifest's file name. */
  name: string;
  /** The lockfiles that may sit beside it, the most common first, each with the programs (without directory) that read it. */
  lockfiles: ReadonlyArray<{ name: string; readBy: readonly string[] }>;
}

const lock = (name: string, ...readBy: string[]) => ({ name, readBy });

export const DEPENDENCY_MANIFESTS: readonly DependencyManifest[] = [
  { name: 'package.json', lockfiles: [lock('package-lock.json', 'npm'), lock('npm-shrinkwrap.json', 'npm'), lock('yarn.lock', 'yarn'), lock('pnpm-lock.yaml', 'pnpm'), lock('bun.lock', 'bun'), lock('bun.lockb', 'bun')] },
  { name: 'Cargo.toml', lockfiles: [lock('Cargo.lock', 'cargo')] },
  { name: 'go.mod', lockfiles: [lock('go.sum', 'go')] },
  // pip reads none of the Python lockfiles.
  { name: 'pyproject.toml', lockfiles: [lock('poetry.lock', 'poetry'), lock('uv.lock', 'uv'), lock('pdm.lock', 'pdm')] },
  { name: 'Gemfile', lockfiles: [lock('Gemfile.lock', 'bundle', 'bundler')] },
  { name: 'composer.json', lockfiles: [lock('composer.lock', 'composer')] },
  { name: 'Pipfile', lockfiles: [lock('Pipfile.lock', 'pipenv')] },
];

const BY_NAME = new Map(DEPENDENCY_MANIFESTS.map((m) => [m.name, m]));

/** The manifest a file name is, if any. */
export function dependencyManifest(fileName: string): DependencyManifest | undefined {
  return BY_NAME.get(fileName);
}

/** The lockfiles of `manifest` that `program` (a command name without directory) reads. */
export function lockfilesReadBy(manifest: DependencyManifest, program: string): string[] {
  return manifest.lockfiles.filter((l) => l.readBy.includes(program)).map((l) => l.name);
}
