// Which HTTP clients and language runtimes base images ship, for a HEALTHCHECK that probes with what the image
// really has. Each fact names the Dockerfile or page it was read from; an image or tag without a fact has no tool,
// never a guess. Read on 2026-12-07.

export type HttpClient = 'curl' | 'wget';
export type ProbeRuntime = 'node' | 'python' | 'java';

export interface ImageTools {
  /** What the fact is about, for messages: `alpine variants (BusyBox)`. */
  what: string;
  /** Official image names (Docker Hub library/) the fact covers; empty: every image whose tag or name matches. */
  images: readonly string[];
  /** The tags it covers. */
  tags: RegExp;
  clients: readonly HttpClient[];
  source: string;
}

/**
 * Alpine's base has BusyBox, whose applets include `wget` (GET with `-O`, `-q`); every official `-alpine` variant is
 * built FROM alpine. The full Debian-based language images are built FROM buildpack-deps, whose `curl` layer
 * installs curl and wget; the `-slim` variants start from debian:*-slim without either. Eclipse Temurin's Ubuntu
 * images install curl and wget themselves (its Alpine ones are covered by the Alpine fact).
 */
export const IMAGE_TOOLS: readonly ImageTools[] = [
  {
    what: 'Alpine (BusyBox wget)',
    images: [],
    tags: /(^|-)alpine/,
    clients: ['wget'],
    source: 'https://github.com/alpinelinux/docker-alpine (the minirootfs includes busybox; https://busybox.net/downloads/BusyBox.html#wget)',
  },
  { what: 'alpine and busybox (BusyBox wget)', images: ['alpine', 'busybox'], tags: /^/, clients: ['wget'], source: 'https://busybox.net/downloads/BusyBox.html#wget' },
  {
    what: 'buildpack-deps (curl, wget)',
    images: ['node', 'python', 'ruby', 'golang', 'rust', 'perl', 'buildpack-deps'],
    // The default tags and the Debian-codename tags; not slim, alpine or Windows.
    tags: /^(?!.*(slim|alpine|windows|nanoserver|servercore))/,
    clients: ['curl', 'wget'],
    source: 'https://github.com/docker-library/buildpack-deps/blob/master/debian/bookworm/curl/Dockerfile (FROM of https://github.com/docker-library/python/blob/master/3.13/bookworm/Dockerfile and the node, ruby, golang, rust and perl images)',
  },
  {
    what: 'Eclipse Temurin on Ubuntu (curl, wget)',
    images: ['eclipse-temurin'],
    tags: /^(?!.*(alpine|ubi|windows|nanoserver|servercore))/,
    clients: ['curl', 'wget'],
    source: 'https://github.com/adoptium/containers/blob/main/21/jre/ubuntu/noble/Dockerfile',
  },
];

/**
 * Official images whose runtime can probe over HTTP by itself, and the program that runs it: `python` exists in
 * every official python image (a link the Dockerfile makes), `node` in every node image.
 */
export const IMAGE_RUNTIMES: Readonly<Record<string, ProbeRuntime>> = {
  node: 'node',
  python: 'python',
  'eclipse-temurin': 'java',
  amazoncorretto: 'java',
  sapmachine: 'java',
  'ibm-semeru-runtimes': 'java',
  openjdk: 'java',
  tomcat: 'java',
};

/**
 * Distroless images by runtime: no shell, no HTTP client; the node image's binary is /nodejs/bin/node (its entry
 * point, https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md) and the python one has
 * /usr/bin/python3 on its PATH (https://github.com/GoogleContainerTools/distroless/blob/main/python3/README.md).
 */
export const DISTROLESS_PROBE_PROGRAMS: Readonly<Partial<Record<ProbeRuntime, string>>> = {
  node: '/nodejs/bin/node',
  python: 'python3',
};

/**
 * Ports of services that do not speak HTTP (IANA's registry and the official images' EXPOSE): an HTTP probe there
 * always fails, so the first exposed port that is not one of them is probed.
 */
export const NON_HTTP_PORTS: Readonly<Record<string, string>> = {
  '21': 'FTP', '22': 'SSH', '25': 'SMTP', '53': 'DNS', '1433': 'SQL Server', '1521': 'Oracle', '3306': 'MySQL',
  '5432': 'PostgreSQL', '5672': 'AMQP', '6379': 'Redis', '9042': 'Cassandra', '11211': 'memcached', '27017': 'MongoDB',
};
