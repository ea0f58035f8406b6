// What the engine knows about well-known base images without asking a registry: distro family and
// whether the image already runs as a non-root user.
import type { ImageReference } from './image';
import { DEV_ENVIRONMENT_TARGET, envDefinitions, type Instr, type Stage } from './dockerfile';
import { POSIX_SHELL_NAMES, programName } from './shells';
import { officialName } from './image-lifecycle';
import { officialImageEnv } from '../data/base-image-env';
import { imageBaseName } from './image';
import { RELEASE_LINES } from '../data/release-lines.generated';
import type { FileAccess } from '../rule';

export type DistroFamily = 'scratch' | 'distroless' | 'alpine' | 'debian' | 'rhel' | 'wolfi' | 'windows' | 'unknown';

// Official images whose default tags are Debian or Ubuntu based.
const DEBIAN_BASED = new Set([
  'debian', 'ubuntu', 'node', 'python', 'ruby', 'golang', 'eclipse-temurin', 'amazoncorretto', 'php', 'nginx',
  'httpd', 'postgres', 'redis', 'maven', 'gradle', 'rust', 'perl', 'elixir', 'erlang', 'haskell', 'julia', 'buildpack-deps',
  'mysql', 'mariadb', 'mongo', 'tomcat', 'jetty', 'r-base', 'swift', 'dart', 'groovy', 'sapmachine', 'ibm-semeru-runtimes',
  'rabbitmq', 'memcached', 'wordpress', 'drupal', 'ghost', 'nextcloud', 'haproxy', 'traefik', 'caddy',
]);
const RHEL_BASED = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'ubi', 'ubi8', 'ubi9', 'ubi10', 'ubi-minimal', 'ubi8-minimal', 'ubi9-minimal', 'photon']);

export function distroFamily(ref: ImageReference): DistroFamily {
  const name = ref.name.toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  const last = name.split('/').pop() ?? name;
  if (name === 'scratch') return 'scratch';
  if (name.startsWith('distroless/') || name.includes('/distroless/') || name.startsWith('googlecontainertools/distroless')) return 'distroless';
  if (name.startsWith('chainguard/') || (ref.registry ?? '').endsWith('cgr.dev') || last === 'wolfi-base') return 'wolfi';
  if (/nanoserver|windowsservercore|ltsc/.test(tag) || name.includes('windows')) return 'windows';
  // Images named after Alpine (`easypi/alpine-arm`, `frolvlad/alpine-glibc`) are built on it.
  if (/(^|-)alpine(-|$)/.test(last) || /(^|-)alpine/.test(tag) || last === 'busybox') return 'alpine';
  if (RHEL_BASED.has(last) || /(^|-)(ubi\d*|centos|rockylinux|amazonlinux|oraclelinux)/.test(tag)) return 'rhel';
  if (DEBIAN_BASED.has(last) || /(bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)/.test(tag)) return 'debian';
  return 'unknown';
}

/** True when the image is known to start as a non-root user. */
export function defaultsToNonRoot(ref: ImageReference): boolean {
  const family = distroFamily(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  if (family === 'distroless') return tag.includes('nonroot');
  if (family === 'wolfi') return !tag.includes('dev');
  return ref.name.toLowerCase().startsWith('bitnami/');
}

/** The first stage in the FROM chain that names an external image. */
export function rootStage(stage: Stage): Stage {
  let s = stage;
  while (s.parent) s = s.parent;
  return s;
}

/** A stage whose image has no shell at all: scratch, or distroless without the :debug tag. */
export function hasNoShell(stage: Stage): boolean {
  const base = rootStage(stage).image;
  if (base.unresolved.length) return false;
  const family = distroFamily(base);
  return family === 'scratch' || (family === 'distroless' && !(base.tag ?? '').includes('debug'));
}

/**
 * A stage built on scratch (directly or through stages it is built FROM) with nothing put in it yet: no COPY, ADD
 * or WORKDIR (which creates its folder) in the chain before `before` (an instruction of `stage`; the whole stage
 * when omitted). Such a stage has no file at all: no program to RUN, nothing to copy from it.
 */
export function isEmptyScratch(stage: Stage, before?: Instr): boolean {
  const root = rootStage(stage);
  if (root.image.unresolved.length || root.image.resolved.toLowerCase() !== 'scratch') return false;
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const limit = s === stage && before ? before.index : s.instructions.length;
    for (let i = 0; i < limit; i++) {
      const k = s.instructions[i].keyword;
      if (k === 'COPY' || k === 'ADD' || k === 'WORKDIR') return false;
    }
  }
  return true;
}

/** The shell that runs shell-form instructions when no SHELL is set: `cmd /S /C` on Windows images, else `/bin/sh -c`. */
export function defaultShellArgv(stage: Stage | null): string[] {
  const base = stage ? rootStage(stage).image : undefined;
  return base && !base.unresolved.length && distroFamily(base) === 'windows' ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

// Official images whose config sets no ENTRYPOINT, so that CMD is the whole command line: the distributions, and
// the docker-library images read from their Dockerfiles (tomcat clears the one eclipse-temurin sets with
// `ENTRYPOINT []`). Not listed, so unknown: node, nginx, postgres, mysql, redis, mongo, php, wordpress,
// eclipse-temurin and docker set one.
const WITHOUT_ENTRYPOINT = new Set([
  'alpine', 'busybox', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux',
  'buildpack-deps', 'python', 'golang', 'ruby', 'httpd', 'tomcat',
]);

/**
 * The ENTRYPOINT a stage's image runs: the last one set in the stage or the stages it is built FROM, else the base
 * image's. `exec` passes CMD to it as arguments, `shell` ignores CMD; `unknown` when the base image may set one.
 */
export function stageEntrypoint(stage: Stage): 'none' | 'shell' | 'exec' | 'unknown' {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const last = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
    if (last) {
      if (!last.execForm) return 'shell';
      return /^\[\s*\]$/.test(last.args.map((a) => a.value).join('')) ? 'none' : 'exec';
    }
  }
  const base = rootStage(stage).image;
  if (base.unresolved.length) return 'unknown';
  if (distroFamily(base) === 'scratch') return 'none';
  const name = officialName(base);
  return name && WITHOUT_ENTRYPOINT.has(name) ? 'none' : 'unknown';
}

const startEnvMemo = new WeakMap<Stage, Set<string> | undefined>();

/**
 * The ENV names a stage starts with: those of its base image (when the engine knows the image) and of the
 * stages it is built FROM. Undefined when the chain starts at an image whose ENV is unknown.
 */
export function stageStartEnv(stage: Stage): Set<string> | undefined {
  if (startEnvMemo.has(stage)) return startEnvMemo.get(stage);
  let names: Set<string> | undefined;
  if (stage.parent) {
    const parent = stageStartEnv(stage.parent);
    names = parent && new Set(parent);
    if (names) for (const i of stage.parent.instructions) if (i.keyword === 'ENV') for (const d of envDefinitions(i)) names.add(d.name);
  } else if (stage.image.resolved.toLowerCase() === 'scratch') {
    names = new Set(['PATH']);
  } else if (!stage.image.unresolved.length) {
    const name = officialName(stage.image);
    names = name ? officialImageEnv(name) : undefined;
  }
  startEnvMemo.set(stage, names);
  return names;
}

/**
 * A Dev Container image (mcr.microsoft.com/devcontainers/*, and the older vscode/devcontainers/*): an image for
 * working inside, with compilers, a shell user (`vscode`, `node`) and full distros on purpose. Rules about what
 * ships to production (root user, toolchains, slim bases) do not apply to a stage built on one.
 */
export function isDevcontainerImage(ref: ImageReference): boolean {
  if ((ref.registry ?? '').toLowerCase() !== 'mcr.microsoft.com') return false;
  return /^(vscode\/)?devcontainers\//.test(ref.name.toLowerCase());
}

/** A stage whose FROM chain starts at a Dev Container image. */
export function isDevcontainerStage(stage: Stage): boolean {
  const base = rootStage(stage).image;
  return !base.unresolved.length && isDevcontainerImage(base);
}

// What the shipped image is for. An application image runs a program of its own; an environment (a Dev
// Container, a development target, a toolchain or base image such as golang or buildpack-deps) starts a shell or
// a language prompt, keeps the container idle for people to work in, or leaves the command to whoever builds
// on it. Rules about what ships to production (toolchains, full base variants) hold for the first kind only.

/** Stage names that say "development environment": compose `target: dev`, awesome-compose's `dev-envs`. */
const DEV_STAGE_NAME = /^(dev|devel|develop|development|dev-?envs?|devcontainer)$/i;

/** Language prompts: run with no arguments (or only options), they wait for input. Shells are in shells.ts. */
const LANGUAGE_PROMPTS = new Set(['python', 'python2', 'python3', 'ipython', 'node', 'irb', 'ruby', 'php', 'ghci', 'jshell', 'iex', 'erl', 'julia', 'r', 'lua', 'pwsh', 'powershell', 'groovysh', 'scala', 'clj', 'clojure', 'swift', 'dart']);

/** Entrypoints that run the CMD they are given: docker-entrypoint.sh-style scripts and init wrappers. */
function passesCommandOn(program: string): boolean {
  return /entrypoint|\.sh$/.test(program) || ['tini', 'dumb-init', 'gosu', 'su-exec', 'init', 'catatonit'].includes(program);
}

function commandWords(instr: Instr): string[] {
  if (instr.execForm) {
    try {
      const argv: unknown = JSON.parse(instr.args.map((a) => a.value).join(' '));
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return argv;
    } catch { /* not JSON: read it as words */ }
  }
  return instr.args.map((a) => a.value);
}

/**
 * The command line the image starts with as the file sets it: ENTRYPOINT followed by CMD, in the stage or the
 * stages it is built FROM (an ENTRYPOINT set below a CMD resets it). Undefined when the file sets neither.
 */
export function imageCommand(stage: Stage): string[] | undefined {
  let cmd: string[] | undefined;
  let entrypoint: string[] | undefined;
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const last = (keyword: string) => s!.instructions.filter((i) => i.keyword === keyword && !i.onbuild).pop();
    const e = entrypoint ? undefined : last('ENTRYPOINT');
    const c = cmd || entrypoint ? undefined : last('CMD');
    if (e) entrypoint = commandWords(e);
    if (c) cmd = commandWords(c);
    if (cmd && entrypoint) break;
  }
  if (!entrypoint) return cmd;
  return [...entrypoint, ...(cmd ?? [])];
}

/** A shell or language prompt with nothing to run (`bash`, `python3 -i`), or a command that only keeps the container up. */
function isIdleCommand(words: string[]): boolean {
  let argv = words;
  // An entrypoint script given a command runs it; alone, it is the program.
  while (argv.length > 1 && passesCommandOn(programName(argv[0]))) argv = argv.slice(argv[1] === '--' ? 2 : 1);
  if (!argv.length) return true;
  const program = programName(argv[0]);
  const rest = argv.slice(1);
  if (POSIX_SHELL_NAMES.has(program) || LANGUAGE_PROMPTS.has(program)) return rest.every((a) => a.startsWith('-') && a !== '-c' && a !== '-m' && a !== '-e');
  return (program === 'sleep' && rest[0] === 'infinity') || (program === 'tail' && rest.includes('-f') && rest.includes('/dev/null'));
}

/**
 * Official images whose default command is a shell or a language prompt: OS, language and SDK images. A file that
 * builds on one and sets no command of its own makes an image of the same kind. Their server variants
 * (php:*-apache, php:*-fpm) start a server instead.
 */
const PROMPT_IMAGES = new Set([
  'alpine', 'busybox', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'photon', 'clearlinux', 'mageia',
  'buildpack-deps', 'python', 'pypy', 'node', 'ruby', 'jruby', 'golang', 'rust', 'gcc', 'perl', 'php', 'haskell', 'julia', 'erlang', 'elixir', 'clojure', 'swift', 'dart', 'r-base', 'groovy',
  'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine', 'openjdk', 'maven', 'gradle', 'docker', 'bash',
]);

function startsPrompt(ref: ImageReference): boolean {
  const name = officialName(ref);
  if (!name || !PROMPT_IMAGES.has(name)) return false;
  return !(name === 'php' && /apache|fpm/.test((ref.tag ?? '').toLowerCase()));
}

/**
 * The shipped image is an environment to work in or build on, not an application: built on a Dev Container image,
 * a development target (`FROM base AS dev`), or an image whose command is a shell or language prompt or an idle
 * `sleep infinity`, or that sets no command on an OS or language image (buildpack-deps, golang, a Dev Container
 * definition built FROM python). An image that keeps its base's server command (php:8.3-apache) is an application.
 */
export function isEnvironmentImage(stage: Stage): boolean {
  if (isDevcontainerStage(stage) || (stage.alias !== undefined && DEV_STAGE_NAME.test(stage.alias))) return true;
  const command = imageCommand(stage);
  if (command) return isIdleCommand(command);
  const base = rootStage(stage).image;
  return !base.unresolved.length && startsPrompt(base);
}

/**
 * A stage for working inside rather than shipping: built on a Dev Container image, built from a Dockerfile beside a
 * devcontainer.json (VS Code's `.devcontainer/` folder: the editor picks the user, `remoteUser`), or the `dev-envs`
 * target Docker Dev Environments builds.
 */
export function isDevEnvironmentStage(stage: Stage, files?: FileAccess): boolean {
  if (isDevcontainerStage(stage)) return true;
  for (let s: Stage | undefined = stage; s; s = s.parent) if (s.alias?.toLowerCase() === DEV_ENVIRONMENT_TARGET) return true;
  if (!files) return false;
  return ['devcontainer.json', '.devcontainer.json'].some((name) => files.isFile?.(name) ?? files.read(name) !== undefined);
}

/** How an official image starts when a Dockerfile built on it sets neither CMD nor ENTRYPOINT. */
export interface ImageStart {
  /** The command its own Dockerfile sets (or inherits from the distro it is built on). */
  command: string[];
  /** Its entrypoint script gives up root (gosu) before it runs the command. */
  stepsDown?: boolean;
  /** The USER its Dockerfile sets, when it sets one. */
  user?: string;
  /** The WORKDIR its Dockerfile (or an image it is built on) sets: `/` when none does. */
  workdir: string;
  /** The STOPSIGNAL its Dockerfile (or an image it is built on) sets, when it sets one (Docker's default is SIGTERM). */
  stopSignal?: string;
}

// Read from the images' Dockerfiles (docker-library, nodejs/docker-node, nginx/docker-nginx) and the distributions'
// root file system images, 2026-12. Images built on a distribution without a CMD of their own inherit its shell.
const DISTRO_SHELL: Readonly<Record<string, string>> = {
  debian: 'bash', ubuntu: '/bin/bash', alpine: '/bin/sh', busybox: 'sh', fedora: '/bin/bash', centos: '/bin/bash',
  rockylinux: '/bin/bash', almalinux: '/bin/bash', amazonlinux: '/bin/bash', oraclelinux: '/bin/bash',
};
// Architecture namespaces Docker Hub publishes the same official images under (arm32v7/alpine is alpine).
const OFFICIAL_ARCH_NAMESPACE = /^(library|amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|ppc64le|riscv64|s390x)$/;

/** How an official image starts and where, when the engine knows it (see ImageStart). */
export function officialImageStart(ref: ImageReference): ImageStart | undefined {
  const start = officialStart(ref);
  if (!start) return undefined;
  const name = imageBaseName(ref);
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const workdir = OFFICIAL_WORKDIR[name] ?? (name === 'php' && /fpm|apache/.test(tag) ? '/var/www/html' : '/');
  const stopSignal = officialStopSignal(name, tag);
  return stopSignal ? { ...start, workdir, stopSignal } : { ...start, workdir };
}

/**
 * The STOPSIGNAL of the official images that set one (read from their Dockerfiles, 2026-12): nginx and php-fpm
 * shut down gracefully on SIGQUIT, Apache httpd on SIGWINCH, PostgreSQL on SIGINT (a fast shutdown). wordpress is
 * built on php.
 */
function officialStopSignal(name: string, tag: string): string | undefined {
  if (name === 'nginx') return 'SIGQUIT';
  if (name === 'httpd') return 'SIGWINCH';
  if (name === 'postgres') return 'SIGINT';
  if (name === 'php' || name === 'wordpress') return tag.includes('fpm') ? 'SIGQUIT' : tag.includes('apache') || (name === 'wordpress' && !tag.startsWith('cli')) ? 'SIGWINCH' : undefined;
  return undefined;
}

// The official images above whose Dockerfiles set a WORKDIR (php only in its fpm and apache variants).
const OFFICIAL_WORKDIR: Readonly<Record<string, string>> = {
  golang: '/go', httpd: '/usr/local/apache2', redis: '/data', tomcat: '/usr/local/tomcat', wordpress: '/var/www/html',
};

function officialStart(ref: ImageReference): Omit<ImageStart, 'workdir'> | undefined {
  if (ref.unresolved.length) return undefined;
  if (ref.registry && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i.test(ref.registry)) return undefined;
  const parts = ref.name.toLowerCase().split('/');
  if (parts.length > 2 || (parts.length === 2 && !OFFICIAL_ARCH_NAMESPACE.test(parts[0]))) return undefined;
  const name = parts[parts.length - 1];
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const inheritedShell = /alpine/.test(tag) ? '/bin/sh' : 'bash';
  if (DISTRO_SHELL[name]) return { command: [DISTRO_SHELL[name]] };
  switch (name) {
    case 'buildpack-deps': case 'golang': return { command: [inheritedShell] };
    case 'python': return { command: ['python3'] };
    case 'node': return { command: ['node'] };
    case 'ruby': return { command: ['irb'] };
    case 'php': return { command: tag.includes('fpm') ? ['php-fpm'] : tag.includes('apache') ? ['apache2-foreground'] : ['php', '-a'] };
    case 'wordpress':
      if (tag.startsWith('cli')) return { command: ['wp', 'shell'], user: 'www-data' };
      return { command: tag.includes('fpm') ? ['php-fpm'] : ['apache2-foreground'] };
    case 'nginx': return { command: ['nginx', '-g', 'daemon off;'] };
    case 'httpd': return { command: ['httpd-foreground'] };
    case 'tomcat': return { command: ['catalina.sh', 'run'] };
    case 'postgres': return { command: ['postgres'], stepsDown: true };
    case 'mysql': return { command: ['mysqld'], stepsDown: true };
    case 'mongo': return { command: ['mongod'], stepsDown: true };
    case 'redis': return { command: ['redis-server'], stepsDown: true };
    case 'docker':
      if (tag.includes('rootless')) return { command: ['dockerd'], user: 'rootless' };
      return { command: tag.includes('dind') ? ['dockerd'] : ['sh'] };
    default: return undefined;
  }
}

/** The Debian or Ubuntu release a stage's system comes from: Debian's major (13), Ubuntu's `YY.MM` as a number (24.04). */
export interface SystemRelease { distro: 'debian' | 'ubuntu'; version: number }

// Debian's moving suites: always newer than every numbered release.
const DEBIAN_MOVING = new Set(['testing', 'sid', 'unstable', 'experimental']);

/**
 * The Debian or Ubuntu release under `stage` (through the stages it is built FROM), when its base image says it for
 * sure: `debian:12`, `debian:bookworm-slim`, `ubuntu:24.04`, `ubuntu:noble-20240801`, or any image of the Debian
 * family whose tag names a codename (`python:3.12-slim-bookworm`, `buildpack-deps:trixie-curl`). Undefined for
 * `latest`, an untagged image, a variable, or a tag that names no release (`node:22`).
 */
export function systemRelease(stage: Stage): SystemRelease | undefined {
  const ref = rootStage(stage).image;
  if (ref.unresolved.length || !ref.tag || distroFamily(ref) !== 'debian') return undefined;
  const official = officialName(ref);
  const tokens = ref.tag.toLowerCase().split(/[-_]/);
  if (official === 'debian' || official === 'ubuntu') {
    const m = /^(\d+)(\.\d+)*$/.exec(tokens[0]);
    if (m) return { distro: official, version: official === 'debian' ? Number(m[1]) : Number(tokens[0].split('.').slice(0, 2).join('.')) };
    if (official === 'debian' && DEBIAN_MOVING.has(tokens[0])) return { distro: 'debian', version: Infinity };
  }
  for (const t of tokens) {
    for (const distro of ['debian', 'ubuntu'] as const) {
      const line = RELEASE_LINES[distro].find((l) => l.codename === t);
      if (line) return { distro, version: Number(line.cycle) };
    }
  }
  return undefined;
}

// Official images whose every tag without `alpine` (nor a Windows base) is built on Debian or Ubuntu.
const ALWAYS_DEBIAN_UNLESS_ALPINE = new Set(['debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'ruby', 'golang', 'php', 'perl', 'rust', 'gcc', 'eclipse-temurin', 'maven', 'gradle']);
const RHEL_OFFICIAL = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux']);

/**
 * The distribution family under `stage` when the base image says it for sure (stricter than distroFamily, which
 * also guesses): a tag naming Alpine or a Debian/Ubuntu codename, an official image whose tags are all of one
 * family, or a Chainguard/Wolfi image. Undefined for variables (even with a default), Windows bases, and images it cannot be sure of.
 */
export function knownDistro(stage: Stage): 'alpine' | 'debian' | 'rhel' | 'wolfi' | undefined {
  const ref = rootStage(stage).image;
  // An ARG default can be overridden with --build-arg: the base is not certain.
  if (ref.unresolved.length || ref.raw.includes('$')) return undefined;
  // A template (`php:{{ .version }}-%%VARIANT%%`) is filled in later, perhaps with alpine.
  if (!/^[\w./:@-]+$/.test(ref.raw) || (ref.tag !== undefined && !/^\w[\w.-]*$/.test(ref.tag))) return undefined;
  const family = distroFamily(ref);
  if (family === 'windows' || family === 'scratch' || family === 'distroless') return undefined;
  if (family === 'wolfi') return 'wolfi';
  const official = officialName(ref);
  const tokens = (ref.tag ?? 'latest').toLowerCase().split(/[-_]/);
  if (tokens.some((t) => /^alpine(\d+(\.\d+)*)?$/.test(t)) || official === 'alpine') return 'alpine';
  if (tokens.some((t) => RELEASE_LINES.debian.some((l) => l.codename === t) || RELEASE_LINES.ubuntu.some((l) => l.codename === t))) return 'debian';
  if (official && ALWAYS_DEBIAN_UNLESS_ALPINE.has(official)) return 'debian';
  if (official && RHEL_OFFICIAL.has(official)) return 'rhel';
  return undefined;
}
