import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel, findRules, lintText, ruleHoverMarkdown } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { hoverAt, type HoverOptions } from '../../server/src/engine/ide/hover';

before(async () => { await initNodeShellParser(); });

const TODAY = '2026-12-01';
const OPTIONS: HoverOptions = { today: TODAY, keywords: true, pageLink: (id) => `page:${id}` };

/** The hover at `needle` (plus `within` characters) in the file of `lines`, with its findings; its span's text. */
function hover(lines: string[], needle: string, within = 0, options: Partial<HoverOptions> = {}, lint = true): { markdown: string; text: string } | undefined {
  const text = lines.join('\n') + '\n';
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const model = new DockerfileModel(text);
  const findings = lint ? lintText(text, { settings: { today: TODAY, ...(options.locale ? { locale: options.locale } : {}) } }).findings : [];
  const h = hoverAt(model, findings, offset + within, { ...OPTIONS, ...options });
  return h && { markdown: h.markdown, text: text.slice(h.start, h.end) };
}

/** The hover at `needle` without findings: only what the cursor is on. */
const on = (lines: string[], needle: string, within = 0, options: Partial<HoverOptions> = {}) => hover(lines, needle, within, options, false);

const state = (line: number, rows: string[]) => [`**Build state at line ${line}**`, '', '| | |', '|---|---|', ...rows].join('\n');
const ALPINE_ROWS = ['| Stage | `stage 0` ← `alpine:3.21` |', '| USER | `root` (the image\'s default) |', '| WORKDIR | `/` (the image\'s default) |', '| SHELL | `/bin/sh -c` (default) |', '| Platform | the platform the build targets |', '| ENV | `alpine:3.21` sets `PATH` |'];

describe('hover: findings first', () => {
  const file = ['FROM alpine:3.21', 'MAINTAINER me', 'RUN apk add curl', 'USER 1000'];

  it('gives each finding two lines, the message with the rule linked and the summary, then the links; then the build state', () => {
    const h = hover(file, 'MAINTAINER', 3)!;
    assert.equal(h.text, 'MAINTAINER');
    assert.equal(h.markdown, [
      'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors · [`maintainer-deprecated`](page:maintainer-deprecated)',
      '',
      'MAINTAINER is deprecated',
      '',
      '[Documentation](page:maintainer-deprecated) · [Docker\'s page for MaintainerDeprecated](https://docs.docker.com/reference/build-checks/maintainer-deprecated/)',
      '',
      '---',
      '',
      // Below a finding the keyword's explanation is left out.
      state(2, ALPINE_ROWS),
    ].join('\n'));
  });

  it('shows every rule that reports at the cursor, in order; without pages, the id is not a link', () => {
    const h = hover(file, 'apk add', 1, { pageLink: undefined })!;
    assert.equal(h.text, 'apk');
    assert.equal(h.markdown, [
      '`apk add` without `--no-cache` leaves the package index in the image · `apk-add-missing-no-cache`',
      '',
      '`apk add` without `--no-cache`',
      '',
      '---',
      '',
      '`apk add` downloads into `/var/cache/apk` on every build: a cache mount there keeps the downloads between builds and out of the image · `prefer-cache-mount`',
      '',
      'An install or build command without a BuildKit cache mount at its tool\'s cache',
      '',
      '---',
      '',
      state(3, ALPINE_ROWS),
    ].join('\n'));
  });

  it('speaks the editor\'s language', () => {
    const h = hover(file, 'MAINTAINER', 3, { locale: 'ko' })!;
    assert.equal(h.markdown, [
      'MAINTAINER는 사용 중단되었습니다. LABEL org.opencontainers.image.authors를 사용해야 합니다 · [`maintainer-deprecated`](page:maintainer-deprecated)',
      '',
      '사용 중단된 MAINTAINER',
      '',
      '[문서](page:maintainer-deprecated) · [Docker의 MaintainerDeprecated 문서](https://docs.docker.com/reference/build-checks/maintainer-deprecated/)',
      '',
      '---',
      '',
      '**2번 줄의 빌드 상태**',
      '',
      '| | |',
      '|---|---|',
      '| 스테이지 | `0번 스테이지` ← `alpine:3.21` |',
      '| USER | `root` (이미지 기본값) |',
      '| WORKDIR | `/` (이미지 기본값) |',
      '| SHELL | `/bin/sh -c` (기본값) |',
      '| 플랫폼 | 빌드 대상 플랫폼 |',
      '| ENV | `alpine:3.21`이(가) 설정: `PATH` |',
    ].join('\n'));
  });
});

describe('hover: what the cursor is on', () => {
  it('explains a rule named in a pragma in full', () => {
    const file = ['FROM alpine:3.21', '# hadolint ignore=DL4000', 'MAINTAINER me'];
    const rule = ruleHoverMarkdown(findRules('maintainer-deprecated')[0], 'page:maintainer-deprecated');
    assert.deepEqual(on(file, 'DL4000', 2), { markdown: rule, text: 'DL4000' });
    // A finding on the pragma itself comes first.
    const h = hover(file, 'DL4000', 2)!;
    assert.equal(h.text, '# hadolint ignore=DL4000');
    assert.ok(h.markdown.startsWith('Inline ignore pragma: record the exception in the configuration file instead · [`inline-ignore-pragma`](page:inline-ignore-pragma)\n\nInline ignore pragma\n\n[Documentation](page:inline-ignore-pragma)\n\n---\n\n'), h.markdown);
    assert.ok(h.markdown.endsWith(`---\n\n${rule}`));
    assert.equal(on(['FROM alpine:3.21', '# dockwise ignore=no-such-rule', 'RUN true'], 'no-such', 2), undefined);
  });

  it('says what is known about a base image, and that a FROM names a stage', () => {
    assert.deepEqual(on(['ARG V=22', 'FROM node:${V}-slim AS build', 'FROM build', 'CMD ["node"]'], 'node:', 2), {
      markdown: '**node:22-slim**\n\nWritten as `node:${V}-slim`; ARG defaults give `node:22-slim`.\n\nDocker official image `node` · Debian/Ubuntu based',
      text: 'node:${V}-slim',
    });
    assert.deepEqual(on(['FROM python:3.8', 'CMD ["python"]'], 'python', 1), {
      markdown: '**python:3.8**\n\nDocker official image `python` · Debian/Ubuntu based\n\n⚠ python 3.8 reached end of life on 2024-10-07. Supported: 3.11, 3.12, 3.13, 3.14. ([source](https://endoflife.date/python))\n\nSmaller variant: `python:<version>-slim`.',
      text: 'python:3.8',
    });
    assert.deepEqual(on(['ARG V=22', 'FROM node:${V}-slim AS build', 'FROM build', 'CMD ["node"]'], 'FROM build', 6), {
      markdown: '**build**\n\nStage `build` of this file (line 2).',
      text: 'build',
    });
  });

  it('shows the stage behind --from and a mount\'s from=, or says it is an image', () => {
    const file = ['FROM golang:1.23 AS build', 'RUN go build', 'FROM alpine:3.21', 'COPY --from=build /out /app', 'COPY --from=nginx:1.27 /etc/nginx /etc/nginx', 'RUN --mount=type=bind,from=build,target=/b true'];
    const stage = 'Stage **build**, line 1:\n\n```dockerfile\nFROM golang:1.23 AS build\n```';
    assert.deepEqual(on(file, '--from=build', 9), { markdown: stage, text: 'build' });
    assert.deepEqual(on(file, 'from=build,', 6), { markdown: stage, text: 'build' });
    assert.deepEqual(on(file, '--from=nginx', 9), { markdown: '`nginx:1.27` is not a stage of this file, so it is pulled as an image.', text: 'nginx:1.27' });
  });

  it('resolves a variable by Docker\'s scopes and says where it is set', () => {
    const file = [
      'ARG VERSION=22',
      'FROM node:${VERSION}-slim AS build',
      'ARG VERSION',
      'ARG TARGET',
      'ENV APP=/srv LIB=$APP/lib',
      'ENV LIB=$APP/lib',
      'WORKDIR $LIB',
      'RUN echo $VERSION $TARGET $NODE_VERSION $HOME',
      'COPY $MISSING /x',
    ];
    assert.deepEqual(on(file, '${VERSION}', 3), { markdown: '`VERSION` = `22`\n\nSet by ARG on line 1.', text: 'VERSION' });
    assert.deepEqual(on(file, '$LIB', 2), { markdown: '`LIB` = `/srv/lib`\n\nSet by ENV on line 6.', text: 'LIB' });
    assert.deepEqual(on(file, 'echo $VERSION', 7), { markdown: '`VERSION` = `22`\n\nSet by ARG on line 3.', text: 'VERSION' });
    assert.deepEqual(on(file, '$TARGET', 2), { markdown: '`TARGET` = `` (no default)\n\nSet by ARG on line 4.', text: 'TARGET' });
    assert.deepEqual(on(file, '$NODE_VERSION', 2), { markdown: '`NODE_VERSION` is set by the ENV of the base image, node:${VERSION}-slim.', text: 'NODE_VERSION' });
    assert.deepEqual(on(file, '$HOME', 2), { markdown: '`HOME` is not set by an ARG or ENV in scope here; the shell may still set it.', text: 'HOME' });
    assert.deepEqual(on(file, '$MISSING', 2), { markdown: '`MISSING` is not set by an ARG or ENV in scope here.', text: 'MISSING' });
    // undefined-var reports it: its finding leads, the variable follows.
    const h = hover(file, '$MISSING', 2)!;
    assert.equal(h.text, '$MISSING');
    assert.match(h.markdown, /^\$MISSING is not defined by an ARG or ENV before this COPY[^\n]+ · \[`undefined-var`\]\(page:undefined-var\)\n\nVariable used before any ARG or ENV defines it\n\n\[Documentation\]\(page:undefined-var\) · \[Docker's page for UndefinedVar\]\([^)]+\)\n\n---\n\n`MISSING` is not set by an ARG or ENV in scope here\.$/);
  });

  it('explains the keyword above the build state, or leaves the keyword to a Docker extension', () => {
    const file = ['FROM alpine:3.21', 'WORKDIR /app'];
    const rows = [...ALPINE_ROWS];
    rows[2] = '| WORKDIR | `/app` (line 2) |';
    assert.deepEqual(on(file, 'WORKDIR', 2), {
      markdown: `**WORKDIR**: Sets the working directory for the following instructions, creating it when needed.\n\n---\n\n${state(2, rows)}`,
      text: 'WORKDIR',
    });
    // While a Docker extension explains keywords, the keyword is its alone; the build state is on the rest.
    assert.equal(on(file, 'WORKDIR', 2, { keywords: false }), undefined);
    assert.deepEqual(on(file, '/app', 2, { keywords: false }), { markdown: state(2, rows), text: 'WORKDIR /app' });
    // Before the first FROM there is no build state: the keyword alone, or nothing.
    assert.deepEqual(on(['ARG A=1', 'FROM alpine:3.21'], 'ARG', 1), { markdown: '**ARG**: Declares a build-time variable (`--build-arg`), with an optional default; before the first FROM it can parameterise FROM.', text: 'ARG' });
    assert.equal(on(['ARG A=1', 'FROM alpine:3.21'], 'ARG', 1, { keywords: false }), undefined);
  });

  it('shows the build state on the rest of an instruction, and nothing on a COPY path, a directive or a comment', () => {
    const file = ['# syntax=docker/dockerfile:1', 'FROM alpine:3.21', '# a note', 'RUN --network=none apk info', 'COPY app.py /srv/'];
    assert.equal(on(file, 'apk info', 5, { keywords: false })?.text, 'RUN --network=none apk info');
    assert.equal(on(file, '--network', 3)?.text, '--network=none');
    assert.match(on(file, '--network', 3)!.markdown, /^\*\*Build state at line 4\*\*/);
    assert.equal(on(file, 'app.py', 2), undefined);
    assert.equal(on(file, '/srv/', 2), undefined);
    assert.equal(on(file, 'docker/dockerfile', 2), undefined);
    assert.equal(on(file, 'a note', 2), undefined);
  });
});

describe('hover: the build state table', () => {
  it('has a row per fact, long lists cut short, long values clipped and pipes escaped', () => {
    const long = 'x'.repeat(80);
    const file = [
      'FROM --platform=linux/arm64 node:22 AS base',
      'FROM base AS app',
      'SHELL ["/bin/bash", "-c"]',
      'USER node',
      'WORKDIR /home/node',
      'EXPOSE 3000 9229/tcp',
      `ENV A=1 B=2 C=3 D=4 E=5 F=6 G="a|b" LONG=${long}`,
      'ARG MODE=production',
      'RUN npm ci',
    ];
    assert.equal(on(file, 'npm ci', 2)!.markdown, state(9, [
      '| Stage | `app` ← `base` ← `node:22` |',
      '| USER | `node` (line 4) |',
      '| WORKDIR | `/home/node` (line 5) |',
      '| SHELL | `/bin/bash -c` (line 3) |',
      '| Platform | `linux/arm64` (line 1) |',
      '| EXPOSE | `3000`, `9229/tcp` |',
      `| ENV | \`A=1\`, \`B=2\`, \`C=3\`, \`D=4\`, \`E=5\`, \`F=6\` and 2 more · \`node:22\` sets \`NODE_VERSION\`, \`PATH\`, \`YARN_VERSION\` |`,
      '| ARG | `MODE=production` |',
    ]));
    const lines = on([...file.slice(0, 6), `ENV G="a|b" LONG=${long}`, 'RUN npm ci'], 'npm ci', 2)!.markdown.split('\n');
    assert.equal(lines.find((l) => l.startsWith('| ENV')), `| ENV | \`G=a\\|b\`, \`LONG=${'x'.repeat(54)}…\` · \`node:22\` sets \`NODE_VERSION\`, \`PATH\`, \`YARN_VERSION\` |`);
  });

  it('says what it does not know', () => {
    const h = on(['FROM example.com/team/base:1', 'WORKDIR app', "SHELL ['sh', '-c']", 'RUN make'], 'make', 1)!;
    assert.equal(h.markdown, state(4, [
      '| Stage | `stage 0` ← `example.com/team/base:1` |',
      '| USER | the base image\'s, not known |',
      '| WORKDIR | not known (line 2) |',
      '| SHELL | not a JSON array (line 3) |',
      '| Platform | the platform the build targets |',
    ]));
    const rows = on(['FROM example.com/team/base:1', 'RUN make'], 'make', 1)!.markdown.split('\n');
    assert.deepEqual(rows.filter((r) => /^\| (USER|WORKDIR) /.test(r)), ['| USER | the base image\'s, not known |', '| WORKDIR | the base image\'s, not known |']);
  });
});
