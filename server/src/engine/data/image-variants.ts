// The tags images publish besides a bare version: the variants of official images (`22-slim`, `3.13-alpine`), as
// `<release line>-<variant>`, and Google's distroless images with their tags. Read from the sources named below;
// a variant is listed when the image publishes it for its current release lines.

export const IMAGE_VARIANTS_SOURCE = {
  official: 'https://github.com/docker-library/official-images/tree/37079fb336f572a88700cf32e5e1f6be54a04e8f/library',
  distroless: 'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/README.md',
  recorded: '2026-12-06',
} as const;

/** Official images' variants, most used first (slim and alpine before the Debian release they are built on). */
export const TAG_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  node: ['slim', 'alpine', 'trixie-slim', 'bookworm-slim', 'trixie', 'bookworm'],
  python: ['slim', 'alpine', 'slim-trixie', 'slim-bookworm', 'trixie', 'bookworm'],
  golang: ['alpine', 'trixie', 'bookworm'],
  ruby: ['slim', 'alpine', 'slim-trixie', 'slim-bookworm', 'trixie', 'bookworm'],
  rust: ['slim', 'alpine', 'slim-trixie', 'slim-bookworm', 'trixie', 'bookworm'],
  php: ['cli', 'fpm', 'apache', 'alpine', 'fpm-alpine', 'zts'],
  perl: ['slim', 'threaded', 'slim-trixie', 'trixie', 'bookworm'],
  erlang: ['slim', 'alpine'],
  elixir: ['slim', 'alpine'],
  'eclipse-temurin': ['jre', 'jdk', 'jre-alpine', 'jdk-alpine', 'jre-noble', 'jdk-noble', 'jre-ubi10-minimal', 'jdk-ubi10-minimal'],
  amazoncorretto: ['alpine', 'al2023', 'al2023-jre', 'alpine-jre'],
  debian: ['slim'],
  postgres: ['alpine', 'trixie', 'bookworm'],
  redis: ['alpine', 'trixie'],
  nginx: ['alpine', 'alpine-slim', 'perl', 'otel'],
  httpd: ['alpine'],
  haproxy: ['alpine'],
  mariadb: ['noble', 'ubi'],
  mysql: ['oraclelinux9'],
};

export interface DistrolessImage {
  /** Full name, registry included: `gcr.io/distroless/static-debian13`. */
  name: string;
  /** What it holds beyond the files of `static` (CA certificates, tzdata, /etc/passwd). */
  runtime: 'static' | 'glibc' | 'java' | 'node' | 'python';
}

/** The distroless images the project publishes and updates (its README's tables, newest runtimes first); other names are no longer updated. */
export const DISTROLESS_IMAGES: readonly DistrolessImage[] = [
  { name: 'gcr.io/distroless/static-debian13', runtime: 'static' },
  { name: 'gcr.io/distroless/base-debian13', runtime: 'glibc' },
  { name: 'gcr.io/distroless/base-nossl-debian13', runtime: 'glibc' },
  { name: 'gcr.io/distroless/cc-debian13', runtime: 'glibc' },
  { name: 'gcr.io/distroless/java25-debian13', runtime: 'java' },
  { name: 'gcr.io/distroless/java21-debian13', runtime: 'java' },
  { name: 'gcr.io/distroless/java17-debian13', runtime: 'java' },
  { name: 'gcr.io/distroless/nodejs26-debian13', runtime: 'node' },
  { name: 'gcr.io/distroless/nodejs24-debian13', runtime: 'node' },
  { name: 'gcr.io/distroless/nodejs22-debian13', runtime: 'node' },
  { name: 'gcr.io/distroless/python3-debian13', runtime: 'python' },
  { name: 'gcr.io/distroless/static-debian12', runtime: 'static' },
  { name: 'gcr.io/distroless/base-debian12', runtime: 'glibc' },
  { name: 'gcr.io/distroless/base-nossl-debian12', runtime: 'glibc' },
  { name: 'gcr.io/distroless/cc-debian12', runtime: 'glibc' },
];

/** The tags of every distroless image: `nonroot` runs as a non-root user, `debug` adds a busybox shell. */
export const DISTROLESS_TAGS = ['latest', 'nonroot', 'debug', 'debug-nonroot'] as const;
