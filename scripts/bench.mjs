// `npm run bench`: Dockwise and its peers on the same files in the same run. Writes bench/results.md and
// bench/results.json. Benchmarks never fail on a number; the report says which target is missed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generateDockerfile } from './bench-generate.mjs';
import { timePasses as timeShared } from './bench-time.mjs';
import { packageVsix } from './vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
process.chdir(root);
const engine = require('./out/server/src/engine/index.js');
const { DockerfileParser } = require('dockerfile-ast');
await require('./out/server/src/host/node.js').initNodeShellParser();

const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const results = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` }, date: new Date().toISOString(), engine: [], scaling: null, editor: [], cli: null, package: null, targets: [] };
const quick = process.env.BENCH_QUICK === '1';

function readCorpus(dir) {
  return fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

function committedCorpus() {
  const files = fs.existsSync('bench/corpus') ? readCorpus('bench/corpus') : [];
  for (const d of fs.readdirSync('examples')) {
    const f = path.join('examples', d, 'Dockerfile');
    if (fs.existsSync(f)) files.push({ name: `examples/${d}`, text: fs.readFileSync(f, 'utf8') });
  }
  for (const n of [60, 150, 400]) files.push({ name: `generated-${n}`, text: generateDockerfile(n) });
  return files;
}

const timePasses = (files, fn, opts = {}) => timeShared(files, fn, { passes: quick ? 3 : 7, ...opts });

/** The peers' rows, timed in a process of their own (scripts/bench-peers.mjs). */
function peerRows(files) {
  const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-bench-')), 'files.json');
  fs.writeFileSync(input, JSON.stringify({ files, passes: quick ? 3 : 7 }));
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench-peers.mjs'), input], { encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(path.dirname(input), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`bench-peers failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function engineSection(label, files) {
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
  const bodies = files.flatMap((f) => new engine.DockerfileModel(f.text).runs.flatMap((r) => r.run.scripts.map((s) => s.text)));
  const peers = peerRows(files);
  const rows = [
    ['dockerfile-ast parse only (with the engine\'s two fixes, as Dockwise parses)', timePasses(files, (f) => DockerfileParser.parse(f.text))],
    ['shell parse only (tree-sitter-bash, every RUN body)', timePasses([bodies], (bs) => bs.forEach((b) => engine.parseShellUncached(b)))],
    ['Dockwise full lint (cold: RUN bodies parsed again)', timePasses(files, (f) => engine.lintText(f.text), { before: engine.clearShellCache })],
    ['Dockwise full lint (warm: RUN bodies cached by text, as in the editor)', timePasses(files, (f) => engine.lintText(f.text))],
    ['Dockwise lint + fix-all (safe fixes)', timePasses(files, (f) => engine.fixAll(f.text), { passes: quick ? 1 : 3, before: engine.clearShellCache })],
    ...peers.rows,
  ];
  const full = rows[2][1];
  const crashes = peers.crashes;
  const section = { corpus: label, files: files.length, lines, runBodies: bodies.length, peerCrashes: crashes, rows: rows.map(([name, ms]) => ({ name, msPerPass: round(ms, 1), filesPerSecond: Math.round(files.length / (ms / 1000)), msPer1000Lines: round(ms / lines * 1000, 2), ratioToFullLint: round(ms / full, 2) })) };
  results.engine.push(section);
  const parses = rows[0][1] + rows[1][1];
  results.targets.push({ target: `${label}: full lint ≤ 1.3× the two parses it needs`, value: `${round(full / parses, 2)}×`, met: full <= 1.3 * parses });
  const utilsMs = rows.find(([name]) => name === 'dockerfile-utils validate')[1];
  results.targets.push({ target: `${label}: full lint throughput ≥ dockerfile-utils validate`, value: `${round(utilsMs / full, 2)}× its speed`, met: full <= utilsMs });
  return section;
}

function scalingSection() {
  const sizes = quick ? [100, 1000, 10000] : [100, 1000, 10000, 100000];
  const points = sizes.map((n) => {
    const text = generateDockerfile(n);
    const lines = text.split('\n').length;
    const ms = timePasses([text], (t) => engine.lintText(t), { passes: n >= 100000 ? 3 : 5, before: engine.clearShellCache });
    return { lines, ms: round(ms, 1), msPer1000Lines: round(ms / lines * 1000, 3) };
  });
  // Least-squares slope of ms against lines, and how far the per-line cost drifts from small to large.
  const n = points.length; const mx = points.reduce((a, p) => a + p.lines, 0) / n; const my = points.reduce((a, p) => a + p.ms, 0) / n;
  const slope = points.reduce((a, p) => a + (p.lines - mx) * (p.ms - my), 0) / points.reduce((a, p) => a + (p.lines - mx) ** 2, 0);
  const tenK = points.find((p) => p.lines >= 9000 && p.lines <= 11000);
  results.scaling = { points, slopeMsPer1000Lines: round(slope * 1000, 3), perLineDrift: round(points[points.length - 1].msPer1000Lines / points[1].msPer1000Lines, 2) };
  results.targets.push({ target: 'a 10,000-line file lints in under 100 ms', value: `${tenK?.ms} ms`, met: (tenK?.ms ?? Infinity) < 100 });
  results.targets.push({ target: 'lint time grows linearly (per-line cost at the largest size within 1.5× of 1,000 lines)', value: `${results.scaling.perLineDrift}×`, met: results.scaling.perLineDrift <= 1.5 });
}

// The shared tools folder sits beside the main checkout; a worktree is one level further down (LSP_BENCH overrides).
const lspBenchScript = [process.env.LSP_BENCH, path.resolve(root, '../shared/tools/lsp-bench.mjs'), path.resolve(root, '../../shared/tools/lsp-bench.mjs')]
  .find((f) => f && fs.existsSync(f)) ?? path.resolve(root, '../shared/tools/lsp-bench.mjs');

function lspBench(server, file) {
  const r = spawnSync(process.execPath, [lspBenchScript, '--server', server, '--file', file, '--edits', quick ? '20' : '60', '--modules', root], { encoding: 'utf8', timeout: 180000 });
  const line = (r.stdout ?? '').trim().split('\n').pop();
  try { return JSON.parse(line); } catch { return { error: (r.stderr || r.stdout || 'no output').slice(0, 300) }; }
}

async function memoryWithDocuments(command, count) {
  const rpc = require('vscode-jsonrpc/node');
  const [cmd, ...args] = command.split(' ');
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let published = 0;
  conn.onNotification('textDocument/publishDiagnostics', () => { published++; });
  conn.onRequest(() => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  conn.sendNotification('initialized', {});
  const files = committedCorpus();
  for (let i = 0; i < count; i++) {
    const f = files[i % files.length];
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///bench/doc${i}/Dockerfile`, languageId: 'dockerfile', version: 1, text: f.text } });
  }
  const t0 = now();
  while (published < count && now() - t0 < 30000) await new Promise((r) => setTimeout(r, 50));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  conn.dispose();
  child.kill();
  return round(rssMB, 1);
}

/** What `command` publishes for `file` when it is opened (the diagnostics array). */
async function publishedOnOpen(command, file) {
  const rpc = require('vscode-jsonrpc/node');
  const [cmd, ...args] = command.split(' ');
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => resolve(p.diagnostics)));
  conn.onRequest(() => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bench/Dockerfile', languageId: 'dockerfile', version: 1, text: fs.readFileSync(file, 'utf8') } });
  const diagnostics = await published;
  conn.dispose();
  child.kill();
  return diagnostics;
}

async function editorSection() {
  const ours = 'node dist/server.js --stdio';
  const peerBin = path.join(root, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver');
  // npm run bench builds first and the peer is a devDependency: a missing one is an error, not a shorter report.
  for (const f of ['dist/server.js', peerBin]) if (!fs.existsSync(f)) throw new Error(`bench: ${f} is missing (npm run build; npm install)`);
  const peer = `node ${peerBin} --stdio`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-'));
  for (const n of [150, 1000]) {
    const file = path.join(dir, `Dockerfile.${n}`);
    fs.writeFileSync(file, generateDockerfile(n));
    // The keystroke p95 moves by a quarter from one run to the next (V8 compiling, GC): each server runs
    // three times, alternating, and the run with the median p95 is reported (with every run's p95).
    // The floor: a server that does no work and answers every keystroke with what Dockwise publishes for the file.
    const replayed = path.join(dir, `diagnostics.${n}.json`);
    fs.writeFileSync(replayed, JSON.stringify(await publishedOnOpen(ours, file)));
    const replay = `node ${path.join(root, 'scripts/bench-replay-server.mjs')} ${replayed} --stdio`;
    const runs = { dockwise: [], rcjsuen: [], replay: [] };
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      runs.dockwise.push(lspBench(ours, file));
      runs.rcjsuen.push(lspBench(peer, file));
      runs.replay.push(lspBench(replay, file));
    }
    const median = (xs) => {
      const ok = xs.filter((x) => x?.editDiagnosticsMs);
      if (!ok.length) return xs[0];
      const sorted = [...ok].sort((x, y) => x.editDiagnosticsMs.p95 - y.editDiagnosticsMs.p95);
      return { ...sorted[Math.floor(sorted.length / 2)], p95OfEachRun: ok.map((x) => x.editDiagnosticsMs.p95) };
    };
    const a = median(runs.dockwise);
    const b = median(runs.rcjsuen);
    const floor = median(runs.replay);
    results.editor.push({ lines: n, dockwise: a, rcjsuen: b, sendingTheSameDiagnosticsWithoutWork: { diagnostics: floor.diagnostics, bytes: fs.statSync(replayed).size, editDiagnosticsMs: floor.editDiagnosticsMs, p95OfEachRun: floor.p95OfEachRun } });
    const p95 = (x) => x?.editDiagnosticsMs?.p95;
    if (p95(a) !== undefined && p95(b) !== undefined) {
      results.targets.push({ target: `${n}-line file: per-keystroke p95 under half of rcjsuen's`, value: `${p95(a)} ms vs ${p95(b)} ms`, met: p95(a) < p95(b) / 2 });
      if (n === 1000) results.targets.push({ target: '1,000-line file: per-keystroke p95 under 10 ms', value: `${p95(a)} ms (a server that does no work and sends the same ${floor.diagnostics} diagnostics: ${p95(floor)} ms)`, met: p95(a) < 10 });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const oursMem = await memoryWithDocuments(ours, 100);
  const peerMem = await memoryWithDocuments(peer, 100);
  results.editor.push({ residentMBWith100Documents: { dockwise: oursMem, rcjsuen: peerMem } });
  results.targets.push({ target: 'resident memory with 100 documents below rcjsuen\'s', value: `${oursMem} MB vs ${peerMem} MB`, met: oursMem < peerMem });
}

/**
 * Whole-process timings of several commands, run in turn (A B C A B C …) so that the machine's drift falls on
 * all of them alike; each command's minimum and median wall time, and the median of `ratio`'s first command
 * over each other one, run by run.
 */
function timeCommands(commands, runs) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs + 1; i++) {
    for (const [name, [cmd, ...args]] of Object.entries(commands)) {
      const t = now();
      spawnSync(cmd, args, { stdio: 'ignore', maxBuffer: 1 << 28 });
      if (i > 0) times[name].push(now() - t); // the first round warms the file cache and is not counted
    }
  }
  const out = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { minMs: round(Math.min(...xs), 1), medianMs: round(median(xs), 1) }]));
  const [first, ...others] = Object.keys(commands);
  out.ratios = Object.fromEntries(others.map((k) => [`${first}/${k}`, round(median(times[first].map((x, i) => x / times[k][i])), 2)]));
  return out;
}

/** tally, the Go linter (TALLY, or node_modules after `npm install --no-save @wharflab/tally-linux-x64`): undefined when absent. */
function tallyBinary() {
  const candidates = [process.env.TALLY, path.join(root, 'node_modules/@wharflab/tally-linux-x64/bin/tally')].filter(Boolean);
  return candidates.find((f) => fs.existsSync(f) && spawnSync(f, ['version'], { encoding: 'utf8' }).status === 0);
}

/**
 * The files of a corpus each in a folder of its own as `Dockerfile` (tally lints only files named like
 * Dockerfiles), and the ones tally cannot parse left out, since it stops at the first: found by linting the
 * corpus in chunks, leaving out the file it names and trying the chunk again.
 */
function corpusForCommands(corpus, tally) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cli-corpus-'));
  let files = readCorpus(corpus).map((f) => {
    fs.mkdirSync(path.join(dir, f.name));
    fs.writeFileSync(path.join(dir, f.name, 'Dockerfile'), f.text);
    return path.join(dir, f.name, 'Dockerfile');
  });
  const excluded = [];
  if (tally) {
    const kept = [];
    for (let i = 0; i < files.length; i += 50) {
      let chunk = files.slice(i, i + 50);
      for (;;) {
        const r = spawnSync(tally, ['lint', '--slow-checks', 'off', '--format', 'json', ...chunk], { encoding: 'utf8', maxBuffer: 1 << 28 });
        const bad = r.status === 2 && /failed to lint (.+?\/Dockerfile):/.exec(r.stderr ?? '')?.[1];
        if (!bad || !chunk.includes(bad)) break;
        excluded.push(path.basename(path.dirname(bad)));
        chunk = chunk.filter((f) => f !== bad);
      }
      kept.push(...chunk);
    }
    files = kept;
  }
  return { dir, files, excluded };
}

function cliSection() {
  if (!fs.existsSync('dist/cli.js')) throw new Error('bench: dist/cli.js is missing (npm run build)');
  const one = path.resolve('examples/spring-boot/Dockerfile');
  const utilsRunner = path.join(root, 'scripts/bench-dockerfile-utils.cjs');
  const utilsCli = path.join(root, 'node_modules/dockerfile-utils/bin/dockerfile-utils');
  const peerCli = path.join(root, 'node_modules/dockerfilelint/bin/dockerfilelint');
  const tally = tallyBinary();
  const runs = quick ? 5 : 15;
  const node = process.execPath;
  const oneFile = {
    dockwise: [node, 'dist/cli.js', one],
    'dockerfile-utils': [node, utilsCli, 'lint', '--json', one],
    ...(tally ? { tally: [tally, 'lint', '--slow-checks', 'off', one] } : {}),
    dockerfilelint: [node, peerCli, one],
  };
  results.cli = {
    tally: tally ? spawnSync(tally, ['version'], { encoding: 'utf8' }).stdout.trim() : 'not installed (npm install, or set TALLY to its binary)',
    oneFile: timeCommands(oneFile, runs),
    version: timeCommands({ dockwise: [node, 'dist/cli.js', '--version'] }, runs).dockwise,
  };
  results.targets.push({ target: 'dockwise on one file: under 150 ms whole-process', value: `${results.cli.oneFile.dockwise.medianMs} ms`, met: results.cli.oneFile.dockwise.medianMs < 150 });
  const corpus = process.env.BENCH_CORPUS;
  if (!corpus) return;
  const { dir, files, excluded } = corpusForCommands(corpus, tally);
  const commands = {
    dockwise: [node, 'dist/cli.js', '--format', 'json', ...files],
    'dockerfile-utils': [node, utilsRunner, ...files],
    ...(tally ? { tally: [tally, 'lint', '--slow-checks', 'off', '--format', 'json', ...files] } : {}),
  };
  results.cli.corpus = { corpus, files: files.length, excludedBecauseTallyCannotParseThem: excluded, ...timeCommands(commands, quick ? 3 : 5) };
  fs.rmSync(dir, { recursive: true, force: true });
  const vsUtils = results.cli.corpus.ratios['dockwise/dockerfile-utils'];
  results.targets.push({ target: `corpus (${files.length} files) whole-process: at most 1.3× dockerfile-utils' validate`, value: `${vsUtils}×`, met: vsUtils <= 1.3 });
  if (tally) results.targets.push({ target: `corpus (${files.length} files) whole-process: faster than tally --slow-checks off`, value: `${results.cli.corpus.ratios['dockwise/tally']}×`, met: results.cli.corpus.ratios['dockwise/tally'] < 1 });
}

/** The bundles' sizes and the .vsix's, packaged in this run exactly as `npm run package` does. */
function packageSection() {
  const size = (f) => (fs.existsSync(f) ? round(fs.statSync(f).size / 1024, 1) : null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-vsix-'));
  const vsix = path.join(dir, 'dockwise.vsix');
  const packaged = packageVsix(vsix);
  const activation = fs.existsSync('.e2e/timings.json') ? JSON.parse(fs.readFileSync('.e2e/timings.json', 'utf8')) : null;
  results.package = { bundlesKB: Object.fromEntries(['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/tree-sitter-bash.wasm', 'dist/web-tree-sitter.wasm'].map((f) => [f, size(f)])), vsixKB: packaged.ok ? size(vsix) : null, ...(packaged.ok ? {} : { vsixError: packaged.output.slice(-500) }), activationToDiagnostics: activation };
  if (packaged.ok) results.targets.push({ target: '.vsix under 1.5 MB', value: `${size(vsix)} KB`, met: size(vsix) < 1536 });
  fs.rmSync(dir, { recursive: true, force: true });
}

engineSection('committed corpus', committedCorpus());
if (process.env.BENCH_CORPUS) engineSection(`real-world corpus (${process.env.BENCH_CORPUS})`, readCorpus(process.env.BENCH_CORPUS));
scalingSection();
await editorSection();
cliSection();
packageSection();

fs.mkdirSync('bench', { recursive: true });
fs.writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
const md = [`# Benchmark results`, '', `Generated by \`npm run bench\` on ${results.date.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, Node ${results.machine.node}, ${results.machine.platform}.`, '', '## Targets', '', '| Target | Measured | Met |', '|---|---|---|', ...results.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**missed**'} |`)];
for (const s of results.engine) {
  md.push('', `## Engine: ${s.corpus}`, '', `${s.files} files, ${s.lines} lines, ${s.runBodies} RUN bodies; median of several passes after warm-up.${Object.keys(s.peerCrashes).length ? ` Peers that threw (files skipped in their timing): ${Object.entries(s.peerCrashes).map(([k, v]) => `${k} on ${v} files`).join(', ')}.` : ''}`, '', '| | ms per pass | files/s | ms per 1,000 lines | × full lint |', '|---|---|---|---|---|', ...s.rows.map((r) => `| ${r.name} | ${r.msPerPass} | ${r.filesPerSecond} | ${r.msPer1000Lines} | ${r.ratioToFullLint} |`));
}
md.push('', '## Scaling (one generated file, cold)', '', '| Lines | ms | ms per 1,000 lines |', '|---|---|---|', ...results.scaling.points.map((p) => `| ${p.lines} | ${p.ms} | ${p.msPer1000Lines} |`), '', `Slope: ${results.scaling.slopeMsPer1000Lines} ms per 1,000 lines.`);
md.push('', '## Editor (lsp-bench, same files, same run)', '', '```json', JSON.stringify(results.editor, null, 2), '```');
md.push('', '## Command line (whole process)', '');
const commandTable = (t) => ['| | median ms | min ms | dockwise ÷ it (median of run-by-run ratios) |', '|---|---|---|---|',
  ...Object.entries(t).filter(([k]) => k !== 'ratios').map(([k, v]) => `| ${k} | ${v.medianMs} | ${v.minMs} | ${t.ratios[`dockwise/${k}`] ?? ''} |`)];
if (results.cli.skipped) md.push(results.cli.skipped);
else {
  md.push(`Each command a fresh process, the commands in turn, the first round not counted. tally: ${results.cli.tally}, run with \`--slow-checks off\`. dockerfile-utils: its own command for one file; for the corpus, scripts/bench-dockerfile-utils.cjs, which does what its command does for each file in one process.`, '');
  const { ratios, ...oneFile } = results.cli.oneFile;
  md.push(`One file, cold (examples/spring-boot/Dockerfile); \`dockwise --version\`: ${results.cli.version.medianMs} ms.`, '', ...commandTable({ ...oneFile, ratios }));
  const c = results.cli.corpus;
  if (c) {
    md.push('', `The corpus ${c.corpus}: ${c.files} files, each as \`Dockerfile\` in a folder of its own, all in one command line. Left out, as tally stops at a file it cannot parse: ${c.excludedBecauseTallyCannotParseThem.length ? c.excludedBecauseTallyCannotParseThem.join(', ') : 'none'}.`, '');
    const { corpus, files, excludedBecauseTallyCannotParseThem, ...timed } = c;
    md.push(...commandTable(timed));
  } else md.push('', 'No corpus: set BENCH_CORPUS to a folder of Dockerfiles.');
}
md.push('', '## Package', '', '```json', JSON.stringify(results.package, null, 2), '```', '');
fs.writeFileSync('bench/results.md', md.join('\n'));
console.log(md.slice(0, 12 + results.targets.length).join('\n'));
