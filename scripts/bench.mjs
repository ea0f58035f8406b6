// `npm run bench`: Dockwise and its peers on the same files in the same run. Writes bench/results.md and
// bench/results.json. Benchmarks never fail on a number; the report says which target is missed.
// BENCH_QUICK=1: fewer passes and keystrokes. BENCH_SECTIONS=editor,cli: only those sections, printed and not
// written. tally (TALLY, or node_modules after `npm install --no-save @wharflab/tally-linux-x64`) joins when there.
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
const results = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` }, date: new Date().toISOString(), engine: [], scaling: null, editor: [], tallyInEditor: null, memory: null, cli: null, package: null, targets: [] };
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

/** lsp-bench's figures for `server` typing in `file` (`pull`: the client pulls diagnostics, as VS Code's does). */
function lspBench(server, file, { pull = false, edits = quick ? 20 : 60 } = {}) {
  const r = spawnSync(process.execPath, [lspBenchScript, '--server', server, '--file', file, '--edits', String(edits), '--modules', root, ...(pull ? ['--pull'] : [])], { encoding: 'utf8', timeout: 600000 });
  const line = (r.stdout ?? '').trim().split('\n').pop();
  try { return JSON.parse(line); } catch { return { error: (r.stderr || r.stdout || 'no output').slice(0, 300) }; }
}

/** A server over stdio, initialized as a client that pulls diagnostics (when `pull`) or only takes them published. */
async function startStdioServer(command, pull) {
  const rpc = require('vscode-jsonrpc/node');
  const [cmd, ...args] = command.split(' ');
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => { published.push(p); });
  conn.onRequest(() => null);
  conn.listen();
  const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: pull ? { textDocument: { diagnostic: {} } } : {} });
  conn.sendNotification('initialized', {});
  const stop = () => { conn.dispose(); child.kill(); };
  return { child, conn, published, pulls: pull && !!init.capabilities.diagnosticProvider, stop };
}

/**
 * Resident memory of a server after `count` documents were opened and their diagnostics came (pulled one after
 * the other from a server that offers pulls, as an editor pulls what it shows; else published), or a deadline passed.
 */
async function memoryWithDocuments(command, count, { pull = false, deadlineMs = 120000 } = {}) {
  const server = await startStdioServer(command, pull);
  const files = committedCorpus();
  const uri = (i) => `file:///bench/doc${i}/Dockerfile`;
  for (let i = 0; i < count; i++) {
    const f = files[i % files.length];
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(i), languageId: 'dockerfile', version: 1, text: f.text } });
  }
  const t0 = now();
  let answered = 0;
  if (server.pulls) {
    for (let i = 0; i < count && now() - t0 < deadlineMs; i++) if (await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(i) } }).catch(() => null)) answered++;
  } else {
    while (server.published.length < count && now() - t0 < deadlineMs) await new Promise((r) => setTimeout(r, 50));
    answered = new Set(server.published.map((p) => p.uri)).size;
  }
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const rssMB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  server.stop();
  return { rssMB: round(rssMB, 1), pulled: server.pulls, documentsWithDiagnostics: answered };
}

/** What Dockwise publishes for `file` when it is opened (the diagnostics array). */
async function publishedOnOpen(command, file) {
  const server = await startStdioServer(command, false);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bench/Dockerfile', languageId: 'dockerfile', version: 1, text: fs.readFileSync(file, 'utf8') } });
  while (!server.published.length) await new Promise((r) => setTimeout(r, 10));
  server.stop();
  return server.published[0].diagnostics;
}

/** About `lines` lines of real Dockerfiles, with their findings: the files of bench/corpus/own one after another, in name order. */
function realDockerfiles(lines) {
  const own = readCorpus('bench/corpus/own');
  const out = [];
  for (let i = 0; out.length < lines; i++) out.push(...own[i % own.length].text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n'));
  return out.join('\n') + '\n';
}

/** The run with the median keystroke p95 of several (the p95 moves by a quarter from one run to the next), with every run's p95. */
function medianRun(xs) {
  const ok = xs.filter((x) => x?.editDiagnosticsMs);
  if (!ok.length) return xs[0];
  const sorted = [...ok].sort((x, y) => x.editDiagnosticsMs.p95 - y.editDiagnosticsMs.p95);
  return { ...sorted[Math.floor(sorted.length / 2)], p95OfEachRun: ok.map((x) => x.editDiagnosticsMs.p95) };
}

async function editorSection() {
  const ours = 'node dist/server.js --stdio';
  const peerBin = path.join(root, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver');
  // npm run bench builds first and the peer is a devDependency: a missing one is an error, not a shorter report.
  for (const f of ['dist/server.js', peerBin]) if (!fs.existsSync(f)) throw new Error(`bench: ${f} is missing (npm run build; npm install)`);
  const peer = `node ${peerBin} --stdio`;
  // tally's server lints the whole file again on each change, in seconds on a long one: a few keystrokes, one run.
  const tally = tallyBinary();
  const tallyServer = tally && `${tally} lsp --stdio`;
  const tallyEdits = quick ? 3 : 10;
  results.tallyInEditor = tally ? `${spawnSync(tally, ['version'], { encoding: 'utf8' }).stdout.trim()}, pulled, ${tallyEdits} keystrokes in one run` : 'not installed (npm install --no-save @wharflab/tally-linux-x64, or set TALLY to its binary)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-'));
  const files = [
    { name: 'generated, 150 lines', file: 'Dockerfile.150', text: generateDockerfile(150) },
    { name: 'generated, 1,000 lines', file: 'Dockerfile.1000', text: generateDockerfile(1000), long: true },
    // Real Dockerfiles have findings on most of their lines: each keystroke then sends hundreds of diagnostics.
    { name: 'real Dockerfiles, 1,000 lines', file: 'Dockerfile.real1000', text: realDockerfiles(1000), long: true },
  ];
  for (const { name, file: base, text, long } of files) {
    const file = path.join(dir, base);
    fs.writeFileSync(file, text);
    // The floor: a server that does no work and answers every keystroke with what Dockwise sends for the file.
    const replayed = path.join(dir, `${base}.diagnostics.json`);
    fs.writeFileSync(replayed, JSON.stringify(await publishedOnOpen(ours, file)));
    const replay = `node ${path.join(root, 'scripts/bench-replay-server.mjs')} ${replayed} --stdio`;
    // Each server runs several times, in turn, and the run with the median p95 is reported.
    const runs = { pull: [], push: [], rcjsuen: [], floorPull: [], floorPush: [] };
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      runs.pull.push(lspBench(ours, file, { pull: true }));
      runs.push.push(lspBench(ours, file));
      runs.rcjsuen.push(lspBench(peer, file));
      runs.floorPull.push(lspBench(replay, file, { pull: true }));
      runs.floorPush.push(lspBench(replay, file));
    }
    const row = (server, r) => ({ server, diagnostics: r?.diagnostics, pulled: r?.pull, editDiagnosticsMs: r?.editDiagnosticsMs, p95OfEachRun: r?.p95OfEachRun, openToDiagnosticsMs: r?.openToDiagnosticsMs, hoverMs: r?.hoverMs, codeActionMs: r?.codeActionMs, rssMB: r?.rssMB, ...(r?.error ? { error: r.error } : {}) });
    const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, medianRun(v)]));
    const rows = [
      row('Dockwise, pulled', m.pull), row('Dockwise, published', m.push), row('rcjsuen (Docker extensions\' server)', m.rcjsuen),
      ...(tallyServer ? [row('tally lsp', lspBench(tallyServer, file, { pull: true, edits: tallyEdits }))] : []),
      row('no work, same diagnostics, pulled', m.floorPull), row('no work, same diagnostics, published', m.floorPush),
    ];
    results.editor.push({ file: name, lines: text.split('\n').length - 1, diagnosticsBytes: fs.statSync(replayed).size, rows });
    const p95 = (x) => x?.editDiagnosticsMs?.p95;
    if (p95(m.pull) !== undefined && p95(m.rcjsuen) !== undefined) {
      results.targets.push({ target: `${name}: per-keystroke p95 (pulled) under half of rcjsuen's`, value: `${p95(m.pull)} ms vs ${p95(m.rcjsuen)} ms`, met: p95(m.pull) < p95(m.rcjsuen) / 2 });
    }
    if (long && p95(m.pull) !== undefined) {
      results.targets.push({ target: `${name}: per-keystroke p95 under 10 ms (pulled)`, value: `${p95(m.pull)} ms; published ${p95(m.push)} ms; a server that does no work and sends the same ${m.floorPull?.diagnostics} diagnostics: ${p95(m.floorPull)} ms pulled, ${p95(m.floorPush)} ms published`, met: p95(m.pull) < 10 });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const memory = {
    'Dockwise, pulled': await memoryWithDocuments(ours, 100, { pull: true }),
    'Dockwise, published': await memoryWithDocuments(ours, 100),
    'rcjsuen (Docker extensions\' server)': await memoryWithDocuments(peer, 100),
    ...(tallyServer ? { 'tally lsp': await memoryWithDocuments(tallyServer, 100, { pull: true }) } : {}),
  };
  results.memory = { documents: 100, servers: memory };
  const oursMem = memory['Dockwise, pulled'].rssMB;
  const peerMem = memory['rcjsuen (Docker extensions\' server)'].rssMB;
  results.targets.push({ target: 'resident memory with 100 documents at or below rcjsuen\'s', value: `${oursMem} MB (published: ${memory['Dockwise, published'].rssMB} MB) vs ${peerMem} MB`, met: oursMem <= peerMem });
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

// BENCH_SECTIONS=editor (a comma-separated list) runs only those and prints them, leaving bench/results.* as they are.
const ALL_SECTIONS = ['engine', 'scaling', 'editor', 'cli', 'package'];
const sections = new Set(process.env.BENCH_SECTIONS ? process.env.BENCH_SECTIONS.split(',') : ALL_SECTIONS);
const complete = ALL_SECTIONS.every((x) => sections.has(x));
if (sections.has('engine')) {
  engineSection('committed corpus', committedCorpus());
  if (process.env.BENCH_CORPUS) engineSection(`real-world corpus (${process.env.BENCH_CORPUS})`, readCorpus(process.env.BENCH_CORPUS));
}
if (sections.has('scaling')) scalingSection();
if (sections.has('editor')) await editorSection();
if (sections.has('cli')) cliSection();
if (sections.has('package')) packageSection();

if (complete) {
  fs.mkdirSync('bench', { recursive: true });
  fs.writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
}
const md = [`# Benchmark results`, '', `Generated by \`npm run bench\` on ${results.date.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, Node ${results.machine.node}, ${results.machine.platform}.`, '', '## Targets', '', '| Target | Measured | Met |', '|---|---|---|', ...results.targets.map((t) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**missed**'} |`)];
for (const s of results.engine) {
  md.push('', `## Engine: ${s.corpus}`, '', `${s.files} files, ${s.lines} lines, ${s.runBodies} RUN bodies; median of several passes after warm-up.${Object.keys(s.peerCrashes).length ? ` Peers that threw (files skipped in their timing): ${Object.entries(s.peerCrashes).map(([k, v]) => `${k} on ${v} files`).join(', ')}.` : ''}`, '', '| | ms per pass | files/s | ms per 1,000 lines | × full lint |', '|---|---|---|---|---|', ...s.rows.map((r) => `| ${r.name} | ${r.msPerPass} | ${r.filesPerSecond} | ${r.msPer1000Lines} | ${r.ratioToFullLint} |`));
}
if (results.scaling) md.push('', '## Scaling (one generated file, cold)', '', '| Lines | ms | ms per 1,000 lines |', '|---|---|---|', ...results.scaling.points.map((p) => `| ${p.lines} | ${p.ms} | ${p.msPer1000Lines} |`), '', `Slope: ${results.scaling.slopeMsPer1000Lines} ms per 1,000 lines.`);
if (results.editor.length) md.push('', '## Editor (lsp-bench, same files, same run)', '', `Each keystroke types a space at the end of a line or deletes it, and is timed from the change until its diagnostics arrive (published) or until the answer to the pull that follows it (pulled). tally: ${results.tallyInEditor}.`);
for (const e of results.editor) {
  md.push('', `### ${e.file} (${e.lines} lines; Dockwise sends ${e.diagnosticsBytes} bytes of diagnostics)`, '', '| Server | diagnostics | keystroke p50 ms | p95 ms | max ms | p95 of each run | open → diagnostics ms | RSS MB |', '|---|---|---|---|---|---|---|---|',
    ...e.rows.map((r) => `| ${r.server} | ${r.error ? `failed: ${r.error.split('\n')[0]}` : r.diagnostics} | ${r.editDiagnosticsMs?.p50 ?? ''} | ${r.editDiagnosticsMs?.p95 ?? ''} | ${r.editDiagnosticsMs?.max ?? ''} | ${r.p95OfEachRun?.join(', ') ?? ''} | ${r.openToDiagnosticsMs ?? ''} | ${r.rssMB ?? ''} |`));
}
if (results.memory) {
  md.push('', `### Resident memory with ${results.memory.documents} documents open`, '', 'The committed corpus\'s files opened in turn, then their diagnostics pulled one after the other (from a server that offers pulls) or waited for.', '', '| Server | RSS MB | documents with diagnostics |', '|---|---|---|',
    ...Object.entries(results.memory.servers).map(([k, v]) => `| ${k} | ${v.rssMB} | ${v.documentsWithDiagnostics} |`));
}
if (results.cli) md.push('', '## Command line (whole process)', '');
const commandTable = (t) => ['| | median ms | min ms | dockwise ÷ it (median of run-by-run ratios) |', '|---|---|---|---|',
  ...Object.entries(t).filter(([k]) => k !== 'ratios').map(([k, v]) => `| ${k} | ${v.medianMs} | ${v.minMs} | ${t.ratios[`dockwise/${k}`] ?? ''} |`)];
if (results.cli?.skipped) md.push(results.cli.skipped);
else if (results.cli) {
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
if (results.package) md.push('', '## Package', '', '```json', JSON.stringify(results.package, null, 2), '```', '');
if (complete) {
  fs.writeFileSync('bench/results.md', md.join('\n'));
  console.log(md.slice(0, 12 + results.targets.length).join('\n'));
} else console.log(md.join('\n'));
