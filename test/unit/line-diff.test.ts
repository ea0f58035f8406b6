// The line diff behind --diff and a refactoring's edits in the editor: whole-line edits, one per changed run,
// that turn the old text into the new one exactly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine';
import { lineEdits } from '../../server/src/engine/line-diff';

describe('lineEdits', () => {
  it('is nothing for equal texts', () => {
    assert.deepEqual(lineEdits('FROM a\n', 'FROM a\n'), []);
  });
  it('replaces only the changed lines, one edit per run', () => {
    const old = 'FROM node:22\nWORKDIR /app\nRUN npm ci\nCMD ["node"]\n';
    const now = 'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci\n\nFROM node:22-slim\nCMD ["node"]\n';
    assert.deepEqual(lineEdits(old, now), [
      { start: 0, end: 13, text: 'FROM node:22 AS build\n' },
      { start: old.indexOf('CMD'), end: old.indexOf('CMD'), text: '\nFROM node:22-slim\n' },
    ]);
  });
  it('keeps a last line without a line break apart from the same text with one', () => {
    assert.deepEqual(lineEdits('a\nb', 'a\nb\n'), [{ start: 2, end: 3, text: 'b\n' }]);
    assert.deepEqual(lineEdits('', 'x\n'), [{ start: 0, end: 0, text: 'x\n' }]);
  });
  it('turns any text into any other (random lines)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % 5;
    const text = (n: number) => Array.from({ length: n }, () => ['FROM a', 'RUN b', '', '# c', 'CMD d'][next()]).join('\n') + (next() > 1 ? '\n' : '');
    for (let i = 0; i < 300; i++) {
      const a = text(next() * 3);
      const b = text(next() * 3);
      assert.equal(applyEdits(a, lineEdits(a, b)), b, JSON.stringify([a, b]));
    }
  });
});
