// Property tests: generated and mutated Dockerfiles never make the engine throw or loop, ranges stay in
// the document, and every fix parses, removes its finding, adds no error and keeps comments and RUN flags;
// fix-all converges and is idempotent (test/robustness/properties.ts). `npm test` runs a fixed seed and a
// bounded number of runs; `npm run fuzz` runs the same properties longer (FUZZ_RUNS, FUZZ_SEED).
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { dockerfile, formatOptions, mutated } from './generators';
import { checkFormat, checkText, type ExamineOptions } from './properties';
import { HANG_GUARD_MS } from '../support/hang-guard';
import type { FormatOptions } from '../../server/src/engine';

// `npm run fuzz` (npm names the script in npm_lifecycle_event): 5,000 runs per property and a new seed each
// time, printed so a failure can be replayed with FUZZ_SEED. Otherwise a fixed seed and 150 runs.
const fuzzing = process.env.npm_lifecycle_event === 'fuzz';
const runs = Number(process.env.FUZZ_RUNS ?? (fuzzing ? 5000 : 150));
const seed = Number(process.env.FUZZ_SEED ?? (fuzzing ? Date.now() % 2 ** 31 : 20261122));
if (fuzzing) console.log(`# fuzz: ${runs} runs per property, FUZZ_SEED=${seed}`);
// A hang fails the test rather than stalling the run (test/support/hang-guard.ts), with room for long fuzz runs
// on a busy machine: a run takes tens of milliseconds, the guard allows a second.
const timeout = Math.max(HANG_GUARD_MS, runs * 1000);

before(async () => { await initShellParser(); });

/** Throws with the violations and the text, so a failure names what broke. */
function holds(text: string, opts: ExamineOptions, only?: (kind: string) => boolean): void {
  const found = checkText(text, {}, opts).filter((v) => !only || only(v.kind));
  if (found.length) throw new Error(`${found.map((v) => `${v.kind}: ${v.detail}`).join('\n')}\nin ${JSON.stringify(text)}`);
}

function formatted(text: string, options: Partial<FormatOptions>): void {
  const found = checkFormat(text, options);
  if (found.length) throw new Error(`${found.map((v) => `${v.kind}: ${v.detail}`).join('\n')}\nin ${JSON.stringify(text)} with ${JSON.stringify(options)}`);
}

describe('properties', { timeout }, () => {
  it('generated Dockerfiles: no exception, ranges inside, fixes sound, fix-all idempotent', () => {
    fc.assert(fc.property(dockerfile, (text) => holds(text, {})), { numRuns: runs, seed, includeErrorInReport: true });
  });

  it('truncated, noisy and re-cased Dockerfiles: the same, fix-all only', () => {
    fc.assert(fc.property(mutated, (text) => holds(text, { eachFix: false })), { numRuns: runs, seed: seed + 1, includeErrorInReport: true });
  });

  it('truncated, noisy and re-cased Dockerfiles: every fix alone', () => {
    fc.assert(fc.property(mutated, (text) => holds(text, { modes: [] })), { numRuns: Math.ceil(runs / 3), seed: seed + 3, includeErrorInReport: true });
  });

  it('formatting generated Dockerfiles under any options: the same meaning, its edits give its text, idempotent', () => {
    fc.assert(fc.property(dockerfile, formatOptions, (text, options) => formatted(text, options)), { numRuns: runs, seed: seed + 4, includeErrorInReport: true });
  });

  it('formatting truncated, noisy and re-cased Dockerfiles: the same', () => {
    fc.assert(fc.property(mutated, formatOptions, (text, options) => formatted(text, options)), { numRuns: runs, seed: seed + 5, includeErrorInReport: true });
  });

  it('arbitrary strings never make the engine throw or report outside the document', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => holds(text, { eachFix: false }, (k) => k.includes('threw') || k.includes('outside'))), { numRuns: runs, seed: seed + 2, includeErrorInReport: true });
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), formatOptions, (text, options) => formatted(text, options)), { numRuns: runs, seed: seed + 6, includeErrorInReport: true });
  });
});
