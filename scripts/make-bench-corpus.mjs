// Writes bench/corpus/variants/ from our own Dockerfiles in bench/corpus/own/: the same files as an editor
// and odd checkouts see them. Deterministic (seeded), so the committed output only changes when a source
// or this script does. `node scripts/make-bench-corpus.mjs --check` exits 1 when the committed variants are
// stale. The corpus is read by `npm run check:corpus` and test/robustness/corpus.test.ts.
//
// Variants per file: CRLF line endings; mixed CRLF/LF; lowercase instructions; tabs for indentation; the
// backtick escape (`# escape=` + "`" continuations); spaces after the continuation character; no final
// newline; two truncations (a file half-typed in the editor); a deleted line; a few hostile characters
// inserted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ownDir = path.join(root, 'bench/corpus/own');
const outDir = path.join(root, 'bench/corpus/variants');
const check = process.argv.includes('--check');

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619); return h >>> 0; };

const KEYWORDS = /^(\s*)(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/gm;
const HOSTILE = ['\\', '`', '"', "'", '<<EOF', '$', '${', '[', '#', '\t', '\u00a0', '\uFFFD', '\u0000', ' \\\n', '&&', '|'];

const variants = {
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  mixed: (t) => { let i = 0; return t.replace(/\n/g, () => (i++ % 2 ? '\r\n' : '\n')); },
  lower: (t) => t.replace(KEYWORDS, (_, ws, k) => ws + k.toLowerCase()),
  tabs: (t) => t.replace(/^( {2,})/gm, (m) => '\t'.repeat(Math.ceil(m.length / 4))).replace(/^(\s*[A-Za-z]+) /gm, '$1\t'),
  backtick: (t) => {
    if (/^#\s*escape\s*=/im.test(t)) return undefined;
    const lines = t.split('\n');
    const at = /^#\s*syntax\s*=/i.test(lines[0]) ? 1 : 0;
    lines.splice(at, 0, '# escape=`');
    return lines.join('\n').replace(/\\\n/g, '`\n');
  },
  'continuation-spaces': (t) => (t.includes('\\\n') ? t.replace(/\\\n/g, '\\  \n') : undefined),
  'no-final-newline': (t) => t.replace(/\s+$/, ''),
  cut1: (t, r) => t.slice(0, Math.floor(t.length * (0.2 + 0.3 * r()))),
  cut2: (t, r) => t.slice(0, Math.floor(t.length * (0.5 + 0.45 * r()))),
  'line-deleted': (t, r) => { const l = t.split('\n'); l.splice(1 + Math.floor(r() * (l.length - 2)), 1); return l.join('\n'); },
  noise: (t, r) => {
    let out = t;
    for (let k = 0; k < 3; k++) {
      const i = Math.floor(r() * (out.length + 1));
      out = out.slice(0, i) + HOSTILE[Math.floor(r() * HOSTILE.length)] + out.slice(i);
    }
    return out;
  },
};

const expected = new Map();
for (const file of fs.readdirSync(ownDir).filter((f) => f.endsWith('.Dockerfile')).sort()) {
  const text = fs.readFileSync(path.join(ownDir, file), 'utf8');
  const base = file.replace(/\.Dockerfile$/, '');
  for (const [name, make] of Object.entries(variants)) {
    const out = make(text, rng(hash(`${base}/${name}`)));
    if (out !== undefined && out !== text) expected.set(`${base}--${name}.Dockerfile`, out);
  }
}

if (check) {
  const present = fs.existsSync(outDir) ? fs.readdirSync(outDir).sort() : [];
  const stale = [...expected].filter(([f, t]) => !present.includes(f) || fs.readFileSync(path.join(outDir, f), 'utf8') !== t).map(([f]) => f);
  const extra = present.filter((f) => !expected.has(f));
  if (stale.length || extra.length) {
    console.error(`bench/corpus/variants is stale (${[...stale, ...extra].slice(0, 5).join(', ')}…): run node scripts/make-bench-corpus.mjs`);
    process.exit(1);
  }
  console.log(`bench/corpus/variants: ${expected.size} files, up to date`);
} else {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const [f, t] of expected) fs.writeFileSync(path.join(outDir, f), t);
  console.log(`wrote ${expected.size} variants of ${fs.readdirSync(ownDir).length} files to ${path.relative(root, outDir)}`);
}
