import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { definitionAt, referencesAt } from '../../server/src/engine/ide/navigation';
import { renameEdits, renameTarget } from '../../server/src/engine/ide/rename';
import { outline, searchableSymbols } from '../../server/src/engine/ide/symbols';
import { contextSourcePaths } from '../../server/src/engine/ide/links';
import { applyEdits } from '../../server/src/engine';

before(async () => { await initShellParser(); });

const FILE = [
  'ARG NODE=22',
  'FROM node:${NODE}-slim AS deps',
  'ARG NODE',
  'ENV APP_HOME=/srv/app',
  'WORKDIR $APP_HOME',
  'RUN echo "$NODE" > /node-version',
  'FROM deps AS build',
  'COPY package.json ./',
  'RUN --mount=type=cache,from=deps,target=/root/.npm npm ci && cp -r ${APP_HOME} /out',
  'FROM gcr.io/distroless/nodejs22-debian12',
  'COPY --from=build /out /app',
  'COPY --from=1 /out/extra /extra',
  'CMD ["app.js"]',
  '',
].join('\n');

const offsetOf = (m: DockerfileModel, needle: string, plus = 0) => {
  const i = m.text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + plus;
};
const texts = (m: DockerfileModel, spans: Array<{ start: number; end: number }>) => spans.map((s) => `${m.lines.positionAt(s.start).line}:${m.text.slice(s.start, s.end)}`);
const rename = (m: DockerfileModel, offset: number, to: string) => {
  const t = renameTarget(m, offset);
  if ('refused' in t) return t;
  const edits = renameEdits(m, t, to);
  return 'refused' in edits ? edits : applyEdits(m.text, edits);
};

describe('definition and references', () => {
  let m: DockerfileModel;
  before(() => { m = new DockerfileModel(FILE); });

  it('goes from a use to the ARG or ENV it reads, and from a stage reference to its name', () => {
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, '$APP_HOME', 2))), ['3:APP_HOME']);
    // In a stage built FROM deps, the ENV is inherited.
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, '${APP_HOME}', 3))), ['3:APP_HOME']);
    // A FROM reads the global ARG; the stage's RUN reads the stage's re-declaration.
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, '${NODE}', 3))), ['0:NODE']);
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, '"$NODE"', 3))), ['2:NODE']);
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, 'from=deps', 6))), ['1:deps']);
    assert.deepEqual(texts(m, definitionAt(m, offsetOf(m, '--from=build', 8))), ['6:build']);
  });

  it('finds every reference of a stage, numeric ones included, and of a variable symbol', () => {
    assert.deepEqual(texts(m, referencesAt(m, offsetOf(m, 'AS deps', 4), true)), ['1:deps', '6:deps', '8:deps']);
    assert.deepEqual(texts(m, referencesAt(m, offsetOf(m, 'AS build', 4), false)), ['10:build', '11:1']);
    assert.deepEqual(texts(m, referencesAt(m, offsetOf(m, 'ARG NODE\n', 5), true)), ['0:NODE', '1:NODE', '2:NODE', '5:NODE']);
    assert.deepEqual(referencesAt(m, offsetOf(m, 'CMD'), true), []);
  });
});

describe('rename', () => {
  let m: DockerfileModel;
  before(() => { m = new DockerfileModel(FILE); });

  it('renames a stage everywhere it is named and leaves numeric references as they are', () => {
    const out = rename(m, offsetOf(m, '--from=build', 8), 'compile');
    assert.equal(typeof out, 'string');
    assert.match(out as string, /FROM deps AS compile\n/);
    assert.match(out as string, /COPY --from=compile \/out \/app\nCOPY --from=1 \/out\/extra/);
  });

  it('renames every ARG of a name with its uses, and an ENV along FROM links', () => {
    assert.equal(rename(m, offsetOf(m, '${NODE}', 3), 'NODE_MAJOR'), FILE.replace(/NODE(?=[=}\n"])/g, 'NODE_MAJOR'));
    const env = rename(m, offsetOf(m, 'ENV APP_HOME', 5), 'ROOT') as string;
    assert.match(env, /ENV ROOT=\/srv\/app\nWORKDIR \$ROOT\n/);
    assert.match(env, /cp -r \$\{ROOT\} \/out/);
  });

  it('refuses names that would change the build, with the reason', () => {
    const refusal = (x: unknown) => (x as { refused?: string }).refused;
    assert.match(refusal(rename(m, offsetOf(m, 'AS deps', 4), 'build'))!, /already names a stage or an image/);
    const images = new DockerfileModel('FROM golang:1.23 AS build\nFROM alpine\nCOPY --from=build /app /app\n');
    assert.match(refusal(rename(images, offsetOf(images, 'AS build', 4), 'alpine'))!, /already names a stage or an image/);
    // Its own image's name is free: a FROM reads only the stages above it.
    assert.equal(typeof rename(images, offsetOf(images, 'AS build', 4), 'golang'), 'string');
    assert.match(refusal(rename(m, offsetOf(m, 'AS deps', 4), 'Deps'))!, /not a stage name/);
    assert.match(refusal(rename(m, offsetOf(m, 'AS deps', 4), 'scratch'))!, /reserved/);
    assert.match(refusal(rename(m, offsetOf(m, 'ENV APP_HOME', 5), 'NODE'))!, /already a variable/);
    assert.match(refusal(rename(m, offsetOf(m, 'ENV APP_HOME', 5), '1X'))!, /not a variable name/);
    assert.match(refusal(rename(m, offsetOf(m, 'ENV APP_HOME', 5), 'TARGETARCH'))!, /set by BuildKit/);
    assert.match(refusal(rename(m, offsetOf(m, 'CMD'), 'x'))!, /Only a stage name/);
    const image = new DockerfileModel('FROM node:22\nENV NODE_VERSION=22.1.0\nRUN echo $NODE_VERSION\n');
    assert.match(refusal(rename(image, offsetOf(image, 'NODE_VERSION'), 'V'))!, /base image `node:22` sets `NODE_VERSION` too/);
    const platform = new DockerfileModel('FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH\n');
    assert.match(refusal(rename(platform, offsetOf(platform, '$TARGETARCH', 1), 'ARCH'))!, /set by BuildKit/);
    const throughVariable = new DockerfileModel('ARG BASE=builder\nFROM alpine AS builder\nFROM ${BASE}\n');
    assert.match(refusal(rename(throughVariable, offsetOf(throughVariable, 'AS builder', 4), 'b'))!, /through a variable \(line 3\)/);
    const dev = new DockerfileModel('FROM alpine AS dev-envs\nFROM alpine\n');
    assert.match(refusal(rename(dev, offsetOf(dev, 'dev-envs'), 'dev'))!, /Dev Environments/);
  });
});

describe('outline and links', () => {
  it('lists global ARGs, then stages with their instructions and variables', () => {
    const m = new DockerfileModel(FILE);
    const o = outline(m);
    assert.deepEqual(o.map((s) => [s.kind, s.name, s.detail]), [
      ['instruction', 'ARG', 'NODE=22'],
      ['stage', 'deps', 'node:${NODE}-slim'],
      ['stage', 'build', 'deps'],
      ['stage', '2', 'gcr.io/distroless/nodejs22-debian12 · final'],
    ]);
    assert.deepEqual(o[1].children.map((c) => `${c.name} ${c.detail}`), ['ARG NODE', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOME', 'RUN echo "$NODE" > /node-version']);
    assert.deepEqual(o[1].children[1].children.map((c) => [c.kind, c.name, c.detail]), [['variable', 'APP_HOME', '/srv/app']]);
    assert.deepEqual(searchableSymbols(m).map((s) => `${s.container}/${s.name}`), ['/NODE', '/deps', 'deps/NODE', 'deps/APP_HOME', '/build', '/2']);
  });

  it('links the COPY and ADD sources that are plain paths of the build context', () => {
    const m = new DockerfileModel('FROM alpine\nCOPY ./package.json src/ *.lock $X /app/\nADD https://example.com/a.tgz /\nCOPY --from=b /x /y\nCOPY ../up /z\n');
    assert.deepEqual(contextSourcePaths(m).map((p) => [p.path, m.text.slice(p.start, p.end)]), [['package.json', './package.json'], ['src', 'src/']]);
  });
});
