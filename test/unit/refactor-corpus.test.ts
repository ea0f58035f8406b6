// The refactorings on every committed Dockerfile (bench/corpus/own, examples/*/Dockerfile): each offer gives a
// change that passes the engine's checks and gains no error, and "split into a builder stage" is offered wherever
// build-toolchain-in-final-stage fires and clears it (test/support/refactor-check.ts; `npm run refactor:corpus`
// makes the same checks on real corpora).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { initNodeShellParser } from '../../server/src/host/node';
import { checkRefactorings } from '../support/refactor-check';

const root = path.resolve(__dirname, '../../..');
before(async () => { await initNodeShellParser(); });

const own = path.join(root, 'bench/corpus/own');
const files = [
  ...fs.readdirSync(own).map((f) => path.join(own, f)),
  ...fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d, 'Dockerfile')).filter((f) => fs.existsSync(f)),
];

/** The files beside an example's Dockerfile that rules and refactorings read (its .dockerignore, manifests). */
function besides(file: string): Record<string, string> | undefined {
  const dir = path.dirname(file);
  if (path.basename(file) !== 'Dockerfile') return undefined;
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f !== 'Dockerfile' && fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

for (const file of files) {
  it(`${path.relative(root, file)}: every refactoring offered gives a checked change`, async () => {
    const verdict = await checkRefactorings(fs.readFileSync(file, 'utf8'), besides(file));
    assert.deepEqual(verdict.failures, []);
  });
}
