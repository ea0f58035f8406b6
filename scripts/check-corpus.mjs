// `npm run check:corpus`: lints and fixes every Dockerfile of a corpus (BENCH_CORPUS, or the examples plus
// generated variants), with safe fixes and separately with unsafe ones, and checks the robustness
// properties on each. Reports files, findings and fixes per rule, exceptions, failed fixes, the slowest file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generateDockerfile } from './bench-generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(root, 'out/server/src/engine/index.js'));
const { checkText } = require(path.join(root, 'out/test/robustness/properties.js'));
await engine.initShellParser();

const files = [];
const corpus = process.env.BENCH_CORPUS;
if (corpus) {
  for (const f of fs.readdirSync(corpus).sort()) if (fs.statSync(path.join(corpus, f)).isFile()) files.push({ name: f, text: fs.readFileSync(path.join(corpus, f), 'utf8') });
} else {
  for (const d of fs.readdirSync(path.join(root, 'examples'))) {
    const f = path.join(root, 'examples', d, 'Dockerfile');
    if (fs.existsSync(f)) files.push({ name: `examples/${d}`, text: fs.readFileSync(f, 'utf8') });
  }
  for (const n of [60, 150, 400, 1000]) files.push({ name: `generated-${n}`, text: generateDockerfile(n) });
}

const findingsPerRule = {};
const fixesSafe = {};
const fixesUnsafe = {};
const failures = [];
let exceptions = 0;
let slowest = { name: '', ms: 0 };
let lines = 0;
for (const f of files) {
  lines += f.text.split('\n').length;
  try {
    const t0 = performance.now();
    const { findings, ruleErrors } = engine.lintText(f.text, engine.buildLintOptions({}));
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { name: f.name, ms };
    for (const e of ruleErrors) { exceptions++; failures.push({ file: f.name, kind: 'rule threw', detail: `${e.rule}: ${e.error?.message}` }); }
    for (const x of findings) findingsPerRule[x.rule] = (findingsPerRule[x.rule] ?? 0) + 1;
    for (const x of engine.fixAll(f.text, { unsafe: false }).applied) fixesSafe[x.rule] = (fixesSafe[x.rule] ?? 0) + 1;
    for (const x of engine.fixAll(f.text, { unsafe: true }).applied) fixesUnsafe[x.rule] = (fixesUnsafe[x.rule] ?? 0) + 1;
    for (const v of checkText(f.text)) failures.push({ file: f.name, ...v });
  } catch (e) {
    exceptions++;
    failures.push({ file: f.name, kind: 'exception', detail: e?.stack ?? String(e) });
  }
}
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
const table = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`).join('\n');
console.log(`corpus: ${corpus ?? 'examples + generated'}\nfiles: ${files.length}, lines: ${lines}`);
console.log(`findings: ${sum(findingsPerRule)}\n${table(findingsPerRule)}`);
console.log(`fixes applied (safe fix-all): ${sum(fixesSafe)}\n${table(fixesSafe)}`);
console.log(`fixes applied (with unsafe): ${sum(fixesUnsafe)}\n${table(fixesUnsafe)}`);
console.log(`slowest file: ${slowest.name} (${slowest.ms.toFixed(1)} ms)`);
console.log(`exceptions: ${exceptions}\nfailed fix properties: ${failures.length - exceptions}`);
for (const x of failures.slice(0, 50)) console.log(`  ${x.file}: ${x.kind}: ${x.detail}`);
process.exitCode = failures.length ? 1 : 0;
