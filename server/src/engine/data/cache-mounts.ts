// Where each install or build tool keeps what it downloads, as a BuildKit cache mount target: the one table the
// cache-mount rules read (which commands fill a cache, where it is, what moves it, which flags turn it off).
// Paths are the tools' documented defaults for root; `~/` is the home directory of the user the RUN runs as.
// Recorded 2026-12-06 from each tool's documentation (the `source` of each entry).
import type { PackageAction } from '../model/package-managers';

/** One directory a tool fills. */
export interface CacheTarget {
  /** The default path; `~/` is the home directory (`/root` for root). */
  path: string;
  /** An environment variable whose value is the directory itself (`PIP_CACHE_DIR`). */
  env?: string;
  /** An environment variable for a directory this one sits in, and the part below it (`CARGO_HOME` + `/registry`). */
  under?: { env: string; rest: string };
  /** What official images set that variable to (`GOPATH=/go` in golang), by image name. */
  images?: Readonly<Record<string, string>>;
  /** `sharing=locked`: the tool takes a lock of its own and fails when two builds share the directory (apt). */
  locked?: boolean;
  /** The path is root's default only (another user's cache is in its home): judged only for root. */
  rootOnly?: boolean;
}

export interface CacheTool {
  /** The name messages use. */
  name: string;
  /** A package manager of model/package-managers.ts, and the actions of it that download. */
  manager?: 'apt' | 'apk' | 'dnf' | 'yum' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'pnpm';
  actions?: readonly PackageAction[];
  /** Only these of the manager's program names (dnf, dnf5 and microdnf keep their caches apart). */
  programs?: readonly string[];
  /** Otherwise: the program names, and the first operands that download (`mod download` is two words). */
  commands?: readonly string[];
  subcommands?: readonly string[];
  /** Every run of the program downloads what it needs (maven, gradle goals). */
  anyRun?: boolean;
  targets: readonly CacheTarget[];
  /** Flags (without dashes) that keep the tool from using its cache: a cache mount is pointless with them. */
  noCacheFlags?: readonly string[];
  /** An environment variable that does the same (`PIP_NO_CACHE_DIR`). */
  noCacheEnv?: string;
  /** The flag that replaces a dropped no-cache flag, unless one of `refreshFlags` is there (apk needs its index). */
  replaceNoCache?: { flag: string; unless: readonly string[] };
  source: string;
}

const GO_IMAGES = { golang: '/go' };

export const CACHE_TOOLS: readonly CacheTool[] = [
  // Debian and Ubuntu images delete downloaded packages after each install (see APT_DOCKER_CLEAN); the lists stay.
  { name: 'apt-get', manager: 'apt', actions: ['install', 'upgrade', 'update'], targets: [{ path: '/var/cache/apt', locked: true }, { path: '/var/lib/apt', locked: true }], source: 'https://docs.docker.com/reference/dockerfile/#example-cache-apt-packages' },
  { name: 'apk', manager: 'apk', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/apk' }], noCacheFlags: ['no-cache'], replaceNoCache: { flag: '--update-cache', unless: ['U', 'update-cache'] }, source: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts' },
  // dnf and yum keep only metadata unless keepcache is set.
  { name: 'dnf', manager: 'dnf', programs: ['dnf'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/dnf', locked: true }], source: 'https://dnf.readthedocs.io/en/latest/conf_ref.html' },
  { name: 'dnf5', manager: 'dnf', programs: ['dnf5'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/libdnf5', locked: true }], source: 'https://dnf5.readthedocs.io/en/latest/dnf5.conf.5.html' },
  // microdnf keeps its metadata under /var/cache/yum.
  { name: 'microdnf', manager: 'dnf', programs: ['microdnf'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/yum', locked: true }], source: 'https://github.com/rpm-software-management/microdnf' },
  { name: 'yum', manager: 'yum', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/yum', locked: true }], source: 'https://man7.org/linux/man-pages/man5/yum.conf.5.html' },
  { name: 'zypper', manager: 'zypper', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/zypp', locked: true }], source: 'https://en.opensuse.org/SDB:Zypper_manual' },
  { name: 'pip', manager: 'pip', actions: ['install'], targets: [{ path: '~/.cache/pip', env: 'PIP_CACHE_DIR' }], noCacheFlags: ['no-cache-dir', 'no-cache-di', 'no-cache-d', 'no-cache-', 'no-cache'], noCacheEnv: 'PIP_NO_CACHE_DIR', source: 'https://pip.pypa.io/en/stable/topics/caching/' },
  { name: 'npm', manager: 'npm', actions: ['install'], targets: [{ path: '~/.npm', env: 'npm_config_cache' }], source: 'https://docs.npmjs.com/cli/commands/npm-cache' },
  // Yarn classic's global cache as root (its default moves with the user: ~/.cache/yarn).
  { name: 'yarn', manager: 'yarn', actions: ['install'], targets: [{ path: '/usr/local/share/.cache/yarn', env: 'YARN_CACHE_FOLDER', rootOnly: true }], source: 'https://classic.yarnpkg.com/en/docs/cli/cache' },
  { name: 'pnpm', manager: 'pnpm', actions: ['install'], targets: [{ path: '~/.local/share/pnpm/store', env: 'npm_config_store_dir' }], source: 'https://pnpm.io/npmrc#store-dir' },
  { name: 'go', commands: ['go'], subcommands: ['build', 'install', 'get', 'test', 'run', 'mod download', 'generate', 'vet'], targets: [{ path: '~/go/pkg/mod', env: 'GOMODCACHE', under: { env: 'GOPATH', rest: '/pkg/mod' }, images: GO_IMAGES }, { path: '~/.cache/go-build', env: 'GOCACHE' }], source: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching' },
  { name: 'cargo', commands: ['cargo'], subcommands: ['build', 'install', 'fetch', 'test', 'run', 'check', 'vendor'], targets: [{ path: '~/.cargo/registry', under: { env: 'CARGO_HOME', rest: '/registry' }, images: { rust: '/usr/local/cargo' } }, { path: '~/.cargo/git', under: { env: 'CARGO_HOME', rest: '/git' }, images: { rust: '/usr/local/cargo' } }], source: 'https://doc.rust-lang.org/cargo/guide/cargo-home.html' },
  { name: 'mvn', commands: ['mvn', 'mvnw'], anyRun: true, targets: [{ path: '~/.m2' }], source: 'https://maven.apache.org/guides/mini/guide-configuring-maven.html' },
  { name: 'gradle', commands: ['gradle', 'gradlew'], anyRun: true, targets: [{ path: '~/.gradle', env: 'GRADLE_USER_HOME' }], source: 'https://docs.gradle.org/current/userguide/directory_layout.html' },
  { name: 'uv', commands: ['uv'], subcommands: ['sync', 'pip install', 'pip sync', 'tool install', 'add', 'run'], targets: [{ path: '~/.cache/uv', env: 'UV_CACHE_DIR' }], noCacheFlags: ['no-cache', 'n'], noCacheEnv: 'UV_NO_CACHE', source: 'https://docs.astral.sh/uv/concepts/cache/' },
];

/** Debian's and Ubuntu's images ship this apt hook, which deletes downloaded packages after every install. */
export const APT_DOCKER_CLEAN = '/etc/apt/apt.conf.d/docker-clean';
