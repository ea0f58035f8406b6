// What the engine knows about well-known base images without asking a registry: distro family and
// whether the image already runs as a non-root user.
import type { ImageReference } from './image';
import { envDefinitions, type Stage } from './dockerfile';
import { officialName } from './image-lifecycle';
import { officialImageEnv } from '../data/base-image-env';
import { imageBaseName } from './image';
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

/**
 * A stage for working inside rather than shipping: built on a Dev Container image, built from a Dockerfile beside a
 * devcontainer.json (VS Code's `.devcontainer/` folder: the editor picks the user, `remoteUser`), or the `dev-envs`
 * target Docker Dev Environments builds.
 */
export function isDevEnvironmentStage(stage: Stage, files?: FileAccess): boolean {
  if (isDevcontainerStage(stage)) return true;
  for (let s: Stage | undefined = stage; s; s = s.parent) if (s.alias?.toLowerCase() === 'dev-envs') return true;
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
  return { ...start, workdir };
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
