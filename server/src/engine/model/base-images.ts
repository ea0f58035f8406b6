// What the engine knows about well-known base images without asking a registry: distro family and
// whether the image already runs as a non-root user.
import type { ImageReference } from './image';
import { envDefinitions, type Stage } from './dockerfile';
import { officialName } from './image-lifecycle';
import { officialImageEnv } from '../data/base-image-env';

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
  if (last === 'alpine' || /(^|-)alpine/.test(tag) || last === 'busybox') return 'alpine';
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
