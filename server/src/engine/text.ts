import type { Position, Range } from './types';

/** Converts between string offsets and line/character positions for one text. */
export class LineIndex {
  /** Where each line starts. Typed: built on every keystroke, its numbers are stored outside the JS heap. */
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    if (text.indexOf('\r') < 0) {
      // The common case: indexOf finds the line breaks natively; counted first, so the array is made once at its size.
      let count = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
      const starts = new Int32Array(count);
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
      this.starts = starts;
    } else {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.starts = Int32Array.from(starts);
    }
  }

  get lineCount(): number { return this.starts.length; }

  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string { return this.text.slice(this.lineStart(line), this.lineEnd(line)); }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.starts[pos.line] + pos.character, this.lineEnd(pos.line));
  }

  range(start: number, end: number): Range { return { start: this.positionAt(start), end: this.positionAt(end) }; }

  /** The text's first line break ("\r\n", "\n" or a lone "\r"), so inserted lines match the file. */
  get eol(): string {
    if (this.eolCache === undefined) {
      const cr = this.text.indexOf('\r');
      const lf = this.text.indexOf('\n');
      // A `\n` written into a lone-CR file would pair with the `\r` before it and join two lines into one break.
      this.eolCache = cr < 0 || (lf >= 0 && lf < cr) ? '\n' : lf === cr + 1 ? '\r\n' : '\r';
    }
    return this.eolCache;
  }

  private eolCache: string | undefined;
}
