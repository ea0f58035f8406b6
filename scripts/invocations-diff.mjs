// `npm run invocations:diff DIR`: what changes when the Dockerfiles of a project (a fetched checkout, never
// committed) are linted as their compose services and bake targets build them, against linting each alone
// (`--standalone`): per file, the findings that go, come, or apply to only some services; totals by rule.
// Writes ecosystem/invocations-summary.json (counts and file names, no contents), keyed by the folder's name.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'server/src/cli/run.js'))) {
  console.error('invocations-diff: build first (npm run build)');
  process.exit(2);
}
const dir = process.argv[2];
if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  console.error('usage: npm run invocations:diff DIR (a project folder holding Dockerfiles and compose or bake files)');
  process.exit(2);
}
const { runCli } = require(path.join(out, 'server/src/cli/run.js'));
const { findDockerfiles } = require(path.join(out, 'server/src/cli/files.js'));
const cwd = path.resolve(dir);
const files = findDockerfiles(cwd).map((f) => path.relative(cwd, f)).sort();

async function lint(extra) {
  let stdout = '';
  await runCli(['--no-config', '-f', 'json', ...extra, ...files], { cwd, stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, 'dev');
  return new Map(JSON.parse(stdout).files.map((f) => [f.path, f.findings]));
}

const asBuilt = await lint([]);
const alone = await lint(['--standalone']);
const key = (f) => `${f.rule} ${f.line}:${f.column}`;
const totals = { files: files.length, findingsAsBuilt: 0, findingsAlone: 0, filesChanged: 0, gone: {}, added: {}, onlyInSome: {}, changed: [] };
const count = (table, rule) => { table[rule] = (table[rule] ?? 0) + 1; };
for (const file of files) {
  const a = new Map((asBuilt.get(file) ?? []).map((f) => [key(f), f]));
  const b = new Map((alone.get(file) ?? []).map((f) => [key(f), f]));
  totals.findingsAsBuilt += a.size;
  totals.findingsAlone += b.size;
  const gone = [...b.keys()].filter((k) => !a.has(k));
  const added = [...a.keys()].filter((k) => !b.has(k));
  const some = [...a.keys()].filter((k) => b.has(k) && a.get(k).message !== b.get(k).message);
  if (!gone.length && !added.length && !some.length) continue;
  totals.filesChanged++;
  totals.changed.push({ file, gone, added, onlyInSome: some });
  for (const k of gone) count(totals.gone, k.split(' ')[0]);
  for (const k of added) count(totals.added, k.split(' ')[0]);
  for (const k of some) count(totals.onlyInSome, k.split(' ')[0]);
  console.log(`${file}${gone.length ? `\n  gone: ${gone.join(', ')}` : ''}${added.length ? `\n  added: ${added.join(', ')}` : ''}${some.length ? `\n  only in some: ${some.join(', ')}` : ''}`);
}
console.log(`${totals.files} Dockerfiles, ${totals.filesChanged} changed; findings as built ${totals.findingsAsBuilt}, alone ${totals.findingsAlone}`);
console.log(`gone ${JSON.stringify(totals.gone)}, added ${JSON.stringify(totals.added)}, only in some ${JSON.stringify(totals.onlyInSome)}`);
const summaryPath = path.join(root, 'ecosystem/invocations-summary.json');
const summary = fs.existsSync(summaryPath) ? JSON.parse(fs.readFileSync(summaryPath, 'utf8')) : { projects: {} };
summary.projects[path.basename(cwd)] = totals;
fs.writeFileSync(summaryPath, JSON.stringify(summary, null, 2) + '\n');
console.log(`wrote ${path.relative(root, summaryPath)}`);
