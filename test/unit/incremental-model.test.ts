// A model built from the previous one (the language server does this on every keystroke) must be the model a
// whole-document parse gives: same instructions, offsets, lines, stages, variables and comments.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileModel } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import type { Instr } from '../../server/src/engine/model/dockerfile';
import { committedDockerfiles, randomEdit, seededRandom } from '../support/random-edits';

before(async () => { await initShellParser(); });

const root = path.resolve(__dirname, '../../..');

/** The model as plain data: instructions referenced by position, pipeline ids renumbered per RUN. */
function snapshot(m: DockerfileModel): unknown {
  const key = (i: Instr | null | undefined) => (i ? `${i.keyword}@${i.start}` : null);
  const renumber = (value: unknown) => {
    const ids = new Map<number, number>();
    return JSON.parse(JSON.stringify(value, (k, v) => {
      if (k !== 'pipeline' || typeof v !== 'number') return v;
      if (!ids.has(v)) ids.set(v, ids.size);
      return ids.get(v);
    }));
  };
  const instr = (i: Instr | undefined): unknown => i && {
    keyword: i.keyword, start: i.start, end: i.end, keywordStart: i.keywordStart, keywordEnd: i.keywordEnd, line: i.line, endLine: i.endLine,
    stage: i.stage?.index ?? null, index: i.index, onbuild: key(i.onbuild), trigger: instr(i.trigger), flags: i.flags, args: i.args,
    props: i.props, heredocs: i.heredocs, alias: i.alias, execForm: i.execForm, run: i.run && renumber(i.run),
  };
  return {
    text: m.text,
    escapeChar: m.escapeChar,
    directives: m.directives,
    instructions: m.instructions.map(instr),
    triggers: m.triggers.map(key),
    stages: m.stages.map((s) => ({
      ...s, from: key(s.from), instructions: s.instructions.map(key), parent: s.parent?.index, usedBy: s.usedBy.map(key),
      references: s.references.map((r) => ({ ...r, instr: key(r.instr) })),
    })),
    globalArgs: [...m.globalArgs].map(([name, d]) => [name, d.value, d.kind, key(d.instr)]),
    comments: m.comments,
  };
}

/** The snapshot as plain data of its own: nothing that later happens to the model can reach it. */
const frozen = (m: DockerfileModel): unknown => JSON.parse(JSON.stringify(snapshot(m)));

/**
 * Checks that `m` still describes its own text: every instruction sits in one of `m`'s own stages at its index,
 * every trigger points back at its ONBUILD, and keywords and shell words are where its offsets say. `fresh`: and
 * the model is the one a fresh parse of its text gives.
 */
function assertDescribesItsText(m: DockerfileModel, label = '', fresh = true): void {
  // What spans lines (a continuation, or dockerfile-ast's reading of broken text) is left to the fresh parse.
  const oneLine = (source: string) => !/[\r\n]/.test(source);
  for (const i of m.instructions) {
    const keyword = m.text.slice(i.keywordStart, i.keywordEnd);
    if (oneLine(keyword)) assert.equal(keyword.toUpperCase(), i.keyword, `${label}: the keyword of line ${i.line}`);
    if (i.stage) {
      assert.ok(m.stages.includes(i.stage), `${label}: line ${i.line} is in another model's stage`);
      assert.equal(i.stage.instructions[i.index], i, `${label}: line ${i.line} is not at its index`);
    }
    if (i.trigger) assert.equal(i.trigger.onbuild, i, `${label}: the trigger of line ${i.line} points at another ONBUILD`);
  }
  for (const r of m.runs) {
    for (const c of r.run!.commands) {
      for (const w of [c.nameWord, ...c.args]) {
        const source = m.text.slice(w.start, w.end);
        if (oneLine(source)) assert.equal(source, w.raw, `${label}: a word of line ${r.line}`);
      }
    }
  }
  if (fresh) assert.deepEqual(snapshot(m), snapshot(new DockerfileModel(m.text)), `${label}: differs from a fresh parse of its text`);
}

/** Applies `edit` to `text` and checks the incremental model against a fresh one; returns both. */
function check(text: string, edit: (t: string) => string, label = '') {
  const previous = new DockerfileModel(text);
  const next = edit(text);
  const updated = new DockerfileModel(next, previous);
  assert.deepEqual(snapshot(updated), snapshot(new DockerfileModel(next)), `${label}\n--- edited text ---\n${next}`);
  return updated;
}

const insertAt = (needle: string, insert: string) => (t: string) => {
  const i = t.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the text`);
  return t.slice(0, i + needle.length) + insert + t.slice(i + needle.length);
};

const BASE = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=debian:12-slim',
  'FROM $BASE AS build',
  'ENV A=1 B=2',
  'RUN apt-get update \\',
  '    # a comment inside the continuation',
  '    && apt-get install -y curl | tee /log',
  'RUN <<EOF',
  'set -eux',
  'echo hi',
  'EOF',
  'COPY --from=build /a /b',
  'ONBUILD RUN make',
  'LABEL a="b c"',
  '',
  'FROM build',
  'USER app',
  'CMD ["app"]',
  '',
].join('\n');

describe('incremental model', () => {
  it('re-parses only the edited instructions and shifts the rest', () => {
    const m = check(BASE, insertAt('install -y curl', ' git'));
    assert.equal(m.incremental, true);
    assert.equal(m.stages[1].from.line, 15);
  });

  it('a space after a heredoc delimiter leaves the heredoc open: the rest of the file becomes its body', () => {
    const m = check(BASE, insertAt('echo hi\nEOF', ' '));
    assert.equal(m.incremental, true);
    assert.equal(m.stages.length, 1, 'the second FROM is now inside the heredoc');
  });

  it('a continuation typed at the end of a line joins the next instruction', () => {
    const m = check(BASE, insertAt('ENV A=1 B=2', ' \\'));
    assert.ok(m.instructions.every((i) => i.keyword !== 'RUN' || i.line !== 4));
  });

  it('a continuation into a blank or comment line is followed through it', () => {
    check(BASE, insertAt('LABEL a="b c"', ' \\'));
    check(BASE.replace('LABEL a="b c"\n', 'LABEL a="b c"\n# note\n'), insertAt('LABEL a="b c"', ' \\'));
  });

  it('adding and removing instructions, stages and lines', () => {
    check(BASE, insertAt('USER app\n', 'FROM alpine AS extra\nRUN apk add curl\n'));
    check(BASE, (t) => t.replace('COPY --from=build /a /b\n', ''));
    check(BASE, (t) => t.replace('ENV A=1 B=2\n', 'ENV A=1 B=2\n\n\n'));
    check(BASE, (t) => t.replace('\nFROM build\n', '\nFROM build AS final\n'));
    check(BASE, insertAt('ONBUILD RUN make', ' && make install'));
  });

  it('building a version from the previous one changes nothing of the previous one', () => {
    const edits: Array<[string, (t: string) => string]> = [
      ['words added to a RUN', insertAt('install -y curl', ' git')],
      ['blank lines added', (t) => t.replace('ENV A=1 B=2\n', 'ENV A=1 B=2\n\n\n')],
      ['a stage added', insertAt('USER app\n', 'FROM alpine AS extra\nRUN apk add curl\n')],
      ['an instruction removed', (t) => t.replace('COPY --from=build /a /b\n', '')],
      ['the ONBUILD trigger edited', insertAt('ONBUILD RUN make', ' && make install')],
      ['a heredoc left open', insertAt('echo hi\nEOF', ' ')],
      ['a character replaced by a line break', (t) => t.replace('LABEL a="b c"', 'LABEL a="b\nc"')],
    ];
    for (const [label, edit] of edits) {
      const previous = new DockerfileModel(BASE);
      const before = frozen(previous);
      const next = new DockerfileModel(edit(BASE), previous);
      assert.equal(next.incremental, true, label);
      assert.deepEqual(frozen(previous), before, label);
      assertDescribesItsText(previous, label);
      assertDescribesItsText(next, label);
    }
  });

  it('two different versions built from the same one are both the fresh parse of their text', () => {
    const previous = new DockerfileModel(BASE);
    const before = frozen(previous);
    const words = new DockerfileModel(insertAt('install -y curl', ' git')(BASE), previous);
    const lines = new DockerfileModel(BASE.replace('ENV A=1 B=2\n', '\nENV A=1 B=2\n'), previous);
    // The first version again, from the same previous one: the same model.
    const again = new DockerfileModel(words.text, previous);
    for (const m of [words, lines, again]) {
      assert.equal(m.incremental, true);
      assertDescribesItsText(m);
    }
    assert.deepEqual(snapshot(again), snapshot(words));
    assert.deepEqual(frozen(previous), before);
  });

  it('edits in the header or the first instruction parse the whole text', () => {
    assert.equal(check(BASE, (t) => `# escape=\`\n${t}`).incremental, false);
    assert.equal(check(BASE, insertAt('ARG BASE=debian:12', '-x')).incremental, false);
  });

  it('CRLF files update incrementally; a lone CR makes it parse everything', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    assert.equal(check(crlf, insertAt('install -y curl', ' git')).incremental, true);
    assert.equal(check(crlf, insertAt('install -y curl', ' \r')).incremental, false);
  });

  it('matches a fresh parse after many random edits on every committed Dockerfile', () => {
    const files = committedDockerfiles(root);
    assert.ok(files.length > 200);
    const random = seededRandom(42);
    // Each version also gets a second, different successor, which is dropped: built from the same version, it
    // must be its text's fresh parse too, and neither may change the version they are built from.
    const other = seededRandom(43);
    let incremental = 0;
    let total = 0;
    for (const file of files) {
      let text = fs.readFileSync(file, 'utf8');
      let model = new DockerfileModel(text);
      for (let k = 0; k < 6; k++) {
        const edit = randomEdit(text, random);
        const label = `${path.basename(file)}, edit ${k}: ${edit.description}`;
        const before = frozen(model);
        const updated = new DockerfileModel(edit.text, model);
        assert.deepEqual(snapshot(updated), snapshot(new DockerfileModel(edit.text)), label);
        const sibling = randomEdit(text, other);
        const branch = new DockerfileModel(sibling.text, model);
        assert.deepEqual(snapshot(branch), snapshot(new DockerfileModel(sibling.text)), `${label}; the other successor: ${sibling.description}`);
        // It was its text's fresh parse when it was built (the step before checked it), and it is unchanged.
        assert.deepEqual(frozen(model), before, `${label}: the version before changed`);
        assertDescribesItsText(model, label, false);
        if (updated.incremental) incremental++;
        total++;
        model = updated;
        text = edit.text;
      }
    }
    // Most edits must take the fast path, or this test proves nothing about it.
    assert.ok(incremental > total * 0.6, `${incremental} of ${total} edits were incremental`);
  });
});
