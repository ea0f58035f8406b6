// Completion on the text as it is while the user types: what is offered at the cursor (the first `|`), in which
// order, and which span of the text it replaces.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { completions, plainOfSnippet, type CompletionContext, type CompletionItem } from '../../server/src/engine/ide/completion';
import { IMAGE_SIZES, recordedSize } from '../../server/src/engine/data/image-sizes';
import fc from 'fast-check';
import { mutated } from '../robustness/generators';

before(async () => { await initShellParser(); });

const TODAY = '2026-12-06';

interface Result { items: CompletionItem[]; labels: string[]; span: string | undefined; start: number | undefined; end: number | undefined }

function complete(marked: string, ctx: Partial<CompletionContext> = {}): Result {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'a cursor');
  const model = new DockerfileModel(marked.slice(0, offset) + marked.slice(offset + 1));
  const items = completions(model, offset, { locale: 'en', today: TODAY, snippets: true, ...ctx });
  const spans = new Set(items.map((i) => `${i.start}:${i.end}`));
  assert.ok(spans.size <= 1, 'one span per completion');
  return { items, labels: items.map((i) => i.label), span: items[0] && model.text.slice(items[0].start, items[0].end), start: items[0]?.start, end: items[0]?.end };
}

const item = (r: Result, label: string) => {
  const found = r.items.find((i) => i.label === label);
  assert.ok(found, `${label} offered: ${r.labels.join(', ')}`);
  return found;
};

describe('instructions', () => {
  it('before the first FROM: FROM and ARG only, replacing the word typed', () => {
    const r = complete('FR|');
    assert.deepEqual(r.labels, ['FROM', 'FROM image AS name', 'ARG']);
    assert.deepEqual([r.start, r.end, r.span], [0, 2, 'FR']);
    assert.deepEqual(r.items[0], { label: 'FROM', kind: 'keyword', insertText: 'FROM ', snippet: false, start: 0, end: 2, sortText: '0000', documentation: 'Starts a build stage from a base image: `FROM [--platform=…] image[:tag|@digest] [AS name]`.', retrigger: true });
    assert.deepEqual([r.items[1].kind, r.items[1].insertText, r.items[1].snippet, r.items[1].filterText], ['snippet', 'FROM ${1:image}:${2:tag} AS ${3:name}', true, 'FROM']);
    assert.deepEqual(complete('ARG V=1\n|\nFROM a').labels, ['FROM', 'FROM image AS name', 'ARG']);
  });

  it('after a FROM: every instruction, most used first, with snippets of their usual form', () => {
    const r = complete('FROM node:22\nCO|');
    assert.deepEqual(r.labels, ['FROM', 'FROM image AS name', 'RUN', 'RUN --mount=type=cache', 'COPY', 'WORKDIR', 'ENV', 'ARG', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'LABEL', 'ADD', 'HEALTHCHECK', 'HEALTHCHECK NONE', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER']);
    assert.equal(r.span, 'CO');
    assert.equal(item(r, 'CMD').insertText, 'CMD ["${1:executable}"]');
    assert.equal(item(r, 'ENTRYPOINT').insertText, 'ENTRYPOINT ["${1:executable}"]');
    assert.equal(item(r, 'RUN --mount=type=cache').insertText, 'RUN --mount=type=cache,target=${1:/root/.cache} ${2:command}');
    assert.equal(item(r, 'HEALTHCHECK').insertText, 'HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} CMD ${3:command}');
    assert.equal(item(r, 'MAINTAINER').deprecated, true);
    assert.equal(item(r, 'ONBUILD').retrigger, true);
  });

  it('offers COPY --from with the stages before the one the line is in', () => {
    const r = complete('FROM a AS deps\nFROM a AS build\nFROM b AS final\n|\nFROM c AS later');
    assert.equal(item(r, 'COPY --from=stage').insertText, 'COPY --from=${1|deps,build|} ${2:source} ${3:destination}');
    assert.ok(!complete('FROM a AS only\n|').labels.includes('COPY --from=stage'), 'no stage to copy from');
  });

  it('writes keywords in the file\'s case', () => {
    const r = complete('from node\nrun x\nru|');
    assert.deepEqual(r.labels.slice(0, 4), ['from', 'from image as name', 'run', 'run --mount=type=cache']);
    assert.equal(r.items[1].insertText, 'from ${1:image}:${2:tag} as ${3:name}');
    assert.equal(complete('FROM node\nrun x\nRUN y\nCO|').labels[0], 'FROM', 'upper when the file is mixed');
  });

  it('without snippet support, plain text with the placeholders\' defaults', () => {
    const r = complete('FROM a\nCO|', { snippets: false });
    assert.deepEqual([item(r, 'COPY').insertText, item(r, 'COPY').snippet], ['COPY source destination', false]);
    assert.equal(item(r, 'CMD').insertText, 'CMD ["executable"]');
    assert.equal(plainOfSnippet('COPY --from=${1|deps,build|} ${2:src} $0\\$HOME'), 'COPY --from=deps src $HOME');
  });

  it('after ONBUILD: the instructions a trigger may be', () => {
    const expected = ['RUN', 'RUN --mount=type=cache', 'COPY', 'WORKDIR', 'ENV', 'ARG', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'LABEL', 'ADD', 'HEALTHCHECK', 'HEALTHCHECK NONE', 'VOLUME', 'SHELL', 'STOPSIGNAL'];
    assert.deepEqual(complete('FROM a\nONBUILD |', { trigger: ' ' }).labels, expected);
    const r = complete('FROM a\nONBUILD RU|');
    assert.deepEqual([r.labels.length, r.span, r.start], [expected.length, 'RU', 15]);
  });

  it('a space on a line of its own, or anywhere in a RUN, asks for nothing', () => {
    assert.deepEqual(complete('FROM a\n |', { trigger: ' ' }).labels, []);
    assert.deepEqual(complete('FROM a\nRUN apt-get install |', { trigger: ' ' }).labels, []);
    assert.deepEqual(complete('FROM a\nRUN |', { trigger: ' ' }).labels, []);
  });
});

describe('flags', () => {
  it('completes a flag being typed, with the first syntax that has it', () => {
    const r = complete('FROM node:22\nCOPY --fr|');
    assert.deepEqual(r.labels, ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    assert.deepEqual([r.start, r.end, r.span], [18, 22, '--fr']);
    assert.deepEqual(r.items.map((i) => [i.insertText, i.detail ?? '', i.retrigger ?? false]), [
      ['--from=', '', true],
      ['--chown=', '', true],
      ['--chmod=', 'Dockerfile syntax 1.2 or later', true],
      ['--link', 'Dockerfile syntax 1.4 or later', false],
      ['--parents', 'Dockerfile syntax 1.20 or later', false],
      ['--exclude=', 'Dockerfile syntax 1.19 or later', true],
    ]);
  });

  it('leaves out flags already given, except the repeatable ones', () => {
    assert.deepEqual(complete('FROM a AS b\nFROM c\nCOPY --from=b --exclude=x --link -|').labels, ['--chown', '--chmod', '--parents', '--exclude']);
    assert.deepEqual(complete('FROM a\nADD --|').labels, ['--chown', '--chmod', '--link', '--exclude', '--checksum', '--keep-git-dir', '--unpack']);
    const run = complete('FROM a\nRUN --mount=type=cache,target=/x \\\n  --|');
    assert.deepEqual(run.labels, ['--mount', '--network', '--security', '--device']);
    assert.deepEqual(run.items.map((i) => i.detail), ['Dockerfile syntax 1.2 or later', 'Dockerfile syntax 1.3 or later', 'Dockerfile syntax 1.20 or later', 'Labs syntax only: docker/dockerfile:1-labs (1.14 or later)']);
  });

  it('asked for right after the keyword: what the instruction takes, then its flags', () => {
    const r = complete('FROM a\nHEALTHCHECK |');
    assert.deepEqual(r.labels, ['CMD', 'NONE', '--interval', '--timeout', '--start-period', '--start-interval', '--retries']);
    assert.equal(item(r, '--interval').insertText, '--interval=${1:30s}');
    assert.equal(item(r, '--start-interval').detail, 'Docker Engine 25.0 or later');
    assert.deepEqual(complete('FROM a\nRUN |').labels, ['--mount', '--network', '--security', '--device']);
    assert.deepEqual(complete('FROM a\nRUN echo -|').labels, [], 'after the first argument a dash is the command\'s');
  });

  it('--from= offers the stages before this one, never its own or later ones', () => {
    const r = complete('FROM a AS deps\nFROM a AS build\nCOPY --from=deps . .\nFROM build AS test\nFROM alpine AS final\nCOPY --from=|\nFROM a AS later');
    assert.deepEqual(r.labels, ['deps', 'build', 'test']);
    assert.deepEqual(r.items[0], { label: 'deps', kind: 'stage', insertText: 'deps', snippet: false, start: 104, end: 104, sortText: '0000', detail: 'Stage of this file, line 1', documentation: '```dockerfile\nFROM a AS deps\n```' });
    assert.deepEqual(complete('FROM a AS one\nCOPY --from=|').labels, []);
    const partial = complete('FROM a AS builder\nFROM b\nCOPY --from=bu|ild /x /y');
    assert.deepEqual([partial.labels, partial.span], [['builder'], 'build']);
  });

  it('values of --platform, --network, --security, --chmod and the switches', () => {
    const platform = complete('FROM --platform=|');
    assert.deepEqual(platform.labels, ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64']);
    assert.equal(platform.items[2].documentation, 'Pins the stage to `linux/amd64`: a multi-platform build then emulates it everywhere else.');
    assert.deepEqual(complete('FROM a\nRUN --network=n|').labels, ['default', 'none', 'host']);
    assert.deepEqual(complete('FROM a\nRUN --security=|').labels, ['sandbox', 'insecure']);
    assert.deepEqual(complete('FROM a\nCOPY --chmod=|').labels, ['755', '644', '700', '600', '555', '444', 'u=rwX,go=rX', '+x']);
    assert.deepEqual(complete('FROM a\nCOPY --link=|').labels, ['true', 'false']);
    assert.deepEqual(complete('FROM a\nCOPY --chown=|').labels, []);
  });
});

describe('RUN --mount', () => {
  it('first the type, then the keys of that type not given yet', () => {
    assert.deepEqual(complete('FROM a\nRUN --mount=|').labels, ['type=cache', 'type=bind', 'type=secret', 'type=ssh', 'type=tmpfs']);
    const keys = complete('FROM a\nRUN --mount=type=cache,|');
    assert.deepEqual(keys.labels, ['target', 'sharing', 'id', 'from', 'source', 'readonly', 'mode', 'uid', 'gid']);
    assert.deepEqual([item(keys, 'target').insertText, item(keys, 'target').retrigger, item(keys, 'readonly').insertText], ['target=', true, 'readonly']);
    const typed = complete('FROM a\nRUN --mount=type=cache,target=/x,sh|');
    assert.deepEqual([typed.labels, typed.span], [['sharing', 'id', 'from', 'source', 'readonly', 'mode', 'uid', 'gid'], 'sh']);
    assert.deepEqual(complete('FROM a\nRUN --mount=type=secret,id=x,|').labels, ['target', 'env', 'required', 'mode', 'uid', 'gid']);
    assert.deepEqual(complete('FROM a\nRUN --mount=target=/src,|').labels, ['source', 'from', 'readwrite', 'type=cache', 'type=bind', 'type=secret', 'type=ssh', 'type=tmpfs'], 'no type: a bind mount\'s keys, then the types');
    assert.deepEqual(complete('FROM a\nRUN --mount=type=cache,ro,dst=/x,|').labels, ['sharing', 'id', 'from', 'source', 'mode', 'uid', 'gid'], 'aliases count');
  });

  it('values of type=, sharing=, required= and from=', () => {
    assert.deepEqual(complete('FROM a\nRUN --mount=type=|').labels, ['cache', 'bind', 'secret', 'ssh', 'tmpfs']);
    const sharing = complete('FROM a\nRUN --mount=type=cache,target=/x,sharing=|');
    assert.deepEqual(sharing.labels, ['locked', 'shared', 'private']);
    assert.equal(sharing.items[0].documentation, 'One build at a time: the next waits until the first is done.');
    assert.deepEqual(complete('FROM a\nRUN --mount=type=secret,required=|').labels, ['true', 'false']);
    assert.deepEqual(complete('FROM a AS one\nFROM b AS two\nRUN --mount=from=|').labels, ['one']);
  });

  it('type=cache,target= offers the caches of the tools the RUN runs first, apt with sharing=locked', () => {
    const r = complete('FROM debian:12\nRUN --mount=type=cache,target=| apt-get update && apt-get install -y curl');
    assert.deepEqual(r.labels, ['/var/cache/apt', '/var/lib/apt', '/var/cache/apk', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum', '/var/cache/zypp', '/root/.cache/pip', '/root/.npm', '/usr/local/share/.cache/yarn', '/root/.local/share/pnpm/store', '/root/go/pkg/mod', '/root/.cache/go-build', '/root/.cargo/registry', '/root/.cargo/git', '/root/.m2', '/root/.gradle', '/root/.cache/uv']);
    assert.deepEqual([r.items[0].insertText, r.items[0].detail], ['/var/cache/apt,sharing=locked', 'apt-get cache: this RUN runs apt-get']);
    assert.deepEqual([item(r, '/var/cache/yum').detail, item(r, '/root/.npm').insertText], ['microdnf, yum cache', '/root/.npm']);
    assert.equal(r.items[0].documentation, 'Where apt-get keeps what it downloads ([documentation](https://docs.docker.com/reference/dockerfile/#example-cache-apt-packages)).\n\napt-get takes a lock of its own and fails when two builds use the folder at once: `sharing=locked` is added.');
  });

  it('where the image or the user moves a cache, and without the folders already mounted', () => {
    const go = complete('FROM golang:1.26\nRUN --mount=type=cache,target=| go build ./...');
    assert.deepEqual(go.labels.slice(0, 3), ['/go/pkg/mod', '/root/.cache/go-build', '/var/cache/apt']);
    const pip = complete('FROM python:3.13\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,sharing=locked,target=| pip install x && apt-get install -y y');
    assert.deepEqual(pip.labels.slice(0, 3), ['/var/cache/apt', '/var/lib/apt', '/var/cache/apk']);
    assert.ok(!pip.labels.includes('/root/.cache/pip'));
    assert.equal(pip.items[0].insertText, '/var/cache/apt', 'sharing= is given already');
    const nonRoot = complete('FROM python:3.13\nUSER app\nRUN --mount=type=cache,target=| pip install x');
    assert.ok(!nonRoot.labels.some((l) => l.startsWith('/root/')), 'the home of another user is not known');
    assert.equal(nonRoot.labels[0], '/var/cache/apt');
  });
});

describe('variables', () => {
  it('after ${ in a RUN: the stage\'s ENV, the base image\'s ENV, then the proxy ARGs', () => {
    const r = complete('FROM node:22\nENV APP=/app\nRUN echo ${N|}');
    assert.deepEqual(r.labels, ['APP', 'NODE_VERSION', 'PATH', 'YARN_VERSION', 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);
    assert.deepEqual([r.start, r.end, r.span], [37, 38, 'N']);
    assert.deepEqual(r.items.slice(0, 2).map((i) => [i.insertText, i.detail, i.documentation]), [
      ['APP', 'ENV, line 2', '`APP` = `/app`'],
      ['NODE_VERSION', 'ENV of node:22', '`NODE_VERSION` is set by the ENV of the base image, node:22.'],
    ]);
  });

  it('closes the brace when the editor has not', () => {
    const r = complete('ARG NODE=22\nFROM node:$NODE AS build\nARG NODE\nARG FLAVOR=slim\nRUN echo ${|');
    assert.deepEqual(r.labels.slice(0, 3), ['FLAVOR', 'NODE', 'NODE_VERSION']);
    assert.deepEqual(r.items.slice(0, 3).map((i) => [i.insertText, i.documentation]), [
      ['FLAVOR}', '`FLAVOR` = `slim`'],
      ['NODE}', '`NODE` = `22`, the default of the global ARG on line 1.'],
      ['NODE_VERSION}', '`NODE_VERSION` is set by the ENV of the base image, node:22.'],
    ]);
  });

  it('on a FROM line: the global ARGs and BuildKit\'s platform ARGs', () => {
    const r = complete('ARG BASE=node\nARG TAG\nFROM $|');
    assert.deepEqual(r.labels, ['BASE', 'TAG', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);
    assert.equal(item(r, 'TAG').documentation, '`TAG` has no default: it is empty unless `--build-arg TAG=…` sets it.');
    assert.deepEqual([item(r, 'TARGETARCH').detail, item(r, 'TARGETARCH').documentation], ['Set by BuildKit', 'The architecture being built for, such as `arm64`.']);
  });

  it('at run time only ENV; nothing where nobody reads them', () => {
    assert.deepEqual(complete('FROM node:22\nARG V=1\nENV APP=/app\nCMD echo $|').labels, ['APP', 'NODE_VERSION', 'PATH', 'YARN_VERSION']);
    assert.deepEqual(complete('FROM a\nENV APP=/app\nCMD ["echo", "$|"]').labels, [], 'exec form');
    assert.deepEqual(complete('FROM a\nENV APP=/app\nRUN echo \'$|\'').labels, [], 'single quotes');
    assert.deepEqual(complete('FROM a\nENV APP=/app\nRUN echo \\$|').labels, [], 'escaped');
    assert.deepEqual(complete('FROM a\nENV APP=/app\nWORKDIR $A|').labels, ['APP']);
  });

  it('after ARG in a stage: the global ARGs and platform ARGs it has not declared', () => {
    const r = complete('ARG B=1\nARG P\nFROM a\nARG B\nARG |');
    assert.deepEqual(r.labels, ['P', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);
    assert.equal(r.items[0].documentation, 'Global ARG, line 2: declaring it again here makes it usable in this stage.');
    assert.deepEqual(complete('ARG B=1\nARG |').labels, [], 'in the global scope nothing needs declaring');
  });
});

describe('FROM', () => {
  it('the stages before, then official images, deprecated ones, distroless', () => {
    const r = complete('FROM node:22 AS build\nFROM nod|');
    assert.deepEqual([r.span, r.start, r.end], ['nod', 27, 30]);
    assert.deepEqual(r.labels.slice(0, 4), ['build', 'almalinux', 'alpine', 'amazoncorretto']);
    assert.deepEqual(r.labels.filter((l) => item(r, l).deprecated), ['openjdk', 'java', 'adoptopenjdk', 'centos', 'django', 'rails', 'iojs', 'celery']);
    assert.deepEqual(r.labels.filter((l) => l.startsWith('gcr.io/')), [
      'gcr.io/distroless/static-debian13', 'gcr.io/distroless/base-debian13', 'gcr.io/distroless/base-nossl-debian13', 'gcr.io/distroless/cc-debian13',
      'gcr.io/distroless/java25-debian13', 'gcr.io/distroless/java21-debian13', 'gcr.io/distroless/java17-debian13',
      'gcr.io/distroless/nodejs26-debian13', 'gcr.io/distroless/nodejs24-debian13', 'gcr.io/distroless/nodejs22-debian13', 'gcr.io/distroless/python3-debian13',
      'gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12', 'gcr.io/distroless/base-nossl-debian12', 'gcr.io/distroless/cc-debian12',
    ]);
    assert.deepEqual([item(r, 'node').detail, item(r, 'node').documentation], ['Docker official image', 'Maintained lines of node: 22, 24, 26.']);
    assert.equal(item(r, 'centos').detail, 'Deprecated: use almalinux or rockylinux (RHEL-compatible), or quay.io/centos/centos:stream9');
    assert.equal(item(r, 'gcr.io/distroless/static-debian13').detail, 'Distroless: no shell, no package manager');
  });

  it('replaces the name only, before a tag', () => {
    const r = complete('FROM pyth|on:3.13-slim AS app');
    assert.deepEqual([r.span, r.labels[0]], ['python', 'almalinux']);
    assert.equal(complete('FROM --platform=$BUILDPLATFORM gol|').span, 'gol');
  });

  it('tags: maintained lines newest first with variants and recorded sizes, end-of-life lines last', () => {
    const r = complete('FROM node:|');
    assert.deepEqual(r.labels.slice(0, 22), [
      '26', '26-slim', '26-alpine', '26-trixie-slim', '26-bookworm-slim', '26-trixie', '26-bookworm',
      '24', '24-slim', '24-alpine', '24-trixie-slim', '24-bookworm-slim', '24-trixie', '24-bookworm',
      '22', '22-slim', '22-alpine', '22-trixie-slim', '22-bookworm-slim', '22-trixie', '22-bookworm',
      '25',
    ]);
    assert.deepEqual(r.labels.slice(21), ['25', '23', '21', '20', '19', '18', '17', '16', '15', '14', '13', '12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    assert.deepEqual(r.items.slice(0, 3).map((i) => [i.detail, i.deprecated ?? false]), [
      ['node 26, supported until 2029-04-30 · about 424 MB', false],
      ['node 26, supported until 2029-04-30 · about 82 MB', false],
      ['node 26, supported until 2029-04-30', false],
    ]);
    assert.equal(r.items[1].documentation, 'Docker Hub listed `node:26.12.0-slim` at 81.84 MB, compressed, for linux/amd64 on 2026-12-06 ([source](https://hub.docker.com/_/node/tags?name=26)).');
    assert.deepEqual([item(r, '20').detail, item(r, '20').deprecated], ['node 20, end of life since 2026-04-30', true]);
    assert.equal(item(r, '3').detail, 'node 3, end of life');
  });

  it('tags replace what follows the colon; Debian and Ubuntu by codename too', () => {
    const py = complete('FROM python:3.1|');
    assert.deepEqual([py.span, py.labels.slice(0, 3), item(py, '3.10').deprecated], ['3.1', ['3.14', '3.14-slim', '3.14-alpine'], true]);
    assert.deepEqual(complete('FROM debian:|').labels.slice(0, 10), ['13', '13-slim', 'trixie', 'trixie-slim', '12', '12-slim', 'bookworm', 'bookworm-slim', '11', 'bullseye']);
    assert.equal(complete('FROM golang:|').items[0].detail, 'golang 1.27, no end of life announced');
    assert.deepEqual(complete('FROM gcr.io/distroless/static-debian13:|').labels, ['latest', 'nonroot', 'debug', 'debug-nonroot']);
    assert.deepEqual(complete('FROM registry.example.com:5000/app:|').labels, [], 'unknown image');
    const digest = complete('FROM alpine:3|@sha256:abc');
    assert.deepEqual([digest.span, digest.labels[0]], ['3', '3.24']);
  });

  it('AS after the image, in the file\'s case', () => {
    assert.deepEqual(complete('FROM node:22 |', { trigger: ' ' }).items.map((i) => [i.label, i.insertText]), [['AS', 'AS ']]);
    assert.deepEqual(complete('from node:22 a|').labels, ['as']);
    assert.deepEqual(complete('FROM node:22 AS |').labels, []);
  });
});

describe('comments', () => {
  it('in the header: the directives not given yet, and the pragmas', () => {
    const r = complete('# syntax=docker/dockerfile:1\n# e|\nFROM a');
    assert.deepEqual(r.labels, ['escape', 'check', 'dockwise ignore', 'dockwise global ignore', 'hadolint ignore', 'hadolint global ignore']);
    assert.deepEqual([r.span, r.items[0].insertText, r.items[0].retrigger], ['e', 'escape=', true]);
    assert.deepEqual(complete('FROM a\n# dock|').labels, ['dockwise ignore', 'dockwise global ignore', 'hadolint ignore', 'hadolint global ignore'], 'below the header: pragmas');
    assert.deepEqual(complete('FROM a\n# |', { trigger: ' ' }).labels, [], 'a space starts a comment');
    assert.deepEqual(complete('# |', { trigger: ' ' }).labels.slice(0, 3), ['syntax', 'escape', 'check']);
  });

  it('directive values', () => {
    const syntax = complete('# syntax=|\nFROM a');
    assert.deepEqual([syntax.labels, syntax.start, syntax.end], [['docker/dockerfile:1', 'docker/dockerfile:1-labs'], 9, 9]);
    assert.deepEqual(complete('# escape=|').labels, ['\\', '`']);
    assert.deepEqual(complete('# check=|').labels, ['skip', 'error', 'experimental']);
    assert.deepEqual(complete('# check=skip=all;error=|').labels, ['true', 'false']);
    assert.deepEqual(complete('FROM a\n# syntax=|').labels, [], 'no directive below the header');
  });

  it('BuildKit check names after check=skip=, one item of the list at a time', () => {
    const r = complete('# check=skip=JSONArgsRecommended,St|;error=true\nFROM a');
    assert.equal(r.span, 'St');
    assert.deepEqual(r.labels.slice(0, 4), ['all', 'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName']);
    assert.ok(!r.labels.includes('JSONArgsRecommended'), 'named already');
    assert.deepEqual([item(r, 'StageNameCasing').detail, item(r, 'MultipleInstructionsDisallowed').detail?.split(', ').length], ['stage-name-casing', 3]);
    assert.equal(complete('FROM a\n# check=skip=Json|\nRUN x').span, 'Json', 'above an instruction, Dockwise reads it');
  });

  it('rule ids after # dockwise ignore=, hadolint codes after # hadolint ignore=', () => {
    const r = complete('FROM a\n# dockwise ignore=consecutive-run,apt-|\nRUN x');
    assert.deepEqual([r.span, r.start, r.end], ['apt-', 41, 45]);
    assert.ok(!r.labels.includes('consecutive-run'));
    assert.deepEqual(item(r, 'apt-get-missing-yes').detail, "'apt-get install' (or upgrade, remove) without '-y'");
    assert.equal(r.items[0].kind, 'rule');
    const global = complete('# dockwise global ignore=|\nFROM a');
    assert.equal(global.labels.length, r.labels.length + 1);
    const hadolint = complete('FROM a\n# hadolint ignore=DL3008,DL30|\nRUN x');
    assert.deepEqual([hadolint.span, hadolint.labels.slice(0, 3), hadolint.labels.includes('DL3008')], ['DL30', ['DL1000', 'DL1001', 'DL3000'], false]);
    assert.equal(item(hadolint, 'DL3059').detail, 'consecutive-run');
  });

  it('nothing inside a heredoc, or before the # of a comment', () => {
    assert.deepEqual(complete('FROM a\nRUN <<EOF\nec|\nEOF').labels, []);
    assert.deepEqual(complete('FROM a\nCOPY <<EOF /x\n# dockwise ignore=|\nEOF').labels, []);
    assert.deepEqual(complete('FROM a\n|# note').labels, []);
  });
});

describe('recorded image sizes', () => {
  it('each names its page and the day it was recorded', () => {
    for (const s of IMAGE_SIZES) {
      assert.match(s.source, /^https:\/\/hub\.docker\.com\/_\/[\w-]+\/tags/, `${s.image}:${s.tag}`);
      assert.match(s.recorded, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(s.mb > 0 && /^\d+(\.\d+)*(-[\w.-]+)?$/.test(s.tag), `${s.image}:${s.tag}`);
    }
  });

  it('a line\'s tag takes the size of a release of that line with the same variant', () => {
    assert.equal(recordedSize('node', '22', 'slim')?.tag, '22.23.4-slim');
    assert.equal(recordedSize('node', '22', '')?.tag, '22.23.4');
    assert.equal(recordedSize('node', '2', 'slim'), undefined, '2 is not 22');
    assert.equal(recordedSize('node', '24', 'slim'), undefined, 'never a guess');
    assert.equal(recordedSize('node', '22', 'trixie')?.mb, 419.39, 'trixie is not trixie-slim');
  });
});

describe('on any text', () => {
  it('never throws, and each item replaces a span of the cursor\'s line that holds the cursor', () => {
    fc.assert(fc.property(mutated, fc.boolean(), (text, snippets) => {
      const model = new DockerfileModel(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const line = model.lines.positionAt(offset).line;
        for (const i of completions(model, offset, { locale: 'en', today: TODAY, snippets })) {
          assert.ok(i.start <= offset && offset <= i.end, `${JSON.stringify(text)} at ${offset}: ${i.label} [${i.start}, ${i.end}]`);
          assert.equal(model.lines.positionAt(i.start).line, line);
          assert.equal(model.lines.positionAt(i.end).line, line);
          if (!snippets) assert.ok(!i.snippet && !/\$\{?\d/.test(i.insertText), i.insertText);
        }
      }
    }), { numRuns: 60, seed: 20261206 });
  });
});
