// The words after an instruction's keyword, as dockerfile-ast's Instruction.getRawArguments reads them: split at
// whitespace; an escape character before a line break joins the lines (and whitespace after the escape, comment
// lines and blank lines inside the continuation are skipped); an escape before another character is dropped and
// keeps that character (`\$` keeps both, for later variable expansion).
//
// dockerfile-ast builds each word one character at a time (a new string per character): on real files that was a
// fifth of everything the lint allocated. This reads the same words by slices of the text; dockerfile.ts puts it in
// place of the original, and a test compares the two on generated and real instructions.

/** A word: its value and its span, as offsets into the text that was read. */
export interface ArgumentSpan {
  value: string;
  start: number;
  end: number;
}

/** The words of `text` (an instruction's text after its keyword), with offsets into `text`. */
export function instructionArguments(text: string, escapeChar: string): ArgumentSpan[] {
  // Runs once per character of every instruction, with V8 inlining nothing (see host/v8-flags.ts): the tests on
  // characters are written out, and so is taking an ordinary character into the word.
  const args: ArgumentSpan[] = [];
  // The value of the word being read: `value`, then the run text[runStart, runEnd) not yet copied into it.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const take = (from: number, to: number) => {
    if (from === runEnd) { runEnd = to; return; }
    if (runStart >= 0) value += text.slice(runStart, runEnd);
    runStart = from;
    runEnd = to;
  };
  const finish = (start: number, end: number) => {
    if (runStart >= 0) value += text.slice(runStart, runEnd);
    args.push({ value, start, end });
    value = '';
    runStart = runEnd = -1;
  };
  // A line starts inside a continuation (where `#` begins a comment line), inside such a comment, where the word
  // began, whether whitespace followed an escaped line break, whether the reader is in one, and where the word's
  // text ended (its escape character) when a continuation interrupted it.
  let lineStart = false;
  let comment = false;
  let found = -1;
  let whitespaceAfterEscape = false;
  let escaping = false;
  let escapeAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (escaping) {
        whitespaceAfterEscape = true;
        if (c === '\r' || c === '\n') {
          whitespaceAfterEscape = false;
          if (comment) {
            comment = false;
            lineStart = true;
          }
        }
        continue;
      }
      if (found !== -1) {
        finish(found, escapeAt === -1 ? i : escapeAt);
        escapeAt = -1;
        found = -1;
      }
    } else if (c === escapeChar) {
      const next = i + 1 < text.length ? text[i + 1] : '';
      if (next === ' ' || next === '\t') {
        // An escape, then spaces: a line continuation when only spaces follow to the line's end.
        for (let j = i + 2; j < text.length; j++) {
          const d = text[j];
          if (d === ' ' || d === '\t') continue;
          if (d === '\r' || d === '\n') {
            // dockerfile-ast takes `\r` as the first half of `\r\n` without looking.
            if (d === '\r') j++;
            comment = false;
            escaping = true;
            lineStart = true;
            if (found !== -1) escapeAt = i;
            i = j;
          } else {
            escapeAt = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        escaping = true;
        lineStart = true;
        if (found !== -1 && escapeAt === -1) escapeAt = i;
        i += next === '\r' ? 2 : 1;
      } else {
        if (whitespaceAfterEscape && escapeAt !== -1) {
          finish(found, escapeAt);
          found = -1;
        }
        escapeAt = -1;
        whitespaceAfterEscape = false;
        escaping = false;
        if (next === '') break;
        if (next === '$') take(i, i + 2);
        else take(i + 1, i + 2);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && c === '#') {
        comment = true;
      } else {
        if (whitespaceAfterEscape && escapeAt !== -1) {
          finish(found, escapeAt);
          found = -1;
        }
        whitespaceAfterEscape = false;
        escaping = false;
        escapeAt = -1;
        if (runEnd === i) runEnd = i + 1;
        else take(i, i + 1);
        if (found === -1) found = i;
      }
      lineStart = false;
    }
  }
  if (found !== -1) finish(found, escapeAt === -1 ? text.length : escapeAt);
  return args;
}
