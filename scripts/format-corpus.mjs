// `npm run format:corpus [DIR…]`: formats every committed Dockerfile (bench/corpus/own, examples/*/Dockerfile) and
// every file under the folders given (a fetched real corpus, never committed) with the default options, and judges
// each result (test/support/format-check.ts): the file means the same to Docker, a second run changes nothing, no
// finding of error severity appears. Counts files and lines changed and the instructions the formatter kept as
// written, by reason. The peers run on the same files in the same run when they are installed: tally's formatter
// (`tally lint --fix`, what its editor formatting runs) and dockerfmt (its WASM build through its JS API); for each,
// the time per file against ours and on how many files its output means something else, gains an error, changes
// again on a second run, or it fails. Absent peers are reported as absent.
// The peers are looked up from the project's node_modules and from FORMAT_PEERS (a folder where they were
// installed with `npm install --no-save @wharflab/tally-linux-x64 @reteps/dockerfmt`, kept out of the project's own).
// Writes ecosystem/format-summary.json (totals per corpus, the names of our failing files; no file contents);
// the entries of corpora not run this time are kept. Options: --no-peers, --passes N (timing passes, default 3).
// Exit code 1 when our formatter changes the meaning of a file, is not idempotent on one, or adds an error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { timePasses } from './bench-time.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'test/support/format-check.js'))) {
  console.error('format-corpus: build first (npm run build)');
  process.exit(2);
}
const engine = require(path.join(out, 'server/src/engine'));
const check = require(path.join(out, 'test/support/format-check.js'));
const { decodeDockerfile } = require(path.join(out, 'server/src/cli/files.js'));
if (typeof engine.formatDockerfile !== 'function') {
  console.error('format-corpus: this engine has no formatDockerfile');
  process.exit(2);
}

const args = process.argv.slice(2);
const dirs = [];
let passes = 3;
let peersWanted = true;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--no-peers') peersWanted = false;
  else if (args[i] === '--passes') {
    passes = Number(args[++i]);
    if (!Number.isInteger(passes) || passes < 1) { console.error('format-corpus: --passes takes a whole number of 1 or more'); process.exit(2); }
  } else if (args[i].startsWith('--')) { console.error(`format-corpus: unknown option ${args[i]}`); process.exit(2); }
  else if (!fs.existsSync(args[i]) || !fs.statSync(args[i]).isDirectory()) { console.error(`format-corpus: ${args[i]} is not a folder`); process.exit(2); }
  else dirs.push(path.resolve(args[i]));
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.git' ? [] : listFiles(p);
    return e.isFile() && !/\.(md|json|txt)$/i.test(e.name) ? [p] : [];
  }).sort();
}

/** The corpora: the committed files as one, then each folder given, named by its base name. */
function corpora() {
  const examples = fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d, 'Dockerfile')).filter((f) => fs.existsSync(f)).sort();
  const list = [{ name: 'committed', base: root, paths: [...listFiles(path.join(root, 'bench/corpus/own')), ...examples] }];
  for (const dir of dirs) list.push({ name: path.basename(dir), base: dir, paths: listFiles(dir) });
  return list;
}

/** The files of a corpus that read as Dockerfiles (UTF-8, not empty, not binary), and why the others were skipped. */
function readCorpus({ base, paths }) {
  const files = [];
  const skipped = {};
  for (const p of paths) {
    const read = decodeDockerfile(fs.readFileSync(p));
    if (read.error) skipped[read.error] = (skipped[read.error] ?? 0) + 1;
    else files.push({ name: path.relative(base, p), path: p, text: read.text });
  }
  return { files, skipped };
}

await require(path.join(out, 'server/src/host/node')).initNodeShellParser();
// The command's defaults: no config file, every rule at its default severity.
const lintOptions = engine.buildLintOptions({});
delete lintOptions.problems;
const format = (text) => engine.formatDockerfile(text);

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const progress = (s) => { if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${s}`); };

/** Our formatter on every file: the verdicts, the totals and the failing files. */
function formatCorpus(files) {
  const totals = { files: files.length, changed: 0, linesChanged: 0, kept: {}, meaningChanges: 0, notIdempotent: 0, newErrors: 0, commentsLost: 0, threw: 0 };
  const failing = [];
  const outputs = [];
  for (const [i, f] of files.entries()) {
    progress(`dockwise ${i + 1}/${files.length} ${f.name}`);
    let problems;
    try {
      const first = format(f.text);
      const second = format(first.text);
      const verdict = check.judge(f.base, first.text, lintOptions);
      const idempotent = second.text === first.text;
      outputs.push(first.text);
      if (verdict.changed) { totals.changed++; totals.linesChanged += verdict.linesChanged; }
      for (const k of first.kept ?? []) totals.kept[k.reason] = (totals.kept[k.reason] ?? 0) + 1;
      if (verdict.meaningChange) totals.meaningChanges++;
      if (!idempotent) totals.notIdempotent++;
      if (verdict.newErrors.length) totals.newErrors++;
      totals.commentsLost += verdict.commentsLost;
      problems = check.failures(verdict, idempotent);
    } catch (e) {
      totals.threw++;
      outputs.push(f.text);
      problems = [`threw: ${e instanceof Error ? e.message : String(e)}`];
    }
    if (problems.length) failing.push({ file: f.name, problems });
  }
  progress('');
  totals.kept = Object.fromEntries(Object.entries(totals.kept).sort((a, b) => b[1] - a[1]));
  return { totals, failing, outputs };
}

// ---------------------------------------------------------------------------------------------------------------
// The peers

/** `pkg`'s folder, from the project's node_modules or FORMAT_PEERS', or undefined when it is not installed. */
function installed(pkg) {
  const from = [root, process.env.FORMAT_PEERS].filter(Boolean);
  for (const dir of from) {
    try { return path.dirname(createRequire(path.join(path.resolve(dir), 'package.json')).resolve(`${pkg}/package.json`)); } catch { /* not there */ }
  }
  return undefined;
}
const versionOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

/** The peers found, each with `run(files)` → { outputs (undefined where it failed), ms, note }. */
async function findPeers() {
  const peers = [];
  const absent = [];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  const tallyPkg = `@wharflab/tally-${process.platform}-${arch}`;
  const tallyDir = arch && installed(tallyPkg);
  if (tallyDir && fs.existsSync(path.join(tallyDir, 'bin/tally'))) peers.push(tallyPeer(path.join(tallyDir, 'bin/tally'), versionOf(tallyDir)));
  else absent.push(`tally (${tallyPkg})`);
  const fmtDir = installed('@reteps/dockerfmt');
  if (fmtDir) peers.push(...await dockerfmtPeers(fmtDir));
  else absent.push('dockerfmt (@reteps/dockerfmt)');
  return { peers, absent };
}

/**
 * tally formats a document by applying its safe fixes (its language server's formatting runs the same fixer as
 * `tally lint --fix`): one run over copies of the files, named so that it takes them for Dockerfiles, with no config
 * file and no checks that need the network.
 */
function tallyPeer(bin, version) {
  const tallyArgs = ['lint', '--fix', '--no-config', '--slow-checks', 'off', '--fail-level', 'none', '--format', 'json', '-o', 'report.json'];
  /** One tally process over `texts` (undefined ones left out): the outputs, or the index of the file it stopped at. */
  const runOnce = (texts) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-tally-'));
    try {
      const names = texts.map((t, i) => (t === undefined ? undefined : `${i}.Dockerfile`));
      texts.forEach((t, i) => { if (t !== undefined) fs.writeFileSync(path.join(tmp, names[i]), t); });
      const t0 = performance.now();
      const r = spawnSync(bin, [...tallyArgs, ...names.filter(Boolean)], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - t0;
      if (r.status === 0 && !r.error) return { ms, outputs: names.map((n) => (n === undefined ? undefined : fs.readFileSync(path.join(tmp, n), 'utf8'))) };
      const error = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop();
      const at = /(?:^|\s)(\d+)\.Dockerfile\b/.exec(error);
      return { ms, error, stoppedAt: at ? Number(at[1]) : undefined };
    } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
  };
  // A file it cannot parse stops the whole run: the files go in batches, and a batch that stops is run again without
  // the file it stopped at, which counts as failed.
  const batch = 100;
  const runAll = (texts) => {
    const outputs = [];
    for (let from = 0; from < texts.length; from += batch) {
      const input = texts.slice(from, from + batch);
      for (;;) {
        const r = runOnce(input);
        if (r.outputs) { outputs.push(...r.outputs); break; }
        if (r.stoppedAt === undefined || input[r.stoppedAt] === undefined) return { error: r.error };
        input[r.stoppedAt] = undefined;
      }
    }
    return { outputs };
  };
  return {
    name: `tally ${version} (lint --fix)`,
    run(files) {
      const first = runAll(files.map((f) => f.text));
      if (!first.outputs) return { ms: 0, outputs: files.map(() => undefined), again: [], note: `failed: ${first.error}` };
      // Timed as it is used: one process over every file it parses.
      const timed = runOnce(files.map((f, i) => (first.outputs[i] === undefined ? undefined : f.text)));
      const ran = first.outputs.filter((o) => o !== undefined).length;
      const again = runAll(first.outputs).outputs ?? [];
      return { ms: timed.outputs ? (timed.ms / ran) * files.length : NaN, outputs: first.outputs, again, note: `one process over the ${ran} files it parses` };
    },
  };
}

/**
 * dockerfmt's JS API (`formatDockerfileContents`) compiles and starts its WASM module on every call; the module
 * registers its format function on globalThis, which is how the same WASM is timed started once. Both are timed:
 * the API as published on a sample, the started module on every file (its outputs are the ones judged).
 */
async function dockerfmtPeers(dir) {
  const version = versionOf(dir);
  const api = await import(pathToFileURL(path.join(dir, 'dist/node.js')).href);
  const options = { indent: 4, trailingNewline: true, spaceRedirects: false };
  // Its Go runtime prints a panic's trace with console.log and its exit with console.warn: kept out of the report.
  const quietly = async (fn) => {
    const { log, warn } = console;
    console.log = console.warn = () => {};
    try { return await fn(); } finally { Object.assign(console, { log, warn }); }
  };
  // On a file it cannot parse its Go runtime exits, and the timers it left behind then throw outside any call:
  // that file is already counted as failed and the module started again, so those throws are not this run's errors.
  process.on('uncaughtException', (e) => {
    if (e instanceof Error && e.message === 'Go program has already exited') return;
    console.error(e);
    process.exit(2);
  });
  const start = () => quietly(async () => { await api.formatDockerfileContents('FROM scratch\n', options); return globalThis.__dockerfmt_formatBytes; });
  const sample = 50;
  return [{
    name: `dockerfmt ${version} (JS API, per call)`,
    sampleOnly: sample,
    async run(files) {
      const some = files.slice(0, sample);
      const t0 = performance.now();
      for (const f of some) { try { await quietly(() => api.formatDockerfileContents(f.text, options)); } catch { /* timed all the same */ } }
      return { ms: ((performance.now() - t0) / some.length) * files.length, timedOnly: true, note: `timed on the first ${some.length} files` };
    },
  }, {
    name: `dockerfmt ${version} (WASM started once)`,
    async run(files) {
      let formatBytes = await start();
      if (typeof formatBytes !== 'function') return { ms: 0, outputs: files.map(() => undefined), again: [], note: 'failed: its WASM module registered no format function' };
      // A Go panic ends the module: the file counts as failed and the module is started again.
      const formatAll = async (texts) => {
        const res = [];
        for (const t of texts) {
          if (t === undefined) { res.push(undefined); continue; }
          let output;
          try { output = await quietly(() => formatBytes(t, options.indent, options.trailingNewline, options.spaceRedirects)); } catch { /* counted below */ }
          res.push(typeof output === 'string' ? output : undefined);
          if (typeof output !== 'string') formatBytes = await start();
        }
        return res;
      };
      await formatAll(files.slice(0, 20).map((f) => f.text));
      const t0 = performance.now();
      const outputs = await formatAll(files.map((f) => f.text));
      const ms = performance.now() - t0;
      return { ms, outputs, again: await formatAll(outputs), note: 'one pass after warm-up' };
    },
  }];
}

/** A peer's outputs judged like ours. */
function judgePeer(files, result) {
  const t = { files: files.length, failed: 0, changed: 0, linesChanged: 0, meaningChanges: 0, newErrors: 0, notIdempotent: 0, commentsLost: 0 };
  for (const [i, f] of files.entries()) {
    const output = result.outputs[i];
    if (output === undefined) { t.failed++; continue; }
    const verdict = check.judge(f.base, output, lintOptions);
    if (verdict.changed) { t.changed++; t.linesChanged += verdict.linesChanged; }
    if (verdict.meaningChange) t.meaningChanges++;
    if (verdict.newErrors.length) t.newErrors++;
    if (result.again[i] !== undefined && result.again[i] !== output) t.notIdempotent++;
    t.commentsLost += verdict.commentsLost;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI, once it has a format command

const cli = path.join(root, 'dist/cli.js');
const cliFormats = fs.existsSync(cli) && /--check/.test(spawnSync(process.execPath, [cli, 'format', '--help'], { encoding: 'utf8' }).stdout ?? '');

/** `dockwise format --check` over the files, one process; undefined when the command has no format. */
function timeCli(files) {
  if (!cliFormats) return undefined;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'format', '--check', ...files.map((f) => f.path)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  return r.status === 0 || r.status === 1 ? ms : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

const summaryPath = path.join(root, 'ecosystem/format-summary.json');
const summary = fs.existsSync(summaryPath) ? JSON.parse(fs.readFileSync(summaryPath, 'utf8')) : { corpora: {} };
const { peers, absent } = peersWanted ? await findPeers() : { peers: [], absent: [] };
let failed = false;

for (const corpus of corpora()) {
  const { files, skipped } = readCorpus(corpus);
  if (!files.length) { console.error(`format-corpus: no Dockerfiles in ${corpus.base}`); process.exit(2); }
  for (const f of files) f.base = check.baselineOf(f.text, lintOptions);
  const ours = formatCorpus(files);
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
  const msOurs = timePasses(files, (f) => format(f.text), { passes });
  const time = [{ name: 'dockwise (in-process)', msPerFile: round(msOurs / files.length, 3), ratio: 1 }];
  const cliMs = timeCli(files);
  if (cliMs !== undefined) time.push({ name: 'dockwise format --check (one process)', msPerFile: round(cliMs / files.length, 3), ratio: round(cliMs / msOurs) });
  const peerRows = {};
  for (const peer of peers) {
    progress(`${peer.name} on ${corpus.name}`);
    const result = await peer.run(files);
    time.push({ name: peer.name, msPerFile: round(result.ms / files.length, 3), ratio: round(result.ms / msOurs), note: result.note });
    if (!result.timedOnly) peerRows[peer.name] = judgePeer(files, result);
    progress('');
  }

  const t = ours.totals;
  if (t.meaningChanges || t.notIdempotent || t.newErrors || t.threw) failed = true;
  console.log(`\n${corpus.name}: ${files.length} files, ${lines} lines${Object.keys(skipped).length ? ` (skipped: ${Object.entries(skipped).map(([k, v]) => `${v} ${k}`).join(', ')})` : ''}`);
  console.log(`  changed ${t.changed} files, ${t.linesChanged} lines; meaning changes ${t.meaningChanges}, not idempotent ${t.notIdempotent}, new errors ${t.newErrors}, threw ${t.threw}, comment lines lost ${t.commentsLost}`);
  console.log(`  kept as written: ${Object.entries(t.kept).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  for (const f of ours.failing) console.log(`  FAIL ${f.file}: ${f.problems.join('; ')}`);
  console.log('  time per file:');
  for (const r of time) console.log(`    ${r.name.padEnd(40)} ${String(r.msPerFile).padStart(9)} ms  ×${r.ratio}${r.note ? `  (${r.note})` : ''}`);
  for (const [name, p] of Object.entries(peerRows)) {
    console.log(`  ${name}: changed ${p.changed}, meaning changes ${p.meaningChanges}, new errors ${p.newErrors}, not idempotent ${p.notIdempotent}, failed ${p.failed}, comment lines lost ${p.commentsLost}`);
  }
  if (absent.length) console.log(`  absent: ${absent.join(', ')}`);

  summary.corpora[corpus.name] = {
    files: files.length, lines, skipped,
    changed: t.changed, linesChanged: t.linesChanged, kept: t.kept,
    meaningChanges: t.meaningChanges, notIdempotent: t.notIdempotent, newErrors: t.newErrors, threw: t.threw, commentsLost: t.commentsLost,
    failing: ours.failing,
    time, peers: peerRows, absentPeers: absent,
  };
}

fs.writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\nwrote ${path.relative(root, summaryPath)}`);
process.exit(failed ? 1 : 0);
