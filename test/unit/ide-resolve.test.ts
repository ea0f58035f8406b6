import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { resolve, type Target } from '../../server/src/engine/ide/resolve';
import { bindingOf, symbolOf, usesIn, variablesInScope } from '../../server/src/engine/ide/variables';

before(async () => { await initShellParser(); });

/** The target at the first `|` of `marked` (the bar is removed), with its span's text. */
function at(marked: string): { target: Target | undefined; text: string; model: DockerfileModel } {
  const offset = marked.indexOf('|');
  const model = new DockerfileModel(marked.slice(0, offset) + marked.slice(offset + 1));
  const target = resolve(model, offset);
  return { target, text: target ? model.text.slice(target.start, target.end) : '', model };
}

const FILE = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=node:22',
  'FROM $BASE AS build',
  'ARG BASE',
  'ENV APP=/app',
  'WORKDIR $APP',
  'RUN npm ci # dockwise ignore=x',
  'FROM build AS test',
  'RUN echo ${APP:-none} \'$APP\'',
  'FROM alpine:3.21',
  '# dockwise ignore=copy-from-stage-index',
  'COPY --from=build --chown=app /app/dist ./dist',
  'RUN --mount=type=cache,from=test,target=/x true',
  'CMD echo $APP',
  '',
].join('\n');

function mark(needle: string, within = 0): string {
  const i = FILE.indexOf(needle) + within;
  assert.ok(i >= within, needle);
  return FILE.slice(0, i) + '|' + FILE.slice(i);
}

describe('resolve', () => {
  it('finds directives, pragma rule names and keywords', () => {
    let r = at(mark('docker/dockerfile', 3));
    assert.equal(r.target?.kind, 'directive');
    assert.equal(r.text, 'docker/dockerfile:1');
    r = at(mark('syntax', 2));
    assert.deepEqual([r.target?.kind, r.text], ['directive', 'syntax']);
    r = at(mark('copy-from-stage-index', 4));
    assert.deepEqual([r.target?.kind, r.text], ['pragma-rule', 'copy-from-stage-index']);
    r = at(mark('WORKDIR', 2));
    assert.deepEqual([r.target?.kind, r.text], ['keyword', 'WORKDIR']);
  });

  it('tells stage names, references and images apart', () => {
    let r = at(mark('AS build', 4));
    assert.deepEqual([r.target?.kind, r.text], ['stage-definition', 'build']);
    r = at(mark('FROM build', 7));
    assert.deepEqual([r.target?.kind, r.text], ['stage-reference', 'build']);
    assert.equal(r.target?.kind === 'stage-reference' && r.target.stage?.alias, 'build');
    r = at(mark('--from=build', 9));
    assert.deepEqual([r.target?.kind, r.text], ['stage-reference', 'build']);
    r = at(mark('from=test', 6));
    assert.deepEqual([r.target?.kind, r.text], ['stage-reference', 'test']);
    r = at(mark('alpine:3.21', 2));
    assert.deepEqual([r.target?.kind, r.text], ['image', 'alpine:3.21']);
    r = at(mark('--chown=app', 3));
    assert.deepEqual([r.target?.kind, r.text], ['flag', '--chown=app']);
  });

  it('finds variable definitions and uses, the cursor just after a name included', () => {
    let r = at(mark('ENV APP', 5));
    assert.deepEqual([r.target?.kind, r.text], ['variable-definition', 'APP']);
    r = at(mark('$APP\nRUN', 4));
    assert.deepEqual([r.target?.kind, r.text], ['variable-use', 'APP']);
    r = at(mark('$BASE AS', 1));
    assert.deepEqual([r.target?.kind, r.text], ['variable-use', 'BASE']);
  });

  it('finds COPY sources and destinations, and nothing inside a comment', () => {
    let r = at(mark('/app/dist', 2));
    assert.deepEqual([r.target?.kind, r.text, r.target?.kind === 'path' && r.target.role], ['path', '/app/dist', 'source']);
    r = at(mark('./dist', 1));
    assert.deepEqual([r.target?.kind, r.text, r.target?.kind === 'path' && r.target.role], ['path', './dist', 'destination']);
    r = at(mark('npm ci', 1));
    assert.equal(r.target?.kind, 'instruction');
  });
});

describe('variable scopes', () => {
  let model: DockerfileModel;
  before(() => { model = new DockerfileModel(FILE); });
  const instr = (needle: string) => model.instructions.find((i) => model.text.slice(i.start, i.end).startsWith(needle))!;

  it('binds a FROM to the global ARG, a stage to its own ARG and ENV, a child stage to the inherited ENV', () => {
    const from = usesIn(model, instr('FROM $BASE'))[0];
    const b = bindingOf(model, from);
    assert.ok(b.kind === 'definition' && b.definition.global && b.definition.kind === 'ARG');
    const inChild = usesIn(model, instr('RUN echo'));
    // The single-quoted `$APP` is not a use.
    assert.equal(inChild.length, 1);
    const c = bindingOf(model, inChild[0]);
    assert.ok(c.kind === 'definition' && c.definition.kind === 'ENV' && c.definition.instr.line === 4);
  });

  it('leaves a stage not built FROM the ENV\'s stage, and a script that sets the name itself, unbound', () => {
    const cmd = usesIn(model, instr('CMD echo'))[0];
    assert.equal(cmd.runtime, true);
    assert.equal(bindingOf(model, cmd).kind, 'none');
    const m = new DockerfileModel('FROM alpine\nENV X=1\nRUN for X in a b; do echo $X; done\n');
    assert.equal(bindingOf(m, usesIn(m, m.instructions[2])[0]).kind, 'none');
  });

  it('sees the base image\'s ENV and does not give ARGs to CMD', () => {
    const m = new DockerfileModel('FROM node:22\nARG V=1\nRUN echo $NODE_VERSION $V\nCMD echo $V\n');
    const [node, v] = usesIn(m, m.instructions[2]);
    assert.equal(bindingOf(m, node).kind, 'image');
    assert.equal(bindingOf(m, v).kind, 'definition');
    assert.equal(bindingOf(m, usesIn(m, m.instructions[3])[0]).kind, 'none');
    assert.deepEqual([...variablesInScope(m, m.instructions[3], true).keys()].includes('V'), false);
    assert.ok(variablesInScope(m, m.instructions[2]).has('V'));
  });

  it('makes every ARG of a name one symbol, and an ENV one along FROM links', () => {
    const global = usesIn(model, instr('FROM $BASE'))[0];
    const b = bindingOf(model, global);
    assert.ok(b.kind === 'definition');
    const s = symbolOf(model, b.definition);
    assert.deepEqual(s.definitions.map((d) => d.instr.line), [1, 3]);
    assert.deepEqual(s.uses.map((u) => model.text.slice(u.start, u.end)), ['BASE']);
    const env = symbolOf(model, { ...b.definition, name: 'APP', kind: 'ENV', instr: instr('ENV APP'), global: false });
    assert.deepEqual(env.uses.map((u) => u.instr.line), [5, 8]);
  });
});
