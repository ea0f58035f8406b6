// The package managers Dockwise knows, in one table: the names they run under, the options that take a value,
// what each subcommand does (install, remove, clean …), the flags that answer their prompt, how a package names
// its version, and where they keep their caches. Every rule asks here (through packageCommand); none keeps a
// list of its own, so a fact fixed here is fixed for all of them.
import type { ShellCommand, ShellWord } from './shell';
import type { Instr } from './dockerfile';
import { baseName, commandRunBy, isCommand, isPythonName, parseWords, pythonPipWords, type ParsedFlag } from './commands';
import { withoutTrailingSlashes } from './paths';
import type { MessageRef } from '../messages';
import { defineSharedMessages } from '../i18n/catalog';

/**
 * What a subcommand does. `install`: installs the packages it names (their versions can be pinned).
 * `upgrade`: installs or upgrades packages it picks itself (`apt-get upgrade`, `build-dep`, `yum groupinstall`):
 * nothing to pin, but it asks for confirmation, downloads and reads the index like an install.
 * `remove`, `clean` (deletes caches), `update` (refreshes the package index).
 */
export type PackageAction = 'install' | 'upgrade' | 'remove' | 'clean' | 'update';

/** How to pin an unpinned spec: its version, stream or revision, written as `how` (one of PIN_MESSAGES). */
export interface PinAdvice { what: 'version' | 'stream' | 'revision'; how: MessageRef }

/**
 * The wordings of pinning advice, declared among the messages of each rule that reports unpinned packages
 * (reportUnpinned puts them together): the commands are code, the words around them are the rule's to translate.
 */
export const PIN_MESSAGES = defineSharedMessages({
  pinVersion: 'the version of {packages} ({how})',
  pinStream: 'the stream of {packages} ({how})',
  pinRevision: 'the revision of {packages} ({how})',
  pinAndMore: '{first}; {rest}',
  pinHowCommand: '{command}',
  pinHowEither: '{first} or {second}',
  pinHowUrlEnd: 'end the URL with {tag} or {commit}',
  pinHowGo: '{command}; @latest is not a version',
} as const);

const command = (code: string): MessageRef => ({ messageId: 'pinHowCommand', data: { command: `\`${code}\`` } });

export interface PackageManager {
  /** The name messages use. */
  name: string;
  /** It installs the distribution's packages (apt, apk, yum, dnf, zypper), not a language's. */
  system?: boolean;
  /** Program names (without directory) that run it (pip also runs as `pip3.12` and `python -m pip`). */
  commands: readonly string[];
  /** Options (without dashes) that take the next word as their value when not written `--opt=value`. */
  valueFlags: readonly string[];
  /** `-name` is one long option, not letters (Go's flag package). */
  singleDashLong?: boolean;
  /** Words after `--` belong to something else (gem: build options). */
  dashDashEndsOperands?: boolean;
  /** Subcommands by what they do; two-word ones (`cache clean`) are written with a space. */
  subcommands: Readonly<Partial<Record<PackageAction, readonly string[]>>>;
  /**
   * Subcommands that, given no package names, move every installed package to whatever the repositories offer
   * today (`apt-get upgrade`, `apk upgrade`, `dnf update`). zypper's `dist-upgrade` has a rule of its own.
   */
  upgradesAll?: readonly string[];
  /** What the program does with no subcommand (`yarn` alone installs), unless one of `queryFlags` is given. */
  bare?: PackageAction;
  /** Flags that make it print something and exit (`yarn --version`). */
  queryFlags?: readonly string[];
  /** Flags that answer its confirmation prompt, and the one a fix adds. Undefined: it never asks. */
  yes?: { flags: readonly string[]; add: string; quietAnswers?: boolean };
  /** Flags that keep downloads out of the image (`apk --no-cache`), and the environment variable that does the same. */
  noCache?: { flags: readonly string[]; env?: string };
  /** Flags that refresh the index before the subcommand runs (`apk add -U`). */
  refreshFlags?: readonly string[];
  /** Flags that keep it from downloading at all (`apk add --no-network`: the index on disk is used, nothing is added). */
  offlineFlags?: readonly string[];
  /**
   * Directories where it keeps what it downloads (index and packages): a cache mount there keeps them out of the
   * layer, and deleting them in the same RUN cleans up. `~/x` means x under any home directory.
   */
  cacheDirs: readonly string[];
  /** The part of `cacheDirs` that holds the package index `update` downloads (default: all of them). */
  indexDirs?: readonly string[];
  /** Options that name a virtual package holding what the install adds, to delete it by that name (`apk add --virtual .deps`). */
  virtualFlags?: readonly string[];
  /** Options that only simulate: nothing is installed or removed, and nothing asks (`apt-get install -s`). */
  simulateFlags?: readonly string[];
  /** An environment variable that moves the cache elsewhere. */
  cacheDirEnv?: string;
  /** The command that empties its cache (what a fix appends). */
  cleanCommand?: string;
  /** Undefined when `spec` (one package operand of an install) names a version or is not a package name. */
  unpinned(spec: string, cmd: PackageCommand): PinAdvice | undefined;
  /** The package name of a spec, without its version (`curl=7.88` is `curl`). */
  packageName(spec: string): string;
}

/** One command run by a package manager, read the way that manager reads its arguments. */
export interface PackageCommand {
  manager: PackageManager;
  /** The command as the RUN has it (`xargs -r apt-get install` for an apt-get run by xargs). */
  cmd: ShellCommand;
  /** The word that names the package manager (`apt-get`, `python` for `python -m pip`). */
  nameWord: ShellWord;
  /** Its program name: `apt-get`, `dnf5`, `pip3`, `pip` for `python -m pip`. */
  tool: string;
  /** The subcommand's words (two for `cache clean`, none for a bare `yarn`). */
  sub: ShellWord[];
  /** The subcommand as one string (`cache clean`), '' when there is none. */
  subcommand: string;
  action?: PackageAction;
  flags: ParsedFlag[];
  /** The operands after the subcommand: packages for install and remove. */
  operands: ShellWord[];
}

const versionAdvice = (how: MessageRef): PinAdvice => ({ what: 'version', how });
/** A system package spec that is a glob (`php8.2-*`) matches packages by name: there is no version to give it. */
const notJudged = (spec: string) => spec === '' || /[*?]/.test(spec);

// apt-get, apt, aptitude and apt-cache read the same options and package lists.
const APT: PackageManager = {
  name: 'apt-get',
  system: true,
  commands: ['apt-get', 'apt', 'aptitude', 'apt-cache'],
  valueFlags: ['o', 'c', 't', 'a', 'option', 'config-file', 'target-release', 'default-release', 'host-architecture'],
  simulateFlags: ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'],
  upgradesAll: ['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade'],
  subcommands: {
    install: ['install', 'reinstall'],
    upgrade: ['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade', 'build-dep', 'satisfy'],
    remove: ['remove', 'purge', 'autoremove'],
    clean: ['clean', 'autoclean', 'dist-clean'],
    update: ['update'],
  },
  // -qq (quiet level 2) implies --yes.
  yes: { flags: ['y', 'yes', 'assume-yes'], add: '-y', quietAnswers: true },
  cacheDirs: ['/var/lib/apt/lists', '/var/cache/apt'],
  indexDirs: ['/var/lib/apt/lists'],
  cleanCommand: 'rm -rf /var/lib/apt/lists/*',
  unpinned: (spec) => (notJudged(spec) || spec.includes('=') || spec.includes('/') || spec.endsWith('.deb') ? undefined : versionAdvice(command('apt-get install <package>=<version>'))),
  packageName: (spec) => spec.replace(/[=/][\s\S]*$/, ''),
};

const APK: PackageManager = {
  name: 'apk',
  system: true,
  commands: ['apk'],
  valueFlags: ['t', 'virtual', 'X', 'repository', 'p', 'root', 'keys-dir', 'arch', 'cache-dir', 'repositories-file', 'cache-max-age', 'timeout'],
  upgradesAll: ['upgrade'],
  subcommands: { install: ['add'], upgrade: ['upgrade', 'fix'], remove: ['del'], clean: ['cache clean', 'cache purge'], update: ['update'] },
  noCache: { flags: ['no-cache'] },
  offlineFlags: ['no-network'],
  refreshFlags: ['U', 'update-cache'],
  virtualFlags: ['t', 'virtual'],
  simulateFlags: ['s', 'simulate'],
  cacheDirs: ['/var/cache/apk', '/etc/apk/cache'],
  unpinned: (spec) => (notJudged(spec) || /[=~<>]/.test(spec) || spec.endsWith('.apk') ? undefined : versionAdvice({ messageId: 'pinHowEither', data: { first: '`apk add <package>=<version>`', second: '`<package>~<major.minor>`' } })),
  packageName: (spec) => spec.replace(/[=~<>][\s\S]*$/, ''),
};

/** `name-version[-release]`: some part after the first `-` starts with a digit (`httpd-2.4.6`). */
export function rpmPinned(spec: string): boolean {
  if (spec.endsWith('.rpm') || spec.includes('/')) return true;
  if (/[=<>]/.test(spec)) return true;
  const parts = spec.split('-').slice(1);
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9.~^_:+*]+$/.test(p)) && parts.some((p) => /^\d/.test(p));
}

/** yum and dnf: `@group` and `@module` installs have no version; `module install` names a `:stream`. */
function rpmUnpinned(spec: string, pc: PackageCommand): PinAdvice | undefined {
  if (notJudged(spec)) return undefined;
  if (pc.subcommand === 'module install') return spec.includes(':') ? undefined : { what: 'stream', how: command(`${pc.tool} module install <module>:<stream>`) };
  if (spec.startsWith('@') || rpmPinned(spec)) return undefined;
  return versionAdvice(command(`${pc.tool} install <package>-<version>`));
}

// yum, dnf and microdnf share their options; `yum update` upgrades (it does not refresh the index).
const RPM_VALUE_FLAGS = ['c', 'd', 'e', 'R', 'x', 'config', 'exclude', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'debuglevel', 'errorlevel', 'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity'];
const rpmName = (spec: string) => spec.replace(/-\d[\s\S]*$/, '');

const YUM: PackageManager = {
  name: 'yum',
  system: true,
  commands: ['yum'],
  valueFlags: RPM_VALUE_FLAGS,
  upgradesAll: ['update', 'upgrade', 'distro-sync'],
  subcommands: {
    install: ['install', 'localinstall', 'reinstall', 'module install'],
    upgrade: ['update', 'upgrade', 'groupinstall', 'groupupdate', 'distro-sync', 'downgrade'],
    remove: ['remove', 'erase', 'autoremove', 'groupremove'],
    clean: ['clean'],
    update: ['makecache'],
  },
  yes: { flags: ['y', 'assumeyes'], add: '-y' },
  cacheDirs: ['/var/cache/yum'],
  cleanCommand: 'yum clean all',
  unpinned: rpmUnpinned,
  packageName: rpmName,
};

const DNF: PackageManager = {
  name: 'dnf',
  system: true,
  commands: ['dnf', 'dnf5', 'microdnf'],
  valueFlags: RPM_VALUE_FLAGS,
  upgradesAll: ['upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'distro-sync', 'dsync'],
  subcommands: {
    install: ['install', 'in', 'localinstall', 'reinstall', 'rei', 'module install'],
    upgrade: ['upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'groupinstall', 'groupupdate', 'distro-sync', 'dsync', 'downgrade', 'dg'],
    remove: ['remove', 'rm', 'erase', 'autoremove'],
    clean: ['clean'],
    update: ['makecache', 'mc'],
  },
  yes: { flags: ['y', 'assumeyes'], add: '-y' },
  // dnf5 keeps its cache in /var/cache/libdnf5 (~/.cache/libdnf5 when not root); RHEL 8 links /var/cache/yum to dnf's.
  cacheDirs: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum', '~/.cache/libdnf5'],
  unpinned: rpmUnpinned,
  packageName: rpmName,
};

const ZYPPER: PackageManager = {
  name: 'zypper',
  system: true,
  commands: ['zypper'],
  valueFlags: ['r', 'repo', 'c', 'config', 'R', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 't', 'type', 'from', 'p', 'plus-repo', 'download'],
  upgradesAll: ['update', 'up', 'patch'],
  subcommands: {
    install: ['install', 'in'],
    upgrade: ['update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si'],
    remove: ['remove', 'rm'],
    clean: ['clean', 'cc'],
    update: ['refresh', 'ref'],
  },
  // `-n` (`--non-interactive`) before the subcommand, `-y` (`--no-confirm`) after it.
  yes: { flags: ['n', 'non-interactive', 'no-confirm', 'y'], add: '-y' },
  cacheDirs: ['/var/cache/zypp'],
  cleanCommand: 'zypper clean',
  unpinned: (spec) => (notJudged(spec) || /[=<>]/.test(spec) || spec.endsWith('.rpm') || spec.includes('/') ? undefined : versionAdvice(command('zypper install <package>=<version>'))),
  packageName: (spec) => spec.replace(/[=<>][\s\S]*$/, ''),
};

/** A pip requirement with a VCS URL names its revision after `@` in the URL's path (`git+https://host/r.git@v1.0#egg=x`). */
const PIP_VCS = /^(?:[\w.-]+\s*@\s*)?(?:git|hg|svn|bzr)\+[a-z]+:\/\/[^/]*(\/[^#]*)/;

const PIP: PackageManager = {
  name: 'pip',
  commands: ['pip'],
  valueFlags: ['r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target', 'prefix', 'root', 'src', 'platform', 'python-version', 'implementation', 'abi', 'upgrade-strategy', 'global-option', 'config-settings', 'C', 'progress-bar', 'root-user-action', 'report', 'python', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir', 'no-binary', 'only-binary', 'keyring-provider', 'use-feature', 'use-deprecated', 'group', 'build', 'b'],
  subcommands: { install: ['install'], remove: ['uninstall'], clean: ['cache purge', 'cache remove'] },
  // pip takes any unambiguous start of a long option: `--no-cache` is `--no-cache-dir` (`--no-c` is not: `--no-color`).
  noCache: { flags: ['no-cache-dir', 'no-cache-di', 'no-cache-d', 'no-cache-', 'no-cache'], env: 'PIP_NO_CACHE_DIR' },
  cacheDirs: ['~/.cache/pip'],
  cacheDirEnv: 'PIP_CACHE_DIR',
  unpinned(spec, pc) {
    // A constraints file pins what the command line names.
    if (pc.flags.some((f) => f.name === 'c' || f.name === 'constraint')) return undefined;
    if (spec === '' || /(===|==|>=|<=|~=|!=|<|>)/.test(spec)) return undefined;
    const vcs = PIP_VCS.exec(spec);
    if (vcs) return vcs[1].includes('@') ? undefined : { what: 'revision', how: { messageId: 'pinHowUrlEnd', data: { tag: '`@<tag>`', commit: '`@<commit>`' } } };
    if (spec.includes('@')) return undefined; // `pkg @ https://…/pkg.zip` direct reference
    if (/\.(whl|tar\.gz|tgz|zip)$/.test(spec) || spec.includes('/') || spec.startsWith('.')) return undefined;
    return versionAdvice(command('pip install <package>==<version>'));
  },
  packageName: (spec) => spec.replace(/[[=<>~!;@\s][\s\S]*$/, ''),
};

const NPM_DIST_TAGS = ['latest', 'next', '*', 'x', ''];

const NPM: PackageManager = {
  name: 'npm',
  commands: ['npm'],
  valueFlags: ['loglevel', 'registry', 'prefix', 'cache', 'w', 'workspace', 'userconfig', 'globalconfig', 'tag', 'omit', 'include', 'install-strategy', 'C'],
  subcommands: {
    // npm accepts these abbreviations and misspellings of install.
    install: ['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'ci'],
    upgrade: ['update', 'up', 'upgrade'],
    remove: ['uninstall', 'remove', 'rm', 'r', 'un', 'unlink'],
    clean: ['cache clean'],
  },
  cacheDirs: ['~/.npm'],
  cacheDirEnv: 'npm_config_cache',
  unpinned(spec) {
    if (/^(git(\+ssh|\+https?)?:\/\/|github:|gitlab:|bitbucket:)/.test(spec)) return spec.includes('#') ? undefined : { what: 'revision', how: { messageId: 'pinHowUrlEnd', data: { tag: '`#<tag>`', commit: '`#<commit>`' } } };
    if (spec === '' || /\.(tar|tar\.gz|tgz)$/.test(spec) || /^(\.{0,2}\/|~\/|file:)/.test(spec) || /^https?:\/\//.test(spec)) return undefined;
    const body = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
    const at = body.indexOf('@');
    return at >= 0 && !NPM_DIST_TAGS.includes(body.slice(at + 1)) ? undefined : versionAdvice(command('npm install <package>@<version>'));
  },
  packageName: (spec) => (spec.startsWith('@') ? spec.replace(/^(@[^@]*)@[\s\S]*$/, '$1') : spec.replace(/@[\s\S]*$/, '')),
};

const YARN: PackageManager = {
  name: 'yarn',
  commands: ['yarn'],
  valueFlags: ['cwd', 'cache-folder', 'global-folder', 'modules-folder', 'link-folder', 'preferred-cache-folder', 'mutex', 'network-timeout', 'network-concurrency', 'registry', 'use-yarnrc', 'https-proxy', 'proxy', 'otp', 'prefix'],
  subcommands: { install: ['install', 'add', 'global add'], upgrade: ['upgrade', 'up'], remove: ['remove', 'global remove'], clean: ['cache clean'] },
  bare: 'install',
  queryFlags: ['v', 'version', 'h', 'help'],
  // Yarn classic's cache as root, as another user, and Yarn Berry's global cache.
  cacheDirs: ['/usr/local/share/.cache/yarn', '~/.cache/yarn', '~/.yarn/berry/cache'],
  cacheDirEnv: 'YARN_CACHE_FOLDER',
  cleanCommand: 'yarn cache clean',
  unpinned: () => undefined,
  packageName: (spec) => spec,
};

const PNPM: PackageManager = {
  name: 'pnpm',
  commands: ['pnpm'],
  valueFlags: ['C', 'dir', 'F', 'filter', 'reporter', 'store-dir', 'registry', 'loglevel'],
  subcommands: { install: ['install', 'i', 'add'], upgrade: ['update', 'up'], remove: ['remove', 'rm', 'uninstall', 'un'], clean: ['store prune'] },
  cacheDirs: ['~/.local/share/pnpm/store', '~/.cache/pnpm'],
  unpinned: () => undefined,
  packageName: (spec) => spec,
};

const GEM: PackageManager = {
  name: 'gem',
  commands: ['gem'],
  valueFlags: ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'p', 'http-proxy', 'platform', 'P', 'trust-policy', 'build-root', 'g', 'file', 'config-file'],
  dashDashEndsOperands: true,
  subcommands: { install: ['install', 'i'], upgrade: ['update'], remove: ['uninstall'], clean: ['cleanup'] },
  cacheDirs: [],
  unpinned(spec, pc) {
    if (pc.flags.some((f) => f.name === 'v' || f.name === 'version')) return undefined;
    return spec === '' || spec.includes(':') || spec.endsWith('.gem') ? undefined : versionAdvice(command('gem install <gem>:<version>'));
  },
  packageName: (spec) => spec.replace(/:[\s\S]*$/, ''),
};

const goLocal = (p: string) => p.startsWith('.') || p.startsWith('/');

const GO: PackageManager = {
  name: 'go',
  commands: ['go'],
  // go build flags that take the next word as their value.
  valueFlags: ['C', 'o', 'p', 'asmflags', 'buildmode', 'buildvcs', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'covermode', 'coverpkg'],
  singleDashLong: true,
  subcommands: { install: ['install', 'get'], clean: ['clean'] },
  cacheDirs: ['/go/pkg/mod', '~/go/pkg/mod', '~/.cache/go-build'],
  unpinned(spec, pc) {
    if (spec === '' || goLocal(spec) || spec.endsWith('.go')) return undefined;
    const at = spec.lastIndexOf('@');
    if (at > 0 && !['latest', 'none', 'upgrade', 'patch', ''].includes(spec.slice(at + 1))) return undefined;
    return versionAdvice({ messageId: 'pinHowGo', data: { command: `\`go ${pc.subcommand} <module>@<version>\`` } });
  },
  packageName: (spec) => spec.replace(/@[\s\S]*$/, ''),
};

const CONDA: PackageManager = {
  name: 'conda',
  commands: ['conda', 'mamba', 'micromamba'],
  valueFlags: ['n', 'name', 'p', 'prefix', 'c', 'channel', 'file'],
  subcommands: { install: ['install'], upgrade: ['update', 'upgrade'], remove: ['remove', 'uninstall'], clean: ['clean'] },
  cacheDirs: [],
  unpinned: () => undefined,
  packageName: (spec) => spec,
};

const COMPOSER: PackageManager = {
  name: 'composer',
  commands: ['composer'],
  valueFlags: ['d', 'working-dir'],
  subcommands: { install: ['install', 'require'], upgrade: ['update', 'upgrade'], remove: ['remove'], clean: ['clear-cache', 'clearcache', 'cc'] },
  cacheDirs: [],
  unpinned: () => undefined,
  packageName: (spec) => spec,
};

/** Every package manager, by the name rules use. */
export const PACKAGE_MANAGERS = { apt: APT, apk: APK, yum: YUM, dnf: DNF, zypper: ZYPPER, pip: PIP, npm: NPM, yarn: YARN, pnpm: PNPM, gem: GEM, go: GO, conda: CONDA, composer: COMPOSER } as const;

const BY_COMMAND = new Map<string, PackageManager>();
for (const m of Object.values(PACKAGE_MANAGERS)) for (const c of m.commands) BY_COMMAND.set(c, m);

/** The manager a program name runs (`pip3.12` is pip), or undefined. */
export function managerOf(name: string): PackageManager | undefined {
  return BY_COMMAND.get(name) ?? (/^pip[\d.]*$/.test(name) ? PIP : undefined);
}

/** The program names that can run a manager's commands, for a rule's handlers (pip also runs as `pip3`, `python -m pip`). */
export function managerCommands(...managers: PackageManager[]): string[] {
  return managers.flatMap((m) => (m === PIP ? ['pip', 'pip3', 'python', 'python3'] : [...m.commands]));
}

function actionOf(m: PackageManager, sub: string): PackageAction | undefined {
  for (const [action, subs] of Object.entries(m.subcommands) as Array<[PackageAction, readonly string[]]>) if (subs.includes(sub)) return action;
  return undefined;
}

const parsed = new WeakMap<ShellCommand, PackageCommand | null>();

/** `cmd` read as a package manager command (also through `xargs`, `sudo` or `env`), or undefined. */
export function packageCommand(cmd: ShellCommand): PackageCommand | undefined {
  let pc = parsed.get(cmd);
  if (pc === undefined) {
    pc = parse(cmd, commandRunBy(cmd)) ?? null;
    parsed.set(cmd, pc);
  }
  return pc ?? undefined;
}

function parse(written: ShellCommand, cmd: ShellCommand): PackageCommand | undefined {
  const name = baseName(cmd);
  let words = cmd.args;
  let manager = managerOf(name);
  let tool = name;
  if (!manager && isPythonName(name)) {
    const pip = pythonPipWords(cmd);
    if (!pip) return undefined;
    words = pip;
    manager = PIP;
    tool = 'pip';
  }
  if (!manager) return undefined;
  const { flags, operands } = parseWords(words, manager.valueFlags, manager.singleDashLong);
  let rest = operands;
  if (manager.dashDashEndsOperands) {
    const dashdash = words.find((w) => w.value === '--' && !w.quoted);
    if (dashdash) rest = rest.filter((w) => w.start < dashdash.start);
  }
  let sub: ShellWord[] = [];
  let action: PackageAction | undefined;
  if (rest.length >= 2 && (action = actionOf(manager, `${rest[0].value} ${rest[1].value}`))) sub = rest.slice(0, 2);
  else if (rest.length >= 1) {
    sub = rest.slice(0, 1);
    action = actionOf(manager, rest[0].value);
  } else if (manager.bare && !flags.some((f) => manager!.queryFlags?.includes(f.name))) action = manager.bare;
  // A simulation changes nothing: it is no install, upgrade or removal to judge.
  if (action && action !== 'update' && flags.some((f) => manager!.simulateFlags?.includes(f.name))) action = undefined;
  return { manager, cmd: written, nameWord: cmd.nameWord, tool, sub, subcommand: sub.map((w) => w.value).join(' '), action, flags, operands: rest.slice(sub.length) };
}

/** A command that reads the package index `update` downloads: anything but `update`, `remove` and `clean` (and a bare name). */
export function readsIndex(pc: PackageCommand): boolean {
  return pc.sub.length > 0 && pc.action !== 'update' && pc.action !== 'remove' && pc.action !== 'clean';
}

/** A command that downloads a fresh index into the image: `update`, or `apk add -U`. */
export function refreshesIndex(pc: PackageCommand): boolean {
  return pc.action === 'update' || pc.flags.some((f) => pc.manager.refreshFlags?.includes(f.name));
}

/** A command that reads the index on disk, left by an earlier `update` (`apk add --no-cache` fetches its own). */
export function readsIndexOnDisk(pc: PackageCommand): boolean {
  return readsIndex(pc) && !refreshesIndex(pc) && !pc.flags.some((f) => pc.manager.noCache?.flags.includes(f.name));
}

/** A command that changes the installed packages (install, upgrade, remove): the ones that ask for confirmation. */
export function changesPackages(pc: PackageCommand): boolean {
  return pc.action === 'install' || pc.action === 'upgrade' || pc.action === 'remove';
}

/** Whether `pc` answers its manager's confirmation prompt (`-y`; for apt also quiet level 2: `-qq`, `-q -q`, `-q=2`). */
export function assumesYes(pc: PackageCommand): boolean {
  const yes = pc.manager.yes;
  if (!yes) return true;
  if (pc.flags.some((f) => yes.flags.includes(f.name))) return true;
  if (!yes.quietAnswers) return false;
  if (pc.cmd.args.some((w) => /^(-q=2|--quiet=2)$/.test(w.value))) return true;
  return pc.flags.filter((f) => f.name === 'q' || f.name === 'quiet').length === 2;
}

/** A path without trailing slashes or a trailing `/*` (`/var/lib/apt/lists/*` is the lists directory). */
function normalPath(p: string): string {
  return withoutTrailingSlashes(p.endsWith('/*') ? p.slice(0, -2) : p);
}

/** Whether `path` is `dir` or inside it; `~/x` dirs match x under any home (`/root/x`, `$HOME/x`, `/home/u/x`). */
function within(path: string, dir: string): boolean {
  const p = normalPath(path);
  if (dir.startsWith('~/')) {
    const rest = dir.slice(2);
    return `/${p}/`.includes(`/${rest}/`);
  }
  return p === dir || p.startsWith(`${dir}/`);
}

/** The directories where `m` keeps its cache (or index), with the one its environment variable names. */
export function cacheDirsOf(m: PackageManager, indexOnly = false, envValue?: string): string[] {
  const dirs = [...(indexOnly ? m.indexDirs ?? m.cacheDirs : m.cacheDirs)];
  if (envValue && envValue.startsWith('/')) dirs.push(normalPath(envValue));
  return dirs;
}

/** A path that is one of `dirs` or inside one: deleting it deletes (part of) the cache. */
export function isInCacheDir(path: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => within(path, d));
}

/** A cache or tmpfs mount target that holds the cache: one of `dirs`, inside one, or a directory above one. */
export function mountCoversCache(target: string, dirs: readonly string[]): boolean {
  const t = normalPath(target);
  return dirs.some((d) => within(t, d) || (!d.startsWith('~/') && d.startsWith(`${t}/`)));
}

/**
 * Which packages of `install` the rest of its RUN (`later`) removes again: those named by a later remove of the
 * same manager, all of them when that remove names the virtual package they were added under (`apk add
 * --virtual .deps …` then `apk del .deps`), and all of them when apt auto-removes after `apt-mark auto` (the
 * docker-library pattern for build dependencies).
 */
export function removedLater(install: PackageCommand, later: readonly ShellCommand[], run: readonly ShellCommand[]): (spec: string) => boolean {
  const m = install.manager;
  const virtual = m.virtualFlags && install.flags.find((f) => m.virtualFlags!.includes(f.name))?.value;
  const names = new Set<string>();
  let all = false;
  for (const c of later) {
    const pc = packageCommand(c);
    if (!pc || pc.manager !== m || pc.action !== 'remove') continue;
    if (m === APT && (pc.subcommand === 'autoremove' || pc.flags.some((f) => f.name === 'auto-remove' || f.name === 'autoremove'))
      && run.some((r) => { const c = commandRunBy(r); return isCommand(c, 'apt-mark') && c.args.some((a) => a.value === 'auto'); })) all = true;
    for (const w of pc.operands) {
      if (virtual && w.value === virtual) all = true;
      names.add(m.packageName(w.value));
    }
  }
  return (spec) => all || names.has(m.packageName(spec));
}

// ---------------------------------------------------------------------------------------------------------
// The order of a package list: the sorted-package-list rule judges it and the formatter's sortPackages applies it.

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** By name ignoring case: with punctuation (`libssl-dev` before `libssl1.1`, byte order). */
const byBytes = (a: string, b: string) => cmp(a.toLowerCase(), b.toLowerCase()) || cmp(a, b);

/** Package names in the order `sort` gives them in a UTF-8 locale: letters and digits ignoring case, then bytes. */
export function comparePackageNames(a: string, b: string): number {
  return cmp(a.toLowerCase().replace(/[^a-z0-9]/g, ''), b.toLowerCase().replace(/[^a-z0-9]/g, '')) || byBytes(a, b);
}

/** `b` after `a` is out of order by both conventions (bytes, and letters as `sort` reads them): a list sorted by either one is left alone. */
export function outOfPackageOrder(a: string, b: string): boolean {
  return byBytes(a, b) > 0 && comparePackageNames(a, b) > 0;
}

/** A package operand that can be moved: plain text, no variable, quote, glob or line break inside it. */
export function movablePackage(w: ShellWord): boolean {
  return !w.quoted && w.raw === w.value && /^[A-Za-z0-9@._+:=<>~^/-]+$/.test(w.value) && !w.value.startsWith('-');
}

/**
 * A package list in the groups its author made (`text` is the document the words' offsets point into): a comment
 * line or an empty continuation line (`\` alone) between two packages starts a new group, which is sorted on its own.
 */
export function packageGroups(text: string, words: readonly ShellWord[]): ShellWord[][] {
  const out: ShellWord[][] = [[words[0]]];
  for (let i = 1; i < words.length; i++) {
    const between = text.slice(words[i - 1].end, words[i].start);
    if (/(^|[\r\n])[ \t]*(#|\\[ \t]*(\r?\n|\r))/.test(between.replace(/^[^\r\n]*/, ''))) out.push([]);
    out[out.length - 1].push(words[i]);
  }
  return out;
}

/** The package manager commands of a RUN, in source order. */
export function packageCommands(instr: Instr): PackageCommand[] {
  const out: PackageCommand[] = [];
  for (const c of instr.run?.commands ?? []) {
    const pc = packageCommand(c);
    if (pc) out.push(pc);
  }
  return out;
}
