import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { offersOf, refactor } from '../support/refactor';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import cachesAsMounts from '../../server/src/engine/refactor/caches-as-mounts';

const ID = 'caches-as-mounts';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const keyOf = (text: string, run: string) => String(text.indexOf(run));

before(async () => { await initShellParser(); });

test('caches-as-mounts: the docs example applies exactly', async () => {
  const { before: text, after } = cachesAsMounts.docs.example;
  assert.equal((await refactor(ID, text)).text, after);
});

test('caches-as-mounts: apt on Ubuntu, one line: both targets locked, the hook removed above the comment, apt-get clean and the lists cleanup dropped', async () => {
  const out = await refactor(ID, lines(
    'FROM ubuntu:24.04',
    '# tools for the build',
    'RUN apt-get update && apt-get install -y --no-install-recommends git && apt-get clean && rm -rf /var/lib/apt/lists/*',
    'CMD ["bash"]',
  ));
  assert.equal(out.text, lines(
    'FROM ubuntu:24.04',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
    '# tools for the build',
    'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends git',
    'CMD ["bash"]',
  ));
  assert.deepEqual(out.notes, [
    'Kept on the builder between builds and out of the image from now on: `/var/cache/apt`, `/var/lib/apt`. A later RUN that needs what was downloaded there must mount the same cache',
    'Dropped the cleanup the mount makes pointless: `apt-get clean`, `rm -rf /var/lib/apt/lists/*`',
    'Added `RUN rm -f /etc/apt/apt.conf.d/docker-clean` before the first apt RUN it changes in the stage: Debian\'s and Ubuntu\'s images would otherwise delete the downloaded packages from the mount after every install',
  ]);
});

test('caches-as-mounts: the hook is not added again where the stage already removes it; an rm that also removes other things keeps them', async () => {
  const out = await refactor(ID, lines(
    'FROM debian:bookworm',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
    'RUN apt-get update; apt-get install -y --no-install-recommends make; rm -rf /var/lib/apt/lists/* /tmp/build',
  ));
  assert.equal(out.text, lines(
    'FROM debian:bookworm',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
    'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update; apt-get install -y --no-install-recommends make; rm -rf /tmp/build',
  ));
});

test('caches-as-mounts: alpine apk add --no-cache gets the mount and --update-cache', async () => {
  const out = await refactor(ID, lines('FROM alpine:3.21', 'RUN apk add --no-cache curl ca-certificates', 'ENTRYPOINT ["curl"]'));
  assert.equal(out.text, lines('FROM alpine:3.21', 'RUN --mount=type=cache,target=/var/cache/apk apk add --update-cache curl ca-certificates', 'ENTRYPOINT ["curl"]'));
});

test('caches-as-mounts: pip --no-cache-dir in a Flask app', async () => {
  const out = await refactor(ID, lines(
    'FROM python:3.13-slim',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    'CMD ["flask", "run", "--host=0.0.0.0"]',
  ));
  assert.equal(out.text, lines(
    'FROM python:3.13-slim',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    'COPY . .',
    'CMD ["flask", "run", "--host=0.0.0.0"]',
  ));
});

test('caches-as-mounts: npm ci with its cache cleaned, over continuation lines', async () => {
  const out = await refactor(ID, lines(
    'FROM node:22-slim',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm ci --omit=dev \\',
    '    && npm cache clean --force',
    'COPY . .',
    'USER node',
    'CMD ["node", "server.js"]',
  ));
  assert.equal(out.text, lines(
    'FROM node:22-slim',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN --mount=type=cache,target=/root/.npm \\',
    '    npm ci --omit=dev',
    'COPY . .',
    'USER node',
    'CMD ["node", "server.js"]',
  ));
});

test('caches-as-mounts: a Go service: each RUN alone, and the file-wide offer', async () => {
  const text = lines(
    'FROM golang:1.23 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app && go clean -modcache',
    '',
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'ENTRYPOINT ["/app"]',
  );
  const mounts = '--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build';
  assert.deepEqual(offersOf(ID, text).map((o) => o.key), [keyOf(text, 'RUN go mod'), keyOf(text, 'RUN CGO'), 'file']);
  assert.equal(offersOf(ID, text).find((o) => o.key === 'file')!.title, 'Keep package and build caches in BuildKit cache mounts in every RUN of the file (2 RUNs)');
  const one = await refactor(ID, text, { key: keyOf(text, 'RUN go mod') });
  assert.equal(one.text, text.replace('RUN go mod download', `RUN ${mounts} go mod download`));
  const all = await refactor(ID, text, { key: 'file' });
  assert.equal(all.text, text.replace('RUN go mod download', `RUN ${mounts} go mod download`).replace('RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app && go clean -modcache', `RUN ${mounts} CGO_ENABLED=0 go build -o /out/app ./cmd/app`));
});

test('caches-as-mounts: cargo in the rust image', async () => {
  const out = await refactor(ID, lines('FROM rust:1.83 AS build', 'WORKDIR /src', 'COPY . .', 'RUN cargo build --release', '', 'FROM debian:bookworm-slim', 'COPY --from=build /src/target/release/app /usr/local/bin/app', 'CMD ["app"]'));
  assert.equal(out.text, lines('FROM rust:1.83 AS build', 'WORKDIR /src', 'COPY . .', 'RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build --release', '', 'FROM debian:bookworm-slim', 'COPY --from=build /src/target/release/app /usr/local/bin/app', 'CMD ["app"]'));
});

test('caches-as-mounts: a Spring Boot build with Maven, file-wide', async () => {
  const text = lines(
    'FROM maven:3.9-eclipse-temurin-21 AS build',
    'WORKDIR /src',
    'COPY pom.xml .',
    'RUN mvn -B dependency:go-offline',
    'COPY src ./src',
    'RUN mvn -B package -DskipTests',
    '',
    'FROM eclipse-temurin:21-jre',
    'COPY --from=build /src/target/app.jar /app.jar',
    'CMD ["java", "-jar", "/app.jar"]',
  );
  const out = await refactor(ID, text, { key: 'file' });
  assert.equal(out.text, text.replace('RUN mvn -B dependency', 'RUN --mount=type=cache,target=/root/.m2 mvn -B dependency').replace('RUN mvn -B package', 'RUN --mount=type=cache,target=/root/.m2 mvn -B package'));
});

test('caches-as-mounts: gradle', async () => {
  const out = await refactor(ID, lines('FROM gradle:8.11-jdk21 AS build', 'WORKDIR /home/gradle/src', 'COPY . .', 'RUN gradle bootJar --no-daemon'));
  assert.equal(out.text, lines('FROM gradle:8.11-jdk21 AS build', 'WORKDIR /home/gradle/src', 'COPY . .', 'RUN --mount=type=cache,target=/root/.gradle gradle bootJar --no-daemon'));
});

test('caches-as-mounts: uv sync --no-cache', async () => {
  const out = await refactor(ID, lines('FROM python:3.13-slim', 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv', 'WORKDIR /app', 'COPY pyproject.toml uv.lock ./', 'RUN uv sync --frozen --no-cache'));
  assert.equal(out.text, lines('FROM python:3.13-slim', 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv', 'WORKDIR /app', 'COPY pyproject.toml uv.lock ./', 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen'));
});

test('caches-as-mounts: bundler in the ruby image keeps the .gem files in $GEM_HOME/cache', async () => {
  const out = await refactor(ID, lines('FROM ruby:3.3-slim', 'WORKDIR /app', 'COPY Gemfile Gemfile.lock ./', 'RUN bundle install --jobs 4', 'COPY . .', 'CMD ["bundle", "exec", "puma"]'));
  assert.equal(out.text, lines('FROM ruby:3.3-slim', 'WORKDIR /app', 'COPY Gemfile Gemfile.lock ./', 'RUN --mount=type=cache,target=/usr/local/bundle/cache bundle install --jobs 4', 'COPY . .', 'CMD ["bundle", "exec", "puma"]'));
});

test('caches-as-mounts: a cleanup after || or in a pipe stays', async () => {
  const out = await refactor(ID, lines('FROM node:22-slim', 'RUN npm ci || npm cache clean --force'));
  assert.equal(out.text, lines('FROM node:22-slim', 'RUN --mount=type=cache,target=/root/.npm npm ci || npm cache clean --force'));
});

test('caches-as-mounts: Korean titles', () => {
  const [offer] = offersOf(ID, lines('FROM python:3.13-slim', 'RUN pip install flask'), { settings: { locale: 'ko' } });
  assert.ok(offer && /캐시/.test(offer.title));
});

test('caches-as-mounts: not offered on Windows images, where a mount covers the cache, or where the cache is off or unknown', () => {
  const not = (text: string, why: string) => assert.deepEqual(offersOf(ID, text), [], why);
  not(lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN pip install flask'), 'Windows');
  not(lines('FROM python:3.13-slim', 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask'), 'already mounted');
  not(lines('FROM debian:bookworm', 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl'), 'apt mounted');
  not(lines('FROM python:3.13-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask'), 'the cache turned off by ENV');
  not(lines('FROM node:22-slim', 'USER node', 'RUN npm install'), 'a home that is not known');
  not(lines('FROM ruby:3.3-slim', 'ENV BUNDLE_PATH=/app/vendor/bundle', 'RUN bundle install'), 'Bundler moved by BUNDLE_PATH');
  not(lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y --no-install-recommends curl'), 'a later RUN reads the apt lists from this layer');
  not(lines('# syntax=docker/dockerfile:1.1', 'FROM python:3.13-slim', 'RUN pip install flask'), 'a frontend without --mount');
  not(lines('FROM python:3.13-slim', 'RUN ["pip", "--version"]'), 'no download');
});

test('caches-as-mounts: the apt program is also told to keep what it downloads', async () => {
  const out = await refactor(ID, lines('FROM debian:bookworm', 'RUN apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*'));
  assert.equal(out.text, lines(
    'FROM debian:bookworm',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean && echo \'Binary::apt::APT::Keep-Downloaded-Packages "true";\' > /etc/apt/apt.conf.d/keep-cache',
    'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt update && apt install -y curl',
  ));
});

test('caches-as-mounts: dnf, yum, zypper, yarn and pnpm lose their clean commands', async () => {
  const cases: Array<[string, string]> = [
    ['FROM fedora:41\nRUN dnf install -y gcc && dnf clean all\n', 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y gcc\n'],
    ['FROM centos:7\nRUN yum install -y gcc && yum clean all && rm -rf /var/cache/yum\n', 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum,sharing=locked yum install -y gcc\n'],
    ['FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -y curl && zypper clean --all\n', 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp,sharing=locked zypper --non-interactive install -y curl\n'],
    ['FROM node:22\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n', 'FROM node:22\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n'],
    ['FROM node:22\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile && pnpm store prune\n', 'FROM node:22\nCOPY package.json pnpm-lock.yaml ./\nRUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install --frozen-lockfile\n'],
    ['FROM python:3.12\nRUN pip install flask; pip cache purge; rm -rf ~/.cache/pip\n', 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n'],
  ];
  for (const [text, after] of cases) assert.equal((await refactor(ID, text)).text, after);
});

test('caches-as-mounts: an rm operand alone on its continuation line goes with the continuation; the hook keeps the file\'s casing', async () => {
  const out = await refactor(ID, lines(
    'from debian:bookworm',
    'run set -xe \\',
    '    && apt-get update \\',
    '    && apt-get install -y --no-install-recommends wget \\',
    '    && rm -rf dg.tar.gz \\',
    '              /var/lib/apt/lists/*',
    'entrypoint ["/bin/delegated"]',
  ));
  assert.equal(out.text, lines(
    'from debian:bookworm',
    'run rm -f /etc/apt/apt.conf.d/docker-clean',
    'run --mount=type=cache,target=/var/cache/apt,sharing=locked \\',
    '    --mount=type=cache,target=/var/lib/apt,sharing=locked \\',
    '    set -xe \\',
    '    && apt-get update \\',
    '    && apt-get install -y --no-install-recommends wget \\',
    '    && rm -rf dg.tar.gz',
    'entrypoint ["/bin/delegated"]',
  ));
});

test('caches-as-mounts: a second apt RUN of a stage also gets the hook when the first is not changed', async () => {
  const text = lines(
    'FROM debian:bookworm-slim',
    'RUN apt-get update && apt-get install -y --no-install-recommends php-dev && apt-get clean && rm -rf /var/lib/apt/lists/*',
    '',
    'RUN apt-get update -y && \\',
    '    apt-get install -y --no-install-recommends curl && \\',
    '    apt-get clean && \\',
    '    rm -rf /var/lib/apt/lists/*',
  );
  const out = await refactor(ID, text, { key: keyOf(text, 'RUN apt-get update -y') });
  assert.equal(out.text, lines(
    'FROM debian:bookworm-slim',
    'RUN apt-get update && apt-get install -y --no-install-recommends php-dev && apt-get clean && rm -rf /var/lib/apt/lists/*',
    '',
    'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
    'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\',
    '    --mount=type=cache,target=/var/lib/apt,sharing=locked \\',
    '    apt-get update -y && \\',
    '    apt-get install -y --no-install-recommends curl',
  ));
  const all = await refactor(ID, text, { key: 'file' });
  assert.equal(all.text.split('docker-clean').length - 1, 1, 'the hook once per stage');
});
