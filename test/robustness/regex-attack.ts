// Catastrophic-backtracking check for every regular expression in the engine: each regex literal of
// server/src/engine/**/*.ts is run on long strings pumped from its own alphabet (and a few usual suspects),
// followed by a character that makes the match fail late. Run in a child process by regex.test.ts, which
// puts a hard time limit on it: a regex that backtracks exponentially hangs the child and fails the test,
// and the last line the child printed names it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex { file: string; line: number; source: string; flags: string }

/** Every regex literal in the .ts files under `dir`, with where it is. */
export function findRegexes(dir: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
  for (const file of walk(dir)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        out.push({ file: path.relative(dir, file), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

const USUAL = [' ', '\t', 'a', 'A', '1', '-', '--', '.', ',', '=', 'a=', '$', '${', '{', '}', '"', "'", '\\', '\\\n', '/', ':', '@', '#', 'a ', 'a.', 'a-', '-a', '=a', ' -', '1.', 'a,', '[', ']', '<<'];
const SUFFIXES = ['!', '\n', '\u0000', '"'];

/** Strings of length about `n` that make `re` work hard: pumps of its literal characters and the usual suspects. */
export function attackStrings(source: string, n: number): string[] {
  const alphabet = new Set<string>();
  for (const m of source.matchAll(/\\(.)|([^\\[\]()*+?{}|^$])/g)) {
    const c = m[1] ? ({ s: ' ', d: '1', w: 'a', n: '\n', t: '\t', S: 'a', D: 'a', W: ' ' } as Record<string, string>)[m[1]] ?? m[1] : m[2];
    if (c !== undefined) alphabet.add(c);
  }
  const pumps = new Set<string>([...USUAL, ...alphabet]);
  const prefixes = ['', ...new Set([source.replace(/^\^/, '').match(/^[A-Za-z#-]+/)?.[0] ?? ''])].filter((p, i) => i === 0 || p);
  const out: string[] = [];
  for (const prefix of prefixes) {
    for (const pump of pumps) {
      const body = pump.repeat(Math.ceil(n / pump.length));
      for (const s of SUFFIXES) out.push(prefix + (prefix ? ' ' : '') + body + s);
    }
  }
  return out;
}

/** Runs every engine regex on its attack strings, printing each before it runs (so a hang names it). */
export function main(root: string, n = 20000): void {
  const found = findRegexes(path.join(root, 'server/src/engine'));
  let slowest = { ms: 0, where: '' };
  for (const r of found) {
    const where = `${r.file}:${r.line} /${r.source}/${r.flags}`;
    process.stdout.write(`${where}\n`);
    const re = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
    const t0 = Date.now();
    for (const s of attackStrings(r.source, n)) {
      re.test(s);
      s.replace(new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g'), '');
    }
    const ms = Date.now() - t0;
    if (process.env.REGEX_TIMES) process.stdout.write(`  ${ms} ms\n`);
    if (ms > slowest.ms) slowest = { ms, where };
  }
  process.stdout.write(`DONE ${found.length} regexes; slowest ${slowest.ms} ms: ${slowest.where}\n`);
}
