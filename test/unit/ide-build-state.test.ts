import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { buildState, valueAt, type BuildState, type VariableState } from '../../server/src/engine/ide/build-state';

before(async () => { await initNodeShellParser(); });

/** The model of `text` (lines joined) and the state once its instruction starting with `needle` has run. */
function at(lines: string[], needle: string): { state: BuildState | undefined; model: DockerfileModel } {
  const model = new DockerfileModel(lines.join('\n') + '\n');
  const instr = [...model.instructions, ...model.triggers].find((i) => model.text.slice(i.start, i.end).startsWith(needle));
  assert.ok(instr, needle);
  return { state: buildState(model, instr), model };
}

const state = (lines: string[], needle: string) => at(lines, needle).state!;
const vars = (list: VariableState[]) => list.map((v) => `${v.name}=${v.value ?? `(${v.written ?? 'none'})`}${v.definition ? `@${v.definition.instr.line + 1}` : ''}`);
const userOf = (s: BuildState) => {
  const u = s.user;
  return u.source === 'instruction' ? `${u.value}@${u.instr.line + 1}` : u.source === 'unknown' ? 'unknown' : `${u.value ?? 'non-root'} (${u.source})`;
};

describe('build state: the user', () => {
  it('is the last USER of the stage or a stage it is built FROM, expanded', () => {
    const file = ['ARG NAME=app', 'FROM node:22 AS base', 'ARG NAME', 'USER $NAME:staff', 'RUN id', 'FROM base', 'RUN id', 'USER 1000', 'CMD id'];
    assert.equal(userOf(state(file, 'RUN id')), 'app:staff@4');
    assert.equal(userOf(at(file, 'FROM base').state!), 'app:staff@4');
    assert.equal(userOf(state(file, 'CMD')), '1000@8');
    // A stage's ARGs stay behind: the child stage would read $NAME unset, so the USER keeps its words.
    assert.equal(userOf(state(['FROM alpine:3.21 AS base', 'ARG U=x', 'FROM base', 'USER $U', 'RUN id'], 'RUN id')), '$U@4');
  });

  it('is otherwise what the base image runs as, where the engine knows it', () => {
    assert.equal(userOf(state(['FROM node:22', 'RUN id'], 'RUN')), 'root (default)');
    assert.equal(userOf(state(['FROM scratch', 'COPY app /'], 'COPY')), 'root (default)');
    assert.equal(userOf(state(['FROM wordpress:cli', 'RUN id'], 'RUN')), 'www-data (image)');
    assert.equal(userOf(state(['FROM gcr.io/distroless/static-debian12:nonroot', 'COPY app /'], 'COPY')), 'non-root (image)');
    assert.equal(userOf(state(['FROM example.com/team/app:1', 'RUN id'], 'RUN')), 'unknown');
    assert.equal(userOf(state(['FROM $BASE', 'RUN id'], 'RUN')), 'unknown');
  });
});

describe('build state: the working directory', () => {
  it('joins relative WORKDIRs and expands variables', () => {
    const file = ['FROM alpine:3.21 AS base', 'ENV ROOT=/srv/', 'WORKDIR $ROOT', 'WORKDIR app/../web/', 'RUN ls', 'FROM base', 'WORKDIR static', 'RUN ls'];
    const first = state(file, 'RUN ls');
    assert.deepEqual([first.workdir.path, first.workdir.instr?.line], ['/srv/web', 3]);
    assert.equal(state(file, 'FROM base').workdir.path, '/srv/web');
    const child = at(file, 'WORKDIR static').model;
    const last = buildState(child, child.instructions[child.instructions.length - 1])!;
    assert.deepEqual([last.workdir.path, last.workdir.instr?.line], ['/srv/web/static', 6]);
  });

  it('starts at the base image\'s, and is not known from an unknown base or an unset variable', () => {
    assert.deepEqual(state(['FROM golang:1.23', 'WORKDIR src', 'RUN ls'], 'RUN').workdir.path, '/go/src');
    assert.deepEqual(state(['FROM python:3.13', 'RUN ls'], 'RUN').workdir, { path: '/' });
    assert.equal(state(['FROM example.com/app:1', 'RUN ls'], 'RUN').workdir.path, undefined);
    assert.equal(state(['FROM example.com/app:1', 'WORKDIR app', 'RUN ls'], 'RUN').workdir.path, undefined);
    assert.equal(state(['FROM example.com/app:1', 'WORKDIR "/opt/my app"', 'RUN ls'], 'RUN').workdir.path, '/opt/my app');
    const unset = state(['FROM alpine:3.21', 'WORKDIR $NOPE', 'WORKDIR sub', 'RUN ls'], 'RUN');
    assert.deepEqual([unset.workdir.path, unset.workdir.instr?.line], [undefined, 2]);
    // An absolute WORKDIR after it is known again.
    assert.equal(state(['FROM alpine:3.21', 'WORKDIR $NOPE', 'WORKDIR /app', 'RUN ls'], 'RUN').workdir.path, '/app');
  });
});

describe('build state: shell, platform, ports and lineage', () => {
  it('takes the SHELL of the stage or the stages it is built FROM, else the image\'s default', () => {
    const file = ['FROM debian:12 AS base', 'RUN true', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base', 'RUN true'];
    assert.deepEqual(state(file, 'RUN true').shell, { argv: ['/bin/sh', '-c'] });
    const child = at(file, 'FROM base').model;
    const s = buildState(child, child.instructions[4])!;
    assert.deepEqual([s.shell.argv, s.shell.instr?.line], [['/bin/bash', '-o', 'pipefail', '-c'], 2]);
    assert.deepEqual(state(['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir'], 'RUN').shell.argv, ['cmd', '/S', '/C']);
    assert.deepEqual(state(['FROM alpine:3.21', "SHELL ['sh', '-c']", 'RUN true'], 'RUN').shell.argv, undefined);
  });

  it('takes the platform of the FROM, or of the stage it is built FROM', () => {
    const file = ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM build AS more', 'FROM alpine:3.21', 'RUN true'];
    const more = state(file, 'FROM build');
    assert.deepEqual(more.platform.value !== undefined && [more.platform.value, more.platform.instr.line], ['$BUILDPLATFORM', 0]);
    assert.deepEqual(state(file, 'RUN').platform, { value: undefined });
  });

  it('collects the exposed ports along the FROM links and names the lineage', () => {
    const file = ['ARG PORT=8080', 'FROM nginx:1.27 AS web', 'EXPOSE 80', 'FROM web AS app', 'ARG PORT', 'EXPOSE $PORT 53/udp', 'FROM app', 'CMD ["nginx"]'];
    const s = state(file, 'CMD');
    assert.deepEqual(s.ports.map((p) => `${p.value}@${p.instr.line + 1}`), ['80@3', '8080@6', '53/udp@6']);
    assert.deepEqual(s.lineage.map((x) => x.alias ?? x.index), [2, 'app', 'web']);
    assert.equal(s.lineage[s.lineage.length - 1].image.resolved, 'nginx:1.27');
  });
});

describe('build state: ENV and ARG in scope', () => {
  const file = [
    'ARG VERSION=22',
    'FROM node:${VERSION}-slim AS build',
    'ARG VERSION',
    'ARG TARGET',
    'ENV APP=/srv',
    'ENV LIB=$APP/lib PATH=$APP/bin:$PATH',
    "ENV LITERAL='$APP'",
    'RUN npm ci',
    'FROM build',
    'CMD ["node"]',
  ];

  it('gives the file\'s values expanded where they are set, and the base image\'s names', () => {
    const s = state(file, 'RUN npm ci');
    // PATH is the image's: its value is not known, so the file's keeps its words.
    assert.deepEqual(vars(s.env), ['APP=/srv@5', 'LIB=/srv/lib@6', 'PATH=($APP/bin:$PATH)@6', 'LITERAL=$APP@7', 'NODE_VERSION=(none)', 'YARN_VERSION=(none)']);
    assert.deepEqual(vars(s.args), ['VERSION=22@3', 'TARGET=(none)@4']);
  });

  it('counts an ENV or ARG as set once its instruction has run', () => {
    assert.deepEqual(vars(state(file, 'ENV APP').env), ['APP=/srv@5', 'NODE_VERSION=(none)', 'PATH=(none)', 'YARN_VERSION=(none)']);
    assert.deepEqual(vars(state(file, 'ARG TARGET').args), ['VERSION=22@3', 'TARGET=(none)@4']);
  });

  it('starts a stage with the ENV of the stage it is built FROM, not its ARGs; a container\'s start sees no ARG', () => {
    const start = state(file, 'FROM build');
    assert.deepEqual(vars(start.env), ['APP=/srv@5', 'LIB=/srv/lib@6', 'PATH=($APP/bin:$PATH)@6', 'LITERAL=$APP@7', 'NODE_VERSION=(none)', 'YARN_VERSION=(none)']);
    assert.deepEqual(start.args, []);
    assert.deepEqual(state(file, 'CMD').args, []);
    assert.deepEqual(vars(state(['FROM node:22', 'ENV A=1'], 'FROM').env), ['NODE_VERSION=(none)', 'PATH=(none)', 'YARN_VERSION=(none)']);
  });

  it('reads a value by Docker\'s scopes', () => {
    const { model } = at(file, 'RUN');
    const run = model.instructions.find((i) => i.keyword === 'RUN')!;
    assert.equal(valueAt(model, 'LIB', run), '/srv/lib');
    assert.equal(valueAt(model, 'VERSION', run), '22');
    assert.equal(valueAt(model, 'TARGET', run), undefined);
    assert.equal(valueAt(model, 'NODE_VERSION', run), undefined);
  });
});

describe('build state: where there is none', () => {
  it('is undefined before the first FROM, and an ONBUILD trigger has its ONBUILD\'s', () => {
    assert.equal(at(['ARG A=1', 'FROM alpine:3.21'], 'ARG').state, undefined);
    const s = state(['FROM alpine:3.21', 'USER app', 'ONBUILD RUN id', 'USER root'], 'RUN id');
    assert.equal(userOf(s), 'app@2');
  });
});
