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
  /** No default: the directory is known only where `env`, `under` or `images` say (it depends on how the tool was installed). */
  noDefault?: boolean;
  /** Environment variables that move the cache somewhere this table cannot tell (Bundler's `BUNDLE_PATH`): unknown when set. */
  movedBy?: readonly string[];
}

/**
 * A command that only empties a tool's cache (`apt-get clean`, `npm cache clean --force`): pointless, and harmful
 * to the cache, once a cache mount holds the directory. Its words in order; flags may follow.
 */
export interface CacheCleanup {
  words: readonly string[];
  source: string;
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
  /**
   * The commands that only empty its cache. (`rm` of a path inside a mounted cache directory is pointless too,
   * whatever the tool: `rm -rf /var/lib/apt/lists/*`, `rm -rf ~/.cache/pip`; model/cache-targets.ts finds those.)
   */
  cleanups?: readonly CacheCleanup[];
  source: string;
}

const APT_CLEAN = 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html';
const DNF_CLEAN = 'https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command';

const GO_IMAGES = { golang: '/go' };

export const CACHE_TOOLS: readonly CacheTool[] = [
  // Debian and Ubuntu images delete downloaded packages after each install (see APT_DOCKER_CLEAN); the lists stay.
  { name: 'apt-get', manager: 'apt', actions: ['install', 'upgrade', 'update'], targets: [{ path: '/var/cache/apt', locked: true }, { path: '/var/lib/apt', locked: true }], cleanups: [{ words: ['apt-get', 'clean'], source: APT_CLEAN }, { words: ['apt-get', 'autoclean'], source: APT_CLEAN }, { words: ['apt', 'clean'], source: 'https://manpages.debian.org/bookworm/apt/apt.8.en.html' }], source: 'https://docs.docker.com/reference/dockerfile/#example-cache-apt-packages' },
  { name: 'apk', manager: 'apk', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/apk' }], noCacheFlags: ['no-cache'], replaceNoCache: { flag: '--update-cache', unless: ['U', 'update-cache'] }, cleanups: [{ words: ['apk', 'cache', 'clean'], source: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache' }, { words: ['apk', 'cache', 'purge'], source: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache' }], source: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts' },
  // dnf and yum keep only metadata unless keepcache is set.
  { name: 'dnf', manager: 'dnf', programs: ['dnf'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/dnf', locked: true }], cleanups: [{ words: ['dnf', 'clean', 'all'], source: DNF_CLEAN }, { words: ['dnf', 'clean', 'packages'], source: DNF_CLEAN }], source: 'https://dnf.readthedocs.io/en/latest/conf_ref.html' },
  { name: 'dnf5', manager: 'dnf', programs: ['dnf5'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/libdnf5', locked: true }], cleanups: [{ words: ['dnf5', 'clean', 'all'], source: 'https://dnf5.readthedocs.io/en/latest/commands/clean.8.html' }], source: 'https://dnf5.readthedocs.io/en/latest/dnf5.conf.5.html' },
  // microdnf keeps its metadata under /var/cache/yum.
  { name: 'microdnf', manager: 'dnf', programs: ['microdnf'], actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/yum', locked: true }], cleanups: [{ words: ['microdnf', 'clean', 'all'], source: 'https://github.com/rpm-software-management/microdnf' }], source: 'https://github.com/rpm-software-management/microdnf' },
  { name: 'yum', manager: 'yum', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/yum', locked: true }], cleanups: [{ words: ['yum', 'clean', 'all'], source: 'https://man7.org/linux/man-pages/man8/yum.8.html' }], source: 'https://man7.org/linux/man-pages/man5/yum.conf.5.html' },
  { name: 'zypper', manager: 'zypper', actions: ['install', 'upgrade'], targets: [{ path: '/var/cache/zypp', locked: true }], cleanups: [{ words: ['zypper', 'clean'], source: 'https://en.opensuse.org/SDB:Zypper_manual' }, { words: ['zypper', 'cc'], source: 'https://en.opensuse.org/SDB:Zypper_manual' }], source: 'https://en.opensuse.org/SDB:Zypper_manual' },
  { name: 'pip', manager: 'pip', actions: ['install'], targets: [{ path: '~/.cache/pip', env: 'PIP_CACHE_DIR' }], noCacheFlags: ['no-cache-dir', 'no-cache-di', 'no-cache-d', 'no-cache-', 'no-cache'], noCacheEnv: 'PIP_NO_CACHE_DIR', cleanups: [{ words: ['pip', 'cache', 'purge'], source: 'https://pip.pypa.io/en/stable/cli/pip_cache/' }, { words: ['pip3', 'cache', 'purge'], source: 'https://pip.pypa.io/en/stable/cli/pip_cache/' }], source: 'https://pip.pypa.io/en/stable/topics/caching/' },
  { name: 'npm', manager: 'npm', actions: ['install'], targets: [{ path: '~/.npm', env: 'npm_config_cache' }], cleanups: [{ words: ['npm', 'cache', 'clean'], source: 'https://docs.npmjs.com/cli/commands/npm-cache' }], source: 'https://docs.npmjs.com/cli/commands/npm-cache' },
  // Yarn classic's global cache as root (its default moves with the user: ~/.cache/yarn).
  { name: 'yarn', manager: 'yarn', actions: ['install'], targets: [{ path: '/usr/local/share/.cache/yarn', env: 'YARN_CACHE_FOLDER', rootOnly: true }], cleanups: [{ words: ['yarn', 'cache', 'clean'], source: 'https://classic.yarnpkg.com/en/docs/cli/cache' }], source: 'https://classic.yarnpkg.com/en/docs/cli/cache' },
  { name: 'pnpm', manager: 'pnpm', actions: ['install'], targets: [{ path: '~/.local/share/pnpm/store', env: 'npm_config_store_dir' }], cleanups: [{ words: ['pnpm', 'store', 'prune'], source: 'https://pnpm.io/cli/store#prune' }], source: 'https://pnpm.io/npmrc#store-dir' },
  { name: 'go', commands: ['go'], subcommands: ['build', 'install', 'get', 'test', 'run', 'mod download', 'generate', 'vet'], targets: [{ path: '~/go/pkg/mod', env: 'GOMODCACHE', under: { env: 'GOPATH', rest: '/pkg/mod' }, images: GO_IMAGES }, { path: '~/.cache/go-build', env: 'GOCACHE' }], cleanups: [{ words: ['go', 'clean', '-modcache'], source: 'https://pkg.go.dev/cmd/go#hdr-Remove_object_files_and_cached_files' }, { words: ['go', 'clean', '-cache'], source: 'https://pkg.go.dev/cmd/go#hdr-Remove_object_files_and_cached_files' }], source: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching' },
  { name: 'cargo', commands: ['cargo'], subcommands: ['build', 'install', 'fetch', 'test', 'run', 'check', 'vendor'], targets: [{ path: '~/.cargo/registry', under: { env: 'CARGO_HOME', rest: '/registry' }, images: { rust: '/usr/local/cargo' } }, { path: '~/.cargo/git', under: { env: 'CARGO_HOME', rest: '/git' }, images: { rust: '/usr/local/cargo' } }], source: 'https://doc.rust-lang.org/cargo/guide/cargo-home.html' },
  { name: 'mvn', commands: ['mvn', 'mvnw'], anyRun: true, targets: [{ path: '~/.m2' }], source: 'https://maven.apache.org/guides/mini/guide-configuring-maven.html' },
  { name: 'gradle', commands: ['gradle', 'gradlew'], anyRun: true, targets: [{ path: '~/.gradle', env: 'GRADLE_USER_HOME' }], source: 'https://docs.gradle.org/current/userguide/directory_layout.html' },
  { name: 'uv', commands: ['uv'], subcommands: ['sync', 'pip install', 'pip sync', 'tool install', 'add', 'run'], targets: [{ path: '~/.cache/uv', env: 'UV_CACHE_DIR' }], noCacheFlags: ['no-cache', 'n'], noCacheEnv: 'UV_NO_CACHE', cleanups: [{ words: ['uv', 'cache', 'clean'], source: 'https://docs.astral.sh/uv/concepts/cache/#clearing-the-cache' }, { words: ['uv', 'cache', 'prune'], source: 'https://docs.astral.sh/uv/concepts/cache/#clearing-the-cache' }], source: 'https://docs.astral.sh/uv/concepts/cache/' },
  // Bundler installs through RubyGems, which keeps each downloaded .gem in $GEM_HOME/cache (the ruby image sets
  // GEM_HOME=/usr/local/bundle); elsewhere GEM_HOME depends on how Ruby was installed, and BUNDLE_PATH moves it all.
  { name: 'bundler', commands: ['bundle'], subcommands: ['install', 'update'], targets: [{ path: '', under: { env: 'GEM_HOME', rest: '/cache' }, images: { ruby: '/usr/local/bundle' }, noDefault: true, movedBy: ['BUNDLE_PATH', 'BUNDLE_DEPLOYMENT'] }], source: 'https://guides.rubygems.org/command-reference/#gem-environment' },
];

/** Debian's and Ubuntu's images ship this apt hook, which deletes downloaded packages after every install. */
export const APT_DOCKER_CLEAN = '/etc/apt/apt.conf.d/docker-clean';

/**
 * The `apt` program (not `apt-get`) deletes downloaded packages after installing them unless told to keep them:
 * the setting and the file Docker's cache-mount example writes it to
 * (https://docs.docker.com/reference/dockerfile/#example-cache-apt-packages).
 */
export const APT_KEEP_DOWNLOADED = { setting: 'Binary::apt::APT::Keep-Downloaded-Packages "true";', file: '/etc/apt/apt.conf.d/keep-cache' } as const;
