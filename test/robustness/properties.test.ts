// Property tests: generated and mutated Dockerfiles never make the engine throw or loop, ranges stay in
// the document, and every fix parses, removes its finding and adds no error. Fixed seed and bounded runs
// here; `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED) runs the same properties longer.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { initShellParser } from '../../server/src/engine';
import { dockerfile, mutated } from './generators';
import { checkText } from './properties';

const runs = Number(process.env.FUZZ_RUNS ?? 150);
const seed = Number(process.env.FUZZ_SEED ?? 20261122);

before(async () => { await initShellParser(); });

describe('properties', () => {
  it('generated Dockerfiles: no exception, ranges inside, fixes sound, fix-all idempotent', () => {
    fc.assert(fc.property(dockerfile, (text) => { assert.deepEqual(checkText(text), []); }), { numRuns: runs, seed });
  });

  it('truncated and noisy Dockerfiles: the same', () => {
    fc.assert(fc.property(mutated, (text) => { assert.deepEqual(checkText(text, {}, { eachFix: false }), []); }), { numRuns: runs, seed: seed + 1 });
  });

  it('arbitrary strings never make the engine throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => { assert.deepEqual(checkText(text, {}, { eachFix: false }).filter((v) => v.kind === 'rule threw' || v.kind.startsWith('range')), []); }), { numRuns: runs, seed: seed + 2 });
  });
});
