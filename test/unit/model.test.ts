import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { parseArgs } from '../../server/src/engine/model/commands';
import { substitute, findVariables } from '../../server/src/engine/model/variables';
import { parseImageReference } from '../../server/src/engine/model/image';

before(async () => { await initShellParser(); });

const cmdText = (m: DockerfileModel, c: { start: number; end: number }) => m.text.slice(c.start, c.end);

describe('stages', () => {
  it('builds the stage graph with aliases, parents, usage and the shipping chain', () => {
    const m = new DockerfileModel([
      'ARG GO=1.23',
      'FROM --platform=$BUILDPLATFORM golang:${GO} AS build',
      'RUN go build -o /app .',
      'FROM alpine:3.21 AS tools',
      'FROM build AS test',
      'RUN go test ./...',
      'FROM gcr.io/distroless/static-debian12:nonroot@sha256:abc',
      'COPY --from=build /app /app',
      'COPY --from=1 /bin/sh /sh',
      '',
    ].join('\n'));
    assert.equal(m.stages.length, 4);
    const [build, tools, test, final] = m.stages;
    assert.equal(build.alias, 'build');
    assert.equal(build.platform, '$BUILDPLATFORM');
    assert.equal(build.image.resolved, 'golang:1.23');
    assert.equal(build.image.tag, '1.23');
    assert.equal(test.parent, build);
    assert.deepEqual(build.usedBy.map((i) => i.line), [4, 7]);
    assert.deepEqual(tools.usedBy.map((i) => i.line), [8]);
    assert.equal(final.isFinal, true);
    assert.equal(final.image.registry, 'gcr.io');
    assert.equal(final.image.name, 'distroless/static-debian12');
    assert.equal(final.image.digest, 'sha256:abc');
    assert.deepEqual([build.ships, tools.ships, test.ships, final.ships], [false, false, false, true]);
    assert.equal(m.text.slice(final.imageStart, final.imageEnd), 'gcr.io/distroless/static-debian12:nonroot@sha256:abc');
  });

  it('a stage with its own CMD or ENTRYPOINT ships (a --target someone runs), with its parents; not the dev-envs target', () => {
    const m = new DockerfileModel([
      'FROM golang:1.25 AS base', 'RUN go mod download',
      'FROM base AS builder', 'RUN go build -o /bin/app', 'CMD ["/bin/app"]',
      'FROM builder AS dev-envs', 'RUN apk add git', 'CMD ["sleep", "infinity"]',
      'FROM golang:1.25 AS test', 'RUN go test ./...',
      'FROM scratch', 'COPY --from=builder /bin/app /app', 'ENTRYPOINT ["/app"]', '',
    ].join('\n'));
    assert.deepEqual(m.stages.map((s) => `${s.alias ?? 'final'} ${s.ships}`), ['base true', 'builder true', 'dev-envs false', 'test false', 'final true']);
  });

  it('resolves variables through ARG and ENV scopes, ENV inherited from a parent stage', () => {
    const m = new DockerfileModel('ARG V=1\nFROM alpine:3.21 AS a\nENV HOME_DIR=/srv\nARG V\nARG LOCAL=x\nFROM a\nRUN echo $HOME_DIR $LOCAL\n');
    const run = m.instructions[m.instructions.length - 1];
    assert.equal(m.lookupVariable('HOME_DIR', run)?.value, '/srv');
    assert.equal(m.lookupVariable('LOCAL', run), undefined, 'ARG does not cross stages');
    const argLocal = m.stages[0].instructions[3];
    assert.equal(m.lookupVariable('V', argLocal)?.value, '1', 'a redeclared global ARG takes its default');
    assert.equal(m.lookupVariable('V', m.stages[0].instructions[1]), undefined, 'a global ARG is not visible until redeclared');
  });

  it('reads parser directives, including the backtick escape', () => {
    const m = new DockerfileModel('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM alpine:3.21\n');
    assert.deepEqual(m.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile:1'], ['escape', '`'], ['check', 'skip=JSONArgsRecommended']]);
    assert.equal(m.escapeChar, '`');
  });

  it('ends an instruction at a line ending in an escaped escape character, as BuildKit does (C:\\\\dir\\\\)', () => {
    const m = new DockerfileModel('FROM x\nCOPY a \\\n  C:\\\\Win\\\\\n\nENV P C:\\\\x\\\\\nRUN echo b \\\n  c\n');
    assert.deepEqual(m.instructions.map((i) => [i.keyword, i.line, i.endLine]), [['FROM', 0, 0], ['COPY', 1, 2], ['ENV', 4, 4], ['RUN', 5, 6]]);
    assert.deepEqual(m.instructions[1].args.map((a) => a.value), ['a', 'C:\\Win\\']);
    assert.deepEqual(m.instructions[2].props.map((p) => p.value), ['C:\\x\\']);
    const tick = new DockerfileModel('# escape=`\nFROM x\nCOPY a C:\\Win\\``\nENV A=1\n');
    assert.deepEqual(tick.instructions.map((i) => [i.keyword, i.line, i.endLine]), [['FROM', 1, 1], ['COPY', 2, 2], ['ENV', 3, 3]]);
  });

  it('keeps ONBUILD triggers as instructions of their own', () => {
    const m = new DockerfileModel('FROM node:22\nONBUILD RUN npm ci\n');
    assert.equal(m.triggers.length, 1);
    assert.equal(m.triggers[0].keyword, 'RUN');
    assert.equal(m.triggers[0].onbuild, m.instructions[1]);
    assert.deepEqual(m.runs.map((r) => r.run!.commands.map((c) => c.name)), [['npm']]);
  });
});

describe('RUN bodies as shell commands', () => {
  it('finds every simple command with exact ranges across continuations and comments', () => {
    const m = new DockerfileModel('FROM debian:12\nRUN set -eux; \\\n  # refresh\n  apt-get update && \\\n  if [ -n "$X" ]; then echo "$(id -u)"; fi | tee /log \\\n  || (cd /tmp && make)\n');
    const run = m.runs[0].run!;
    assert.deepEqual(run.commands.map((c) => c.name), ['set', 'apt-get', 'echo', 'id', 'tee', 'cd', 'make']);
    assert.equal(cmdText(m, run.commands[1]), 'apt-get update');
    assert.equal(run.hasPipe, true);
    const pos = m.lines.positionAt(run.commands[1].start);
    assert.deepEqual(pos, { line: 3, character: 2 });
  });

  it('looks inside sh -c and bash -c strings', () => {
    const m = new DockerfileModel('FROM debian:12\nRUN bash -ec "apt-get update && apt-get install -y curl"\n');
    const cmds = m.runs[0].run!.commands;
    assert.deepEqual(cmds.map((c) => [c.name, c.nested]), [['bash', false], ['apt-get', true], ['apt-get', true]]);
    assert.equal(cmdText(m, cmds[2]), 'apt-get install -y curl');
  });

  it('parses heredoc scripts and leaves data heredocs alone', () => {
    const m = new DockerfileModel('FROM python:3.13\nRUN <<EOF\npip install flask\nEOF\nRUN python3 <<EOF\nimport os\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n');
    const [a, b, c] = m.runs.map((r) => r.run!);
    assert.deepEqual(a.commands.map((x) => cmdText(m, x)), ['pip install flask']);
    assert.deepEqual(b.commands.map((x) => x.name), ['python3']);
    assert.equal(b.heredocs[0].isScript, false);
    assert.equal(c.heredocs[0].isScript, false);
  });

  it('splits flags the way the tools read them', () => {
    const m = new DockerfileModel('FROM debian:12\nRUN apt-get -yq -o Dpkg::Options::=--force-confold --target-release=bookworm install -- -x curl\n');
    const { flags, operands } = parseArgs(m.runs[0].run!.commands[0], ['o', 'target-release']);
    assert.deepEqual(flags.map((f) => [f.name, f.value]), [['y', undefined], ['q', undefined], ['o', 'Dpkg::Options::=--force-confold'], ['target-release', 'bookworm']]);
    assert.deepEqual(operands.map((w) => w.value), ['install', '-x', 'curl']);
  });

  it('after a syntax error, reads each step that parses on its own, whatever came before the error', () => {
    // tree-sitter folded `curl; sudo make` into one command `curl` here, but not once `-y` was added before it.
    for (const body of ['dnf install y; [ curl; sudo make', 'dnf install -y y; [ curl; sudo make', "echo 'a;b' && [ x ; sudo y & z"]) {
      const m = new DockerfileModel(`FROM fedora:41\nRUN ${body}\n`);
      const run = m.runs[0].run!;
      assert.equal(run.scripts[0].hasErrors, true);
      const texts = run.commands.map((c) => cmdText(m, c));
      assert.ok(texts.includes(body.startsWith('echo') ? 'sudo y' : 'sudo make'), `${body}: ${texts.join(' | ')}`);
      assert.deepEqual([...run.commands].sort((a, b) => a.start - b.start), run.commands, 'in source order');
    }
  });

  it('does not parse exec form as shell', () => {
    const m = new DockerfileModel('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n');
    assert.equal(m.runs[0].execForm, true);
    assert.deepEqual(m.runs[0].run!.commands, []);
  });
});

describe('variables and image references', () => {
  it('substitutes the Dockerfile modifiers', () => {
    const env: Record<string, string> = { A: 'a', E: '' };
    const look = (n: string) => env[n];
    assert.deepEqual(substitute('${A}-$A-${B:-d}-${E:-d}-${E-d}-${A:+p}-${B:+p}-\\$A', look), { value: 'a-a-d-d--p--\\$A', unresolved: [] });
    assert.deepEqual(substitute('x${MISSING}y', look), { value: 'xy', unresolved: ['MISSING'] });
    assert.deepEqual(findVariables('$A ${B:-c} \\$D').map((v) => v.name), ['A', 'B']);
    assert.deepEqual(findVariables('x$AB ${CD:-e}').map((v) => [v.start, v.nameStart, v.end]), [[1, 2, 4], [5, 7, 13]]);
  });

  it('splits registry, name, tag and digest with spans', () => {
    const r = parseImageReference('localhost:5000/team/app:1.2@sha256:ff', 'localhost:5000/team/app:1.2@sha256:ff', []);
    assert.equal(r.registry, 'localhost:5000');
    assert.equal(r.name, 'team/app');
    assert.equal(r.tag, '1.2');
    assert.equal(r.digest, 'sha256:ff');
    assert.deepEqual(r.spans, { registry: { start: 0, end: 14 }, name: { start: 15, end: 23 }, tag: { start: 24, end: 27 }, digest: { start: 28, end: 37 } });
    assert.equal(parseImageReference('registry:5000/app', 'registry:5000/app', []).tag, undefined);
  });
});

describe('comments', () => {
  it('are found by range and by line, embedded ones included', () => {
    const m = new DockerfileModel('# top\nFROM alpine:3.21\nRUN a \\\n# inside\n  && b\n# before USER\nUSER 1\n');
    assert.deepEqual(m.commentsBetween(0, m.text.length).map((c) => [c.line, c.embedded]), [[0, false], [3, true], [5, false]]);
    assert.deepEqual(m.commentsBetween(m.lines.lineStart(2), m.lines.lineStart(5)).map((c) => c.text), ['inside']);
    assert.deepEqual(m.commentsBetween(m.lines.lineStart(3) + 1, m.text.length).map((c) => c.line), [5], 'start is where the line starts');
    assert.equal(m.commentOnLine(5)?.text, 'before USER');
    assert.equal(m.commentOnLine(4), undefined);
    assert.equal(m.commentOnLine(-1), undefined);
    assert.equal(m.lines.eol, '\n');
    assert.equal(new DockerfileModel('FROM a\r\nRUN b\r\n').lines.eol, '\r\n');
  });
});
