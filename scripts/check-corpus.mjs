// `npm run check:corpus`: lints and fixes every Dockerfile of a corpus and checks the robustness properties
// (test/robustness/properties.ts) on each: no rule throws, ranges inside the document, every fix alone
// parses, removes its finding, adds no error and keeps comments and RUN flags; fix-all (safe fixes only,
// then separately with unsafe ones) keeps every fix, converges, adds no error and is idempotent.
//
// The corpus is BENCH_CORPUS (a folder, searched recursively) or the committed bench/corpus
// (scripts/make-bench-corpus.mjs). Lint options are the command's defaults (inline pragmas honoured).
// Options: --all-rules (every rule, the `strict` profile, and a label schema for the OCI
// annotations so the label rules have something to judge), --json FILE (the report as
// JSON), --no-each-fix (skip applying every fix alone), --edits N (random edits per file whose incremental
// model and lint, as the language server runs them, must equal a lint from scratch; default 10),
// --limit N, --filter SUBSTRING.
// Exit code 1 when any file had an exception or a failed property.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'test/robustness/properties.js'))) {
  console.error('check-corpus: build first (npm run build)');
  process.exit(2);
}
const engine = require(path.join(out, 'server/src/engine'));
const { examine } = require(path.join(out, 'test/robustness/properties.js'));
const { randomEdit, seededRandom } = require(path.join(out, 'test/support/random-edits.js'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const corpus = path.resolve(process.env.BENCH_CORPUS || path.join(root, 'bench/corpus'));
const limit = Number(value('--limit') ?? Infinity);
const filter = value('--filter');

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p);
    return e.isFile() && !/\.(md|json)$/.test(e.name) ? [p] : [];
  });
}

if (!fs.existsSync(corpus)) { console.error(`check-corpus: ${corpus} does not exist`); process.exit(2); }
const files = listFiles(corpus).sort().filter((f) => !filter || f.includes(filter)).slice(0, limit);
if (!files.length) { console.error(`check-corpus: no files in ${corpus}`); process.exit(2); }

await require(path.join(out, 'server/src/host/node')).initNodeShellParser();
const options = engine.buildLintOptions({ settings: { profile: flag('--all-rules') ? 'strict' : undefined } });
if (flag('--all-rules')) {
  // The label rules only judge labels a schema types: the OCI annotations, typed as the spec describes them.
  options.settings.labelSchema = {
    'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.url': 'url', 'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.documentation': 'url', 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.licenses': 'spdx', 'org.opencontainers.image.title': 'text', 'maintainer': 'text',
  };
}

const editsPerFile = Number(value('--edits') ?? 10);
const random = seededRandom(1);
/** Types, pastes and deletes at random places; after each edit the server's way must find what a fresh lint finds. */
function incrementalMismatch(text) {
  let model = new engine.DockerfileModel(text);
  let memo = engine.lintIncremental(model, options).memo;
  for (let k = 0; k < editsPerFile; k++) {
    const edit = randomEdit(text, random);
    model = new engine.DockerfileModel(edit.text, model);
    const lint = engine.lintIncremental(model, options, memo);
    memo = lint.memo;
    const fresh = engine.lintModel(new engine.DockerfileModel(edit.text), options).findings;
    if (JSON.stringify(lint.result.findings) !== JSON.stringify(fresh)) return `edit ${k + 1}: ${edit.description}`;
    text = edit.text;
  }
  return undefined;
}

/** The same rules, none of them skipped on a file without what its handlers register. */
const rulesUnskipped = (options.rules ?? engine.allRules).map(engine.unskipped);

const count = (m, k, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
const findingsPerRule = new Map();
const appliedPerRule = { safe: new Map(), unsafe: new Map() };
const changedFiles = { safe: 0, unsafe: 0 };
const exceptions = [];
const failures = [];
const times = [];
let bytes = 0;
let lines = 0;
let findingsTotal = 0;
const t0 = Date.now();

for (const [i, file] of files.entries()) {
  const rel = path.relative(corpus, file);
  const raw = fs.readFileSync(file);
  bytes += raw.length;
  // The command decodes the same way: UTF-8, a BOM dropped.
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  lines += text.split(/\r\n|\r|\n/).length;
  const started = process.hrtime.bigint();
  let result;
  try {
    result = examine(text, options, { eachFix: !flag('--no-each-fix') });
  } catch (error) {
    exceptions.push({ file: rel, kind: 'exception', detail: error?.stack ?? String(error) });
    continue;
  } finally {
    times.push({ file: rel, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: raw.length });
  }
  findingsTotal += result.findings.length;
  for (const f of result.findings) count(findingsPerRule, f.rule);
  for (const mode of ['safe', 'unsafe']) {
    const applied = result.applied[mode] ?? [];
    if (applied.length) changedFiles[mode]++;
    for (const a of applied) count(appliedPerRule[mode], a.rule);
  }
  for (const v of result.violations) (v.kind.startsWith('rule threw') ? exceptions : failures).push({ file: rel, kind: v.kind, detail: v.detail });
  // Rules skip files without anything their handlers register: without that, they must find exactly the same.
  try {
    const everyRuleRuns = engine.lintText(text, { ...options, rules: rulesUnskipped }).findings;
    if (JSON.stringify(everyRuleRuns) !== JSON.stringify(result.findings)) failures.push({ file: rel, kind: 'a rule skipped for what it registers would have reported', detail: [...new Set(everyRuleRuns.map((f) => f.rule))].filter((r) => !result.findings.some((f) => f.rule === r)).join(', ') || 'different findings' });
  } catch (error) {
    exceptions.push({ file: rel, kind: 'exception linting with no rule skipped', detail: error?.stack ?? String(error) });
  }
  if (editsPerFile > 0) {
    try {
      const mismatch = incrementalMismatch(text);
      if (mismatch) failures.push({ file: rel, kind: 'incremental lint differs from a fresh lint', detail: mismatch });
    } catch (error) {
      exceptions.push({ file: rel, kind: 'exception in incremental lint', detail: error?.stack ?? String(error) });
    }
  }
  if (process.stderr.isTTY && i % 25 === 0) process.stderr.write(`\r${i + 1}/${files.length}`);
}
if (process.stderr.isTTY) process.stderr.write('\r');

const seconds = (Date.now() - t0) / 1000;
times.sort((a, b) => b.ms - a.ms);
const sorted = (m) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);

const report = [];
report.push(`corpus: ${corpus}${flag('--all-rules') ? ' (all rules on)' : ''}`);
report.push(`files: ${files.length} (${lines} lines, ${(bytes / 1024).toFixed(0)} KB), checked in ${seconds.toFixed(1)} s`);
report.push(`findings: ${findingsTotal}`);
for (const [rule, n] of sorted(findingsPerRule)) report.push(`  ${String(n).padStart(6)}  ${rule}`);
for (const mode of ['safe', 'unsafe']) {
  report.push(`fixes applied by fix-all (${mode === 'safe' ? 'safe only' : 'with unsafe'}): ${sum(appliedPerRule[mode])} in ${changedFiles[mode]} files`);
  for (const [rule, n] of sorted(appliedPerRule[mode])) report.push(`  ${String(n).padStart(6)}  ${rule}`);
}
report.push('slowest files (lint, every fix alone, fix-all twice per mode):');
for (const t of times.slice(0, 5)) report.push(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.file} (${t.bytes} bytes)`);
report.push('every file also linted with no rule skipped for what its handlers register (the findings must be the same)');
report.push(`random edits linted incrementally and from scratch: ${editsPerFile} per file`);
report.push(`exceptions: ${exceptions.length}`);
for (const e of exceptions.slice(0, 50)) report.push(`  ${e.file}: ${e.kind}: ${e.detail.split('\n').slice(0, 4).join('\n    ')}`);
report.push(`failed fixes: ${failures.length}`);
for (const f of failures.slice(0, 100)) report.push(`  ${f.file}: ${f.kind}: ${f.detail}`);
if (failures.length > 100) report.push(`  … ${failures.length - 100} more`);
console.log(report.join('\n'));

const json = value('--json');
if (json) {
  fs.writeFileSync(json, JSON.stringify({
    corpus, allRules: flag('--all-rules'), files: files.length, lines, bytes, seconds, findings: Object.fromEntries(sorted(findingsPerRule)),
    applied: { safe: Object.fromEntries(sorted(appliedPerRule.safe)), unsafe: Object.fromEntries(sorted(appliedPerRule.unsafe)) },
    changedFiles, slowest: times.slice(0, 10), exceptions, failures,
  }, null, 2));
}
process.exit(exceptions.length || failures.length ? 1 : 0);
