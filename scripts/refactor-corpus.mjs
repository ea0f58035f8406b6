// `npm run refactor:corpus [DIR…]`: every refactoring offered in every committed Dockerfile (bench/corpus/own,
// examples/*/Dockerfile) and in every file under the folders given (a fetched real corpus, never committed) is
// applied, a question answered with its first candidate, and judged (test/support/refactor-check.ts): the change
// passes the engine's checks (parses, keeps comments, lints no worse), gains no error, and where
// build-toolchain-in-final-stage fires, "split into a builder stage" is offered and clears it.
// Writes ecosystem/refactor-summary.json (counts per corpus and refactoring, failing files by name, no contents);
// the entries of corpora not run this time are kept. Exit code 1 when any check fails.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'test/support/refactor-check.js'))) {
  console.error('refactor-corpus: build first (npm run build)');
  process.exit(2);
}
const { checkRefactorings } = require(path.join(out, 'test/support/refactor-check.js'));
const { decodeDockerfile } = require(path.join(out, 'server/src/cli/files.js'));
const { initNodeShellParser } = require(path.join(out, 'server/src/host/node.js'));

const dirs = [];
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--') || !fs.existsSync(a) || !fs.statSync(a).isDirectory()) { console.error(`refactor-corpus: ${a} is not a folder`); process.exit(2); }
  dirs.push(path.resolve(a));
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.git' ? [] : listFiles(p);
    return e.isFile() && !/\.(md|json|txt)$/i.test(e.name) ? [p] : [];
  }).sort();
}

const examples = fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d, 'Dockerfile')).filter((f) => fs.existsSync(f)).sort();
const corpora = [{ name: 'committed', base: root, paths: [...listFiles(path.join(root, 'bench/corpus/own')), ...examples] }];
for (const dir of dirs) corpora.push({ name: path.basename(dir), base: dir, paths: listFiles(dir) });

await initNodeShellParser();
const summaryPath = path.join(root, 'ecosystem/refactor-summary.json');
const summary = fs.existsSync(summaryPath) ? JSON.parse(fs.readFileSync(summaryPath, 'utf8')) : { corpora: {} };
let failed = 0;
for (const corpus of corpora) {
  const totals = { files: 0, skipped: 0, offered: {}, unavailable: {}, applied: {}, filesWithOffers: 0, toolchainInFinalStage: 0, splitOffered: 0, splitClears: 0, failures: 0, failing: [] };
  for (const p of corpus.paths) {
    const read = decodeDockerfile(fs.readFileSync(p));
    if (read.error) { totals.skipped++; continue; }
    totals.files++;
    const v = await checkRefactorings(read.text);
    for (const [id, n] of Object.entries(v.offered)) totals.offered[id] = (totals.offered[id] ?? 0) + n;
    for (const [id, n] of Object.entries(v.unavailable)) totals.unavailable[id] = (totals.unavailable[id] ?? 0) + n;
    for (const [id, n] of Object.entries(v.applied)) totals.applied[id] = (totals.applied[id] ?? 0) + n;
    if (Object.keys(v.offered).length) totals.filesWithOffers++;
    if (v.toolchainInFinalStage) totals.toolchainInFinalStage++;
    if (v.splitOffered) totals.splitOffered++;
    if (v.splitClears) totals.splitClears++;
    if (v.failures.length) {
      totals.failures += v.failures.length;
      totals.failing.push(...v.failures.map((f) => `${path.relative(corpus.base, p)}: ${f}`));
    }
  }
  failed += totals.failures;
  const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  totals.offered = sortKeys(totals.offered);
  totals.applied = sortKeys(totals.applied);
  totals.unavailable = sortKeys(totals.unavailable);
  summary.corpora[corpus.name] = totals;
  console.log(`${corpus.name}: ${totals.files} files (${totals.skipped} skipped), offers in ${totals.filesWithOffers}`);
  for (const id of Object.keys(totals.offered)) console.log(`  ${id.padEnd(24)} offered ${String(totals.offered[id]).padStart(5)}  applied ${String(totals.applied[id] ?? 0).padStart(5)}  not available (explained) ${String(totals.unavailable[id] ?? 0).padStart(5)}`);
  console.log(`  build-toolchain-in-final-stage fires in ${totals.toolchainInFinalStage} files; split offered in ${totals.splitOffered}, clears it in ${totals.splitClears}`);
  for (const f of totals.failing.slice(0, 20)) console.log(`  FAIL ${f}`);
  if (totals.failing.length > 20) console.log(`  … and ${totals.failing.length - 20} more`);
}
fs.writeFileSync(summaryPath, JSON.stringify(summary, null, 2) + '\n');
console.log(`wrote ${path.relative(root, summaryPath)}`);
process.exit(failed ? 1 : 0);
