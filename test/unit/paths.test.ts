// The engine's own POSIX path functions give exactly what Node's path.posix gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as posix from 'node:path/posix';
import fc from 'fast-check';
import { dirname, join, normalize } from '../../server/src/engine/model/paths';

const segment = fc.constantFrom('', 'a', 'bc', '.', '..', '...', '.a', 'a.');
const pathText = fc.array(segment, { maxLength: 6 }).chain((segs) => fc.tuple(fc.boolean(), fc.constant(segs), fc.boolean()))
  .map(([lead, segs, trail]) => `${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`);

describe('engine paths match path.posix', () => {
  it('normalize', () => fc.assert(fc.property(pathText, (p) => assert.equal(normalize(p), posix.normalize(p), p)), { numRuns: 3000 }));
  it('join', () => fc.assert(fc.property(fc.array(pathText, { maxLength: 4 }), (ps) => assert.equal(join(...ps), posix.join(...ps), JSON.stringify(ps))), { numRuns: 3000 }));
  it('dirname', () => fc.assert(fc.property(pathText, (p) => assert.equal(dirname(p), posix.dirname(p), p)), { numRuns: 3000 }));
  it('cases seen in Dockerfiles', () => {
    for (const p of ['/app', '/app/', 'src/../lib', '//srv//www/', '/..', '.', './', '']) assert.equal(normalize(p), posix.normalize(p), p);
    assert.equal(join('/app', 'requirements/prod.txt'), '/app/requirements/prod.txt');
    assert.equal(dirname('requirements/prod.txt'), 'requirements');
  });
});
