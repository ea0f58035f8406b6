// The formatter on every committed Dockerfile (bench/corpus/own, examples/*/Dockerfile) with the default options:
// the same checks `npm run format:corpus` makes on real corpora (test/support/format-check.ts).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildLintOptions, formatDockerfile } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { baselineOf, failures, judge, linesChanged } from '../support/format-check';

const root = path.resolve(__dirname, '../../..');
before(async () => { await initNodeShellParser(); });

const own = path.join(root, 'bench/corpus/own');
const files = [
  ...fs.readdirSync(own).map((f) => path.join(own, f)),
  ...fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d, 'Dockerfile')).filter((f) => fs.existsSync(f)),
];
const lintOptions = buildLintOptions({});

it('the committed corpus is there', () => {
  assert.ok(files.length >= 20, `${files.length} files`);
});

for (const file of files) {
  it(`${path.relative(root, file)}: the same meaning, idempotent, no new error, no comment lost`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const first = formatDockerfile(text);
    const second = formatDockerfile(first.text);
    const verdict = judge(baselineOf(text, lintOptions), first.text, lintOptions);
    assert.deepEqual(failures(verdict, second.text === first.text), []);
    assert.equal(verdict.commentsLost, 0);
  });
}

// The judge itself must catch what it is there to catch.
it('the judge sees a meaning change, a new error and a lost comment', () => {
  const base = baselineOf('FROM alpine\n# why\nRUN echo "a  b"\n', lintOptions);
  assert.equal(judge(base, 'FROM alpine\n# why\nRUN echo "a  b"\n', lintOptions).changed, false);
  const respaced = judge(base, 'from alpine\n\n# why\nRUN   echo "a  b"\n', lintOptions);
  assert.deepEqual(failures(respaced, true), []);
  const requoted = judge(base, 'FROM alpine\n# why\nRUN echo "a b"\n', lintOptions);
  assert.match(requoted.meaningChange ?? '', /line 3/);
  const lost = judge(base, 'FROM alpine\nRUN echo "a  b"\n', lintOptions);
  assert.equal(lost.commentsLost, 1);
  assert.deepEqual(failures(lost, false), ['a second run changes the text']);
  const broken = judge(base, 'FROM alpine\n# why\nRUN echo "a  b"\nEXPOSE 70000\n', lintOptions);
  assert.deepEqual(broken.newErrors, ['expose-port-out-of-range ×1']);
  assert.equal(failures(broken, true).length, 2);
});

it('lines changed counts rewritten, removed and added lines', () => {
  assert.equal(linesChanged('a\nb\nc\n', 'a\nb\nc\n'), 0);
  assert.equal(linesChanged('a\nb\nc\n', 'A\nb\nC\n'), 2);
  assert.equal(linesChanged('a\nb\n', 'a\n\n\nb\n'), 2);
  assert.equal(linesChanged('a\nb', 'a\nb\n'), 1);
});
