// Looks a base image up in the lifecycle data: deprecated official images (reviewed by hand, in
// data/base-image-lifecycle.ts) and release lines with their end-of-life dates (generated from endoflife.date into
// data/release-lines.generated.ts). This file says which images and tags name which product's release line.
import type { MessageRef } from '../messages';
import { DEPRECATED_IMAGES, type DeprecatedImage } from '../data/base-image-lifecycle';
import { RELEASE_LINES, type LifecycleProduct, type ReleaseLine } from '../data/release-lines.generated';
import type { ImageReference } from './image';
import { TAG_VARIANTS } from '../data/image-variants';

const DOCKER_HUB = /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i;
/** Docker Hub's per-architecture namespaces hold the same official images: arm32v7/debian is debian. */
const ARCH_NAMESPACE = /^(amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|mips64le|ppc64le|riscv64|s390x|windows-amd64|armhf|aarch64)\//;

/** The official-image name: Docker Hub (or no registry), optional `library/` or architecture namespace. */
export function officialName(ref: ImageReference): string | undefined {
  if (ref.registry && !DOCKER_HUB.test(ref.registry)) return undefined;
  const name = ref.name.toLowerCase().replace(/^library\//, '').replace(ARCH_NAMESPACE, '');
  return name.includes('/') ? undefined : name;
}

export function deprecatedImage(ref: ImageReference): DeprecatedImage | undefined {
  const name = officialName(ref);
  return name ? DEPRECATED_IMAGES.find((d) => d.image === name) : undefined;
}

/** How an image names a product's release line. */
interface ImageProduct {
  product: LifecycleProduct;
  /** How messages name the product. */
  label: string;
  /** The version the tag (or the image name) gives; by default the tag's leading number: `3.9` in `3.9.18-slim`. */
  version?: (tag: string, name: string) => string | undefined;
}

/** `3.9.18` in `3.9.18-slim`, `8` in `8u292-jre`, `2.10` in `v2.10`; undefined for `latest`, `lts`, `bookworm`. */
function leadingVersion(tag: string): string | undefined {
  return /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
}

const afterPrefix = (prefix: RegExp) => (tag: string) => leadingVersion(tag.replace(prefix, ''));

/**
 * Dev Container images tag `[<image version>-]<variant>`: `1-3.12-bookworm` and `3.1-3.14` carry the image's own
 * version first. A bare number (`1`, `4`) may be either, so it names no line.
 */
function devcontainerVersion(tag: string): string | undefined {
  const stripped = tag.replace(/^\d+(?:\.\d+)*-(?=\d)/, '');
  if (stripped === tag && /^\d+$/.test(tag)) return undefined;
  return leadingVersion(stripped);
}

const p = (product: LifecycleProduct, label: string, version?: ImageProduct['version']): ImageProduct => ({ product, label, version });

/** Official images (Docker Hub library/) whose tags start with the product's version. */
const OFFICIAL_IMAGES: Record<string, ImageProduct> = {
  alpine: p('alpine-linux', 'alpine'),
  debian: p('debian', 'debian'),
  ubuntu: p('ubuntu', 'ubuntu'),
  fedora: p('fedora', 'fedora'),
  almalinux: p('almalinux', 'almalinux'),
  rockylinux: p('rocky-linux', 'rockylinux'),
  amazonlinux: p('amazon-linux', 'amazonlinux'),
  oraclelinux: p('oracle-linux', 'oraclelinux'),
  opensuse: p('opensuse', 'opensuse'),
  node: p('nodejs', 'node'),
  python: p('python', 'python'),
  golang: p('go', 'golang'),
  php: p('php', 'php'),
  ruby: p('ruby', 'ruby'),
  jruby: p('jruby', 'jruby'),
  perl: p('perl', 'perl'),
  rust: p('rust', 'rust'),
  elixir: p('elixir', 'elixir'),
  erlang: p('erlang', 'erlang'),
  haskell: p('ghc', 'haskell (GHC)'),
  julia: p('julia', 'julia'),
  groovy: p('apache-groovy', 'groovy'),
  'eclipse-temurin': p('eclipse-temurin', 'eclipse-temurin'),
  amazoncorretto: p('amazon-corretto', 'amazoncorretto'),
  'ibm-semeru-runtimes': p('ibm-semeru', 'ibm-semeru-runtimes', afterPrefix(/^(open|certified)-/)),
  sapmachine: p('sapmachine', 'sapmachine'),
  maven: p('apache-maven', 'maven'),
  gradle: p('gradle', 'gradle'),
  postgres: p('postgresql', 'postgres'),
  mysql: p('mysql', 'mysql'),
  mariadb: p('mariadb', 'mariadb'),
  redis: p('redis', 'redis'),
  mongo: p('mongodb', 'mongo'),
  nginx: p('nginx', 'nginx'),
  httpd: p('apache-http-server', 'httpd'),
  tomcat: p('tomcat', 'tomcat'),
  jetty: p('eclipse-jetty', 'jetty'),
  memcached: p('memcached', 'memcached'),
  rabbitmq: p('rabbitmq', 'rabbitmq'),
  haproxy: p('haproxy', 'haproxy'),
  traefik: p('traefik', 'traefik'),
  caddy: p('caddy', 'caddy'),
  solr: p('solr', 'solr'),
  zookeeper: p('zookeeper', 'zookeeper'),
  cassandra: p('apache-cassandra', 'cassandra'),
  couchdb: p('apache-couchdb', 'couchdb'),
  influxdb: p('influxdb', 'influxdb'),
  elasticsearch: p('elasticsearch', 'elasticsearch'),
  kibana: p('kibana', 'kibana'),
  logstash: p('logstash', 'logstash'),
  couchbase: p('couchbase-server', 'couchbase'),
  varnish: p('vinyl-cache', 'varnish'),
  wordpress: p('wordpress', 'wordpress'),
  drupal: p('drupal', 'drupal'),
  nextcloud: p('nextcloud', 'nextcloud'),
  composer: p('composer', 'composer'),
};

const DOTNET = p('dotnet', '.NET');
const WINDOWS_SERVER = p('windows-server', 'Windows Server');
const SERVER_CORE = p('windows-server-core', 'Windows Server Core');
const NANO_SERVER = p('windows-nano-server', 'Windows Nano Server');
const WINDOWS_IMAGES = new Set<ImageProduct>([WINDOWS_SERVER, SERVER_CORE, NANO_SERVER]);

/** Images outside Docker Hub's library, by `registry/name` (Docker Hub: just the name). */
const OTHER_IMAGES: Array<[RegExp, ImageProduct]> = [
  [/^mcr\.microsoft\.com\/dotnet\/(core\/|nightly\/|core-nightly\/)?(sdk|aspnet|runtime|runtime-deps)$/, DOTNET],
  [/^microsoft\/(dotnet|aspnetcore|aspnetcore-build)$/, DOTNET],
  [/^mcr\.microsoft\.com\/windows\/servercore$|^microsoft\/windowsservercore$/, SERVER_CORE],
  [/^mcr\.microsoft\.com\/windows\/nanoserver$|^microsoft\/nanoserver$/, NANO_SERVER],
  [/^mcr\.microsoft\.com\/windows(\/server)?$/, WINDOWS_SERVER],
  [/^mcr\.microsoft\.com\/powershell$/, p('powershell', 'PowerShell')],
  [/^mcr\.microsoft\.com\/openjdk\/jdk$/, p('microsoft-build-of-openjdk', 'Microsoft Build of OpenJDK')],
  [/^azul\/zulu-openjdk(-alpine|-debian|-centos)?$/, p('azul-zulu', 'Azul Zulu')],
  [/^bellsoft\/liberica-open(jdk|jre)(-alpine|-alpine-musl|-debian|-centos)?$/, p('bellsoft-liberica', 'Liberica JDK')],
  [/^quay\.io\/centos\/centos$/, p('centos-stream', 'CentOS Stream', (tag) => /^stream(\d+)/.exec(tag)?.[1])],
  [/^opensuse\/leap$/, p('opensuse', 'openSUSE Leap')],
  // Red Hat Universal Base Images carry the RHEL major in the name: ubi8, ubi9/ubi-minimal.
  [/^(registry\.access\.redhat\.com|registry\.redhat\.io|redhat)\/ubi\d+([-/]|$)/, p('rhel', 'RHEL (UBI)', (_tag, name) => /(?:^|\/)ubi(\d+)/.exec(name)?.[1])],
  // Distroless images carry the Debian release in the name: static-debian11.
  [/^gcr\.io\/distroless\/[\w-]+-debian\d+$/, p('debian', 'debian', (_tag, name) => /-debian(\d+)$/.exec(name)?.[1])],
  [/^valkey\/valkey$/, p('valkey', 'valkey')],
  [/^denoland\/deno$/, p('deno', 'deno', afterPrefix(/^(alpine|debian|distroless|ubuntu|bin)-/))],
  [/^oven\/bun$/, p('bun', 'bun')],
  [/^docker\.elastic\.co\/elasticsearch\/elasticsearch$/, OFFICIAL_IMAGES.elasticsearch],
  [/^docker\.elastic\.co\/kibana\/kibana$/, OFFICIAL_IMAGES.kibana],
  [/^docker\.elastic\.co\/logstash\/logstash$/, OFFICIAL_IMAGES.logstash],
];

/** Dev Container images for a language carry its version; the others (base, universal, cpp…) only a distro. */
const DEVCONTAINER_LANGUAGES: Record<string, ImageProduct> = {
  python: p('python', 'python', devcontainerVersion),
  'javascript-node': p('nodejs', 'node', devcontainerVersion),
  'typescript-node': p('nodejs', 'node', devcontainerVersion),
  go: p('go', 'go', devcontainerVersion),
  php: p('php', 'php', devcontainerVersion),
  ruby: p('ruby', 'ruby', devcontainerVersion),
  dotnet: p('dotnet', '.NET', devcontainerVersion),
};
const DEVCONTAINER = /^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/([\w.-]+)$/;

/**
 * An image the lifecycle data covers, with the product its own version names, if any (buildpack-deps and
 * devcontainers/base name only the distro under them). Undefined for other images, whose tags mean anything.
 */
function knownImage(ref: ImageReference): { own?: ImageProduct } | undefined {
  const official = officialName(ref);
  if (official !== undefined) return { own: OFFICIAL_IMAGES[official] };
  const name = ref.name.toLowerCase();
  const full = ref.registry && !DOCKER_HUB.test(ref.registry) ? `${ref.registry.toLowerCase()}/${name}` : name;
  const dev = DEVCONTAINER.exec(full);
  if (dev) return { own: DEVCONTAINER_LANGUAGES[dev[2]] };
  const other = OTHER_IMAGES.find(([re]) => re.test(full));
  return other ? { own: other[1] } : undefined;
}

/** The official images the lifecycle data covers, by name. */
export const LIFECYCLE_IMAGE_NAMES: readonly string[] = Object.keys(OFFICIAL_IMAGES);

/**
 * The product whose release lines an image's tags start with (`node:22`, `python:3.13-slim`,
 * `mcr.microsoft.com/dotnet/sdk:9.0`), with the name messages use. Undefined for an image whose tags carry the
 * version elsewhere or not at all (Windows, UBI, distroless, Dev Containers) and for an image the data does not cover.
 */
export function taggedProduct(ref: ImageReference): { product: LifecycleProduct; label: string } | undefined {
  const own = knownImage(ref)?.own;
  return own && !own.version && !WINDOWS_IMAGES.has(own) ? { product: own.product, label: own.label } : undefined;
}

/** Numeric comparison of dotted versions; undefined when either is not numeric (`20h2`, `2008-r2-sp1`). */
export function compareVersions(a: string, b: string): number | undefined {
  if (!/^\d+(\.\d+)*$/.test(a) || !/^\d+(\.\d+)*$/.test(b)) return undefined;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return Math.sign(d);
  }
  return 0;
}

const major = (v: string) => v.split('.')[0];

interface Resolved {
  line: ReleaseLine;
  /** The version asked for, when its line is not in the data and `line` is the next newer one of its major. */
  olderVersion?: string;
}

/**
 * The release line a version names: the line itself (`3.9`), the line a patch release is on (`3.9.18`), the newest
 * line a floating tag follows (`2` → 2.7), or, for an older line missing from the data, the next newer line of the
 * same major when that one has ended (a line never outlives the next line of its major: perl 5.24 → 5.26).
 */
function lineFor(product: LifecycleProduct, version: string): Resolved | undefined {
  const lines = RELEASE_LINES[product];
  const exact = lines.find((l) => l.cycle === version);
  if (exact) return { line: exact };
  const containing = lines.filter((l) => version.startsWith(`${l.cycle}.`)).sort((a, b) => b.cycle.length - a.cycle.length)[0];
  if (containing) return { line: containing };
  const newest = lines.filter((l) => l.cycle.startsWith(`${version}.`)).sort((a, b) => compareVersions(b.cycle, a.cycle) ?? 0)[0];
  if (newest) return { line: newest };
  const next = lines
    .filter((l) => major(l.cycle) === major(version) && compareVersions(l.cycle, version) === 1)
    .sort((a, b) => compareVersions(a.cycle, b.cycle) ?? 0)[0];
  return next ? { line: next, olderVersion: version } : undefined;
}

/**
 * A Windows release a tag token names: `ltsc2019`, `1809`, `20H2`, or a build `10.0.17763.5458`. MCR publishes
 * the long-term servicing images under their version tag too (`1809` is `ltsc2019`): a token whose build is also
 * an LTSC line's build is that line.
 */
function windowsLine(product: LifecycleProduct, token: string): ReleaseLine | undefined {
  const lines = RELEASE_LINES[product];
  const t = token.toLowerCase();
  let line: ReleaseLine | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^ltsc(\d{4})$/.exec(t))) line = lines.find((l) => l.cycle === m![1]);
  else if (/^(\d{4}|\d{2}h\d)$/.test(t)) line = lines.find((l) => l.cycle === t || l.cycle.startsWith(`${t}-`));
  else if ((m = /^(10\.0\.\d+)(\.\d+)?$/.exec(t))) line = lines.find((l) => l.build === m![1]);
  if (!line) return undefined;
  return lines.find((l) => l.lts && l.build && l.build === line!.build) ?? line;
}

interface Named { product: LifecycleProduct; label: string; resolved: Resolved }

/** Docker could only ever build on releases that were supported when images existed (2014 on). */
const DOCKER_ERA = '2014-01-01';

const byCodename = (product: LifecycleProduct, token: string): ReleaseLine | undefined =>
  RELEASE_LINES[product].find((l) => l.codename === token);

/**
 * Release lines of the system under the image that its tag names: a Debian or Ubuntu codename (`3.12-bookworm`,
 * `buster-scm`), `alpine3.18`/`alpine-3.18`, `ubuntu22.04`/`debian-11`, a Windows base
 * (`windowsservercore-ltsc2022`, `nanoserver-1809`) or a PHP version (`php8.1-apache`).
 */
function variantLines(tag: string, own: LifecycleProduct | undefined): Named[] {
  const tokens = tag.toLowerCase().split(/[-_]/);
  const found: Named[] = [];
  const add = (product: LifecycleProduct, label: string, line: ReleaseLine | Resolved | undefined) => {
    if (line) found.push({ product, label, resolved: 'line' in line ? line : { line } });
  };
  tokens.forEach((t, i) => {
    const next = tokens[i + 1] ?? '';
    let m: RegExpExecArray | null;
    for (const product of ['debian', 'ubuntu'] as const) {
      const line = byCodename(product, t);
      if (line && (product === own || line.eol === false || line.eol === true || line.eol >= DOCKER_ERA)) add(product, product, line);
    }
    if ((m = /^(alpine|debian|ubuntu)(\d+(?:\.\d+)*)?$/.exec(t))) {
      const product = m[1] === 'alpine' ? 'alpine-linux' : (m[1] as 'debian' | 'ubuntu');
      const version = m[2] ?? (/^\d+(\.\d+)*$/.test(next) ? next : undefined);
      if (version) add(product, m[1], lineFor(product, version));
    }
    if ((m = /^php(\d+\.\d+)$/.exec(t))) add('php', 'php', lineFor('php', m[1]));
    if (t === 'windowsservercore' || t === 'servercore') add('windows-server-core', SERVER_CORE.label, windowsLine('windows-server-core', next));
    else if (t === 'nanoserver') add('windows-nano-server', NANO_SERVER.label, windowsLine('windows-nano-server', next));
    else if (/^ltsc\d{4}$/.test(t) && !['windowsservercore', 'servercore', 'nanoserver'].includes(tokens[i - 1] ?? '')) add('windows-server-core', SERVER_CORE.label, windowsLine('windows-server-core', t));
  });
  return found;
}

function ownLine(own: ImageProduct, ref: ImageReference, tag: string): Named | undefined {
  if (WINDOWS_IMAGES.has(own)) {
    const line = windowsLine(own.product, tag.split(/[-_]/)[0]);
    return line && { product: own.product, label: own.label, resolved: { line } };
  }
  const version = own.version ? own.version(tag, ref.name.toLowerCase()) : leadingVersion(tag);
  const resolved = version === undefined ? undefined : lineFor(own.product, version);
  return resolved && { product: own.product, label: own.label, resolved };
}

export interface EndOfLife {
  /** The product as messages name it: `python`, `debian`, `.NET`. */
  label: string;
  /** The line that ended: `3.8`, `11 (bullseye)`. */
  version: string;
  /** The day it ended, or true when the source gives no day. */
  eol: string | true;
  /** When the data lacks `version`'s line: the next newer line of its major, which ended on `eol`. */
  olderThan?: string;
  /** Lines still supported on the day of the lint, oldest first. */
  supported: string[];
  source: string;
}

export const ended = (l: ReleaseLine, today: string) => l.eol === true || (typeof l.eol === 'string' && l.eol < today);
const lineName = (l: ReleaseLine) => (l.codename ? `${l.cycle} (${l.codename})` : l.cycle);

/** The product's lines supported on `today`: released, and not ended. */
export function supportedLines(product: LifecycleProduct, today: string): string[] {
  return RELEASE_LINES[product]
    .filter((l) => !ended(l, today) && (!l.released || l.released <= today))
    .sort((a, b) => compareVersions(a.cycle, b.cycle) ?? 0)
    .map(lineName);
}

/**
 * The end-of-life release line an image's tag names, if it ended before `today` (YYYY-MM-DD): the image's own line
 * (node:18, python:2-alpine, mcr.microsoft.com/dotnet/sdk:6.0, ubuntu:cosmic) first, then the system it is built
 * on (python:3.11-bullseye, node:20-alpine3.18, golang:1.22-windowsservercore-1809). Deprecated images are the
 * deprecation rule's to report.
 */
export function endOfLife(ref: ImageReference, today: string): EndOfLife | undefined {
  const tag = ref.tag ?? '';
  // A variable without a default leaves a part of the reference unknown (`4-${VARIANT}` is not node 4). Tags are
  // [A-Za-z0-9_.-]; anything else is a template placeholder.
  if (ref.unresolved.length || (tag && !/^\w[\w.-]*$/.test(tag)) || deprecatedImage(ref)) return undefined;
  const image = knownImage(ref);
  if (!image) return undefined;
  const candidates: Named[] = [];
  const own = image.own && ownLine(image.own, ref, tag);
  if (own) candidates.push(own);
  // Windows tags name nothing under Windows; other tags may name the system the image is built on.
  if (!image.own || !WINDOWS_IMAGES.has(image.own)) candidates.push(...variantLines(tag, image.own?.product).filter((n) => !own || n.product !== own.product));
  const hit = candidates.find((c) => ended(c.resolved.line, today));
  if (!hit) return undefined;
  const { line, olderVersion } = hit.resolved;
  return {
    label: hit.label,
    version: olderVersion ?? lineName(line),
    eol: line.eol as string | true,
    olderThan: olderVersion ? lineName(line) : undefined,
    supported: supportedLines(hit.product, today),
    source: `https://endoflife.date/${hit.product}`,
  };
}

/** `python 3.8 reached end of life on 2024-10-07`; `perl 5.24 reached end of life (5.26, a later line, ended on 2021-06-23)`. */
export function eolMessage(e: EndOfLife): MessageRef {
  const release = `${e.label} ${e.version}`;
  if (e.olderThan) return e.eol === true ? { messageId: 'endedLaterLineEnded', data: { release, later: e.olderThan } } : { messageId: 'endedLaterLineEndedOn', data: { release, later: e.olderThan, date: e.eol } };
  return e.eol === true ? { messageId: 'ended', data: { release } } : { messageId: 'endedOn', data: { release, date: e.eol } };
}

/** The wordings of eolMessage, declared among the messages of the rule that reports end-of-life images. */
export const EOL_MESSAGES = {
  ended: '{release} reached end of life',
  endedOn: '{release} reached end of life on {date}',
  endedLaterLineEnded: '{release} reached end of life ({later}, a later line, has ended)',
  endedLaterLineEndedOn: '{release} reached end of life ({later}, a later line, ended on {date})',
} as const;

/**
 * Lines a move may land on, beyond being supported: Node.js gets long-term support only for even majors (odd ones
 * live six months; https://nodejs.org/en/about/previous-releases), Ubuntu only for `.04` releases of even years.
 */
const LONG_TERM: Partial<Record<LifecycleProduct, (cycle: string) => boolean>> = {
  nodejs: (cycle) => Number(cycle) % 2 === 0,
  ubuntu: (cycle) => /^\d*[02468]\.04$/.test(cycle),
};

/** The lowest line of `product` newer than `cycle` that is supported on `today` (and long-term where that matters). */
function nearestSupported(product: LifecycleProduct, cycle: string, today: string): ReleaseLine | undefined {
  const longTerm = LONG_TERM[product] ?? (() => true);
  return RELEASE_LINES[product]
    .filter((l) => !ended(l, today) && (!l.released || l.released <= today) && longTerm(l.cycle) && compareVersions(l.cycle, cycle) === 1)
    .sort((a, b) => compareVersions(a.cycle, b.cycle) ?? 0)[0];
}

/** One thing a move to a maintained tag changes: the image's own release line, or the system under it. */
export interface LineMove {
  /** The product as messages name it (`node`, `debian`). */
  label: string;
  product: LifecycleProduct;
  /** The line left and the line reached, with codenames: `10 (buster)` → `12 (bookworm)`. */
  from: string;
  to: string;
  /** Whether it is the system the image is built on (a codename in the tag) rather than the image's own line. */
  system: boolean;
}

export interface MaintainedTag {
  /** The official image name (`node`). */
  image: string;
  /** The new tag, the same variant on maintained lines: `22-alpine`, `3.11-slim-bookworm`. */
  tag: string;
  /** The new tag's release line and variant, as the size table reads them (`22`, `alpine`). */
  line: string;
  variant: string;
  moves: LineMove[];
}

/**
 * The tag an end-of-life official image moves to (`node:16-alpine` → `node:22-alpine`, `python:3.8-slim-buster`
 * → `python:3.11-slim-bookworm`): the image's own line, when it ended, becomes the lowest supported line newer than
 * it (an LTS line for Node.js and Ubuntu), and an ended Debian or Ubuntu codename in the tag becomes the lowest
 * supported newer one. Only when the result is a variant the image publishes (data/image-variants.ts); undefined
 * otherwise, for a digest-pinned or templated reference, and for a tag whose lines have not ended.
 */
export function maintainedTag(ref: ImageReference, today: string): MaintainedTag | undefined {
  const tag = ref.tag;
  if (!tag || ref.digest || ref.unresolved.length || !endOfLife(ref, today)) return undefined;
  const image = officialName(ref);
  const own = image ? OFFICIAL_IMAGES[image] : undefined;
  if (!image || !own || own.version) return undefined;
  const moves: LineMove[] = [];
  const tokens = tag.split('-');
  // The tag's own line: a version (`3.8.10`) or, for debian and ubuntu, a codename (`buster`).
  let line = tokens[0];
  const version = leadingVersion(tokens[0]);
  if (version === tokens[0]) {
    const current = lineFor(own.product, version)?.line;
    if (!current) return undefined;
    if (ended(current, today)) {
      const next = nearestSupported(own.product, current.cycle, today);
      if (!next) return undefined;
      moves.push({ label: own.label, product: own.product, from: lineName(current), to: lineName(next), system: false });
      line = next.cycle;
    }
  } else if (!byCodename(own.product, tokens[0].toLowerCase())) return undefined;
  const variant = tokens.slice(1);
  // Codenames: the image's own (debian:buster) and the system's under it (3.8-slim-buster).
  const codenames = (version === tokens[0] ? [] : [0]).concat(variant.map((_t, i) => i + 1));
  for (const i of codenames) {
    const word = i === 0 ? line : variant[i - 1];
    for (const product of ['debian', 'ubuntu'] as const) {
      const current = byCodename(product, word.toLowerCase());
      if (!current || !ended(current, today)) continue;
      const next = nearestSupported(product, current.cycle, today);
      if (!next?.codename) return undefined;
      moves.push({ label: product, product, from: lineName(current), to: lineName(next), system: product !== own.product });
      if (i === 0) line = next.codename;
      else variant[i - 1] = next.codename;
    }
  }
  // Anything else in the tag that names an ended line (alpine3.18, php7.4) has no successor we can vouch for.
  const newTag = [line, ...variant].join('-');
  if (!moves.length || endOfLife({ ...ref, tag: newTag }, today)) return undefined;
  const variantText = variant.join('-');
  if (variantText !== '' && !(TAG_VARIANTS[image] ?? []).includes(variantText)) return undefined;
  return { image, tag: newTag, line, variant: variantText, moves };
}
