// Edits a user might make, at random but the same on every run: the incremental model and lint are checked
// against a fresh parse and lint after each (tests and `npm run check:corpus`).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Deterministic pseudo-random integers below `n` (a linear congruential generator). */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

/** What gets typed or pasted: text, and text that changes a Dockerfile's structure. */
const INSERTS = [' ', 'x', '\\', '\n', '#', '"', '$', '<<EOF\n', 'EOF\n', '\n\n', '\\\n', 'RUN ', 'ONBUILD ', ' AS build', 'COPY <<X /a\n',
  'FROM alpine AS y\n', 'COPY --from=y /a /b\n', 'RUN apt-get install curl\n', 'USER app\n', 'CMD x\n', 'ENV A=1\n'];

export interface RandomEdit { text: string; description: string }

/** A space typed at the end of a line, a snippet inserted, or up to 10 characters deleted, somewhere in `text`. */
export function randomEdit(text: string, random: (n: number) => number): RandomEdit {
  const at = random(text.length + 1);
  const kind = random(3);
  if (kind === 0) {
    const eol = text.indexOf('\n', at);
    return { text: eol < 0 ? `${text} ` : `${text.slice(0, eol)} ${text.slice(eol)}`, description: `a space at the end of the line of offset ${at}` };
  }
  if (kind === 1) {
    const insert = INSERTS[random(INSERTS.length)];
    return { text: text.slice(0, at) + insert + text.slice(at), description: `${JSON.stringify(insert)} inserted at offset ${at}` };
  }
  const n = 1 + random(10);
  return { text: text.slice(0, at) + text.slice(at + n), description: `${n} characters deleted at offset ${at}` };
}

/** Every committed Dockerfile: the examples and the benchmark corpus (ours and its variants). */
export function committedDockerfiles(root: string): string[] {
  const inDir = (dir: string) => fs.readdirSync(path.join(root, dir)).map((f) => path.join(root, dir, f));
  return [...inDir('examples').map((d) => path.join(d, 'Dockerfile')), ...inDir('bench/corpus/own'), ...inDir('bench/corpus/variants')]
    .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}
