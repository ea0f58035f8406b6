// The committed corpus (bench/corpus: our own Dockerfiles and their generated variants) holds every
// robustness property, file by file: what `npm run check:corpus` checks, inside `npm test`.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildLintOptions } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { examine } from './properties';

const root = path.resolve(__dirname, '../../..');
const corpus = path.join(root, 'bench/corpus');

before(async () => { await initShellParser(); });

describe('committed corpus', () => {
  it('the generated variants are up to date', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/make-bench-corpus.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  for (const dir of ['own', 'variants']) {
    it(`${dir}: no exception, no failed fix`, () => {
      // Every rule, so every fix is tried.
      const options = buildLintOptions({ settings: { profile: 'strict' } });
      const problems: string[] = [];
      const files = fs.readdirSync(path.join(corpus, dir)).sort();
      assert.ok(files.length > 10);
      for (const f of files) {
        const text = fs.readFileSync(path.join(corpus, dir, f), 'utf8').replace(/^\uFEFF/, '');
        for (const v of examine(text, options).violations) problems.push(`${dir}/${f}: ${v.kind}: ${v.detail}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('own files: fix-all changes something and the result is stable (the corpus exercises the fixes)', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/check-corpus.mjs'), '--filter', `${path.sep}own${path.sep}`], { encoding: 'utf8', env: { ...process.env, BENCH_CORPUS: corpus } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const safe = Number(/fixes applied by fix-all \(safe only\): (\d+)/.exec(r.stdout)?.[1]);
    const unsafe = Number(/fixes applied by fix-all \(with unsafe\): (\d+)/.exec(r.stdout)?.[1]);
    assert.ok(safe > 20 && unsafe > safe, r.stdout);
  });
});
