// LineIndex: offsets and line/character positions, for every line-break style (LF, CRLF, a lone CR, mixed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/text';

/** Line starts the slow way: after every \n, every \r\n and every lone \r. */
function expectedStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

describe('LineIndex', () => {
  const texts = ['', 'FROM a', 'FROM a\n', 'FROM a\nRUN b\n\nUSER 1', 'FROM a\r\nRUN b\r\n', 'FROM a\rRUN b\r', 'FROM a\r\nRUN b\nCMD c\rUSER 1\n\r\n', '\n\n\n'];
  for (const text of texts) {
    it(`finds every line of ${JSON.stringify(text)} and converts both ways`, () => {
      const lines = new LineIndex(text);
      const starts = expectedStarts(text);
      assert.equal(lines.lineCount, starts.length);
      starts.forEach((start, line) => {
        assert.equal(lines.lineStart(line), start);
        const next = line + 1 < starts.length ? starts[line + 1] : text.length;
        assert.equal(lines.lineText(line), text.slice(start, next).replace(/\r?\n$|\r$/, ''));
      });
      for (let offset = 0; offset <= text.length; offset++) {
        const pos = lines.positionAt(offset);
        const line = starts.filter((s) => s <= offset).length - 1;
        assert.deepEqual(pos, { line, character: offset - starts[line] });
        // Offsets inside a line break map back to the end of the line's content.
        assert.equal(lines.offsetAt(pos), Math.min(offset, lines.lineEnd(line)));
      }
      assert.equal(lines.offsetAt({ line: starts.length, character: 0 }), text.length);
    });
  }

  it('gives the first line break as the one to write (a \n after a lone CR would join the two into one break)', () => {
    const eols: Array<[string, string]> = [['', '\n'], ['FROM a', '\n'], ['FROM a\nRUN b\r\n', '\n'], ['FROM a\r\nRUN b\n', '\r\n'], ['FROM a\rRUN b\r', '\r'], ['FROM a\rRUN b\r\n', '\r'], ['FROM a\r', '\r']];
    for (const [text, eol] of eols) assert.equal(new LineIndex(text).eol, eol, JSON.stringify(text));
  });
});
