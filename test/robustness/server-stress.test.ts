// The real language server (dist/server.js --stdio, as editors other than VS Code start it) under stress,
// out of process so its own memory can be measured: rapid incremental edits, 100 open documents opened and
// closed again and again, a document closed while it is linted, requests about versions and documents that
// are gone, malformed notifications. It must keep answering, publish diagnostics whose versions only move
// forward and end on the latest one, match a fresh lint of the final text, and keep its memory bounded.
// Fails, rather than skips, when dist/server.js has not been built (`npm run build`; `npm test` builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { buildLintOptions, lintText } from '../../server/src/engine';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';

const root = path.resolve(__dirname, '../../..');
const serverJs = path.join(root, 'dist/server.js');
const own = path.join(root, 'bench/corpus/own');
const samples = fs.readdirSync(own).sort().map((f) => fs.readFileSync(path.join(own, f), 'utf8'));

let server: ChildProcess;
let conn: MessageConnection;
const published: PublishDiagnosticsParams[] = [];
let stderr = '';

/** The server's resident memory in MB (Linux), or undefined. */
function rssMb(): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** What the test is waiting for, if anything: a test stopped as hung (test/support/hang-guard.ts) says so. */
let waitingFor = '';

/** Waits for `cond`, however long a busy machine takes: no deadline here, a hang is stopped by the runner's guard. */
async function until(cond: () => boolean, what: string): Promise<void> {
  waitingFor = what;
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
  waitingFor = '';
}

const forUri = (uri: string) => published.filter((p) => p.uri === uri);
const lastFor = (uri: string) => forUri(uri).at(-1);
/** A round trip: once the server answers, it has handled every message sent before. */
const roundTrip = () => conn.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:never-opened' }, position: { line: 0, character: 0 } });
const open = (uri: string, text: string, version = 1) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
const key = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

function expectedKeys(text: string): string[] {
  const { findings, model } = lintText(text, buildLintOptions({}));
  return findings.map((f) => ((r) => `${f.rule} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`)(model.range(f.start, f.end))).sort();
}

describe('language server under stress (dist/server.js --stdio)', () => {
  before(async () => {
    assert.ok(fs.existsSync(serverJs), 'dist/server.js is not built (npm run build)');
    await initShellParser();
    server = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', (d) => { stderr += d; });
    conn = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.push(p); });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('window/showMessage', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } });
    void conn.sendNotification('initialized', {});
  });

  after(async () => {
    if (waitingFor) console.error(`stopped while waiting for ${waitingFor}; server stderr: ${stderr.slice(-500)}`);
    if (!conn) return;
    try {
      await conn.sendRequest('shutdown');
      void conn.sendNotification('exit');
    } finally {
      const exited = new Promise((r) => server.once('exit', r));
      setTimeout(() => server.kill('SIGKILL'), 5000).unref();
      await exited;
      conn.dispose();
    }
  });

  it('200 rapid incremental edits: versions only move forward, end on the latest, and match a fresh lint', async () => {
    const uri = 'untitled:rapid';
    void open(uri, '');
    // Type a realistic Dockerfile one piece at a time (about 200 edits), with no pause between them.
    const target = samples.join('\n').slice(0, 4000);
    const pieces = target.match(/[\s\S]{1,20}/g)!;
    let text = '';
    let version = 1;
    for (const piece of pieces) {
      const lines = text.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      text += piece;
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: end, end }, text: piece }] });
    }
    assert.ok(version >= 200);
    await until(() => lastFor(uri)?.version === version, `diagnostics for version ${version}`);
    await roundTrip();
    await new Promise((r) => setTimeout(r, 300));
    const versions = forUri(uri).map((p) => p.version ?? 0);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
    assert.equal(lastFor(uri)!.version, version);
    assert.deepEqual(lastFor(uri)!.diagnostics.map(key).sort(), expectedKeys(text));
  });

  it('100 open documents, opened and closed five times (STRESS_ROUNDS): every one gets diagnostics, every close clears them, memory stays bounded', async () => {
    const rss: number[] = [];
    for (let round = 0; round < Number(process.env.STRESS_ROUNDS ?? 5); round++) {
      const before = published.length;
      const uris = Array.from({ length: 100 }, (_, i) => `untitled:doc-${round}-${i}`);
      // Unique text per document, so nothing is served from the caches of the round before.
      uris.forEach((uri, i) => open(uri, `${samples[i % samples.length]}\nRUN echo round ${round} document ${i} && ls /srv/${round}/${i}\n`));
      await until(() => new Set(published.slice(before).filter((p) => p.version === 1).map((p) => p.uri)).size === 100, '100 documents linted');
      for (const uri of uris) void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await roundTrip();
      await until(() => uris.every((u) => lastFor(u)?.diagnostics.length === 0), 'diagnostics cleared on close');
      const m = rssMb();
      if (m !== undefined) rss.push(m);
    }
    if (process.env.DOCKWISE_DEBUG) console.log(`server RSS after each round (MB): ${rss.map((m) => m.toFixed(0)).join(', ')}`);
    if (rss.length >= 3) {
      // Warm after the first round: what later rounds keep adding is a leak (documents, models kept after
      // close). The parsed-RUN cache is bounded (4,000 bodies, then cleared): 30 rounds grow about 70 MB.
      const last = rss[rss.length - 1];
      assert.ok(last - rss[1] < 150, `server memory grew from ${rss[1].toFixed(0)} MB to ${last.toFixed(0)} MB over ${rss.length - 2} rounds of 100 documents`);
      assert.ok(last < 1024, `server uses ${last.toFixed(0)} MB`);
    }
  });

  for (const delay of [0, 300]) {
    it(`a document closed ${delay ? `${delay} ms into` : 'right at the start of'} its lint ends with no diagnostics`, async () => {
      const uri = `untitled:closing-${delay}`;
      const big = samples.join('\n').repeat(40); // about 700 KB: seconds of linting
      void open(uri, big);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const small = `untitled:after-close-${delay}`;
      void open(small, 'FROM alpine:latest\n');
      await until(() => !!lastFor(small), 'the next document');
      await roundTrip();
      await new Promise((r) => setTimeout(r, 300));
      const mine = forUri(uri);
      assert.ok(mine.length >= 1, 'the close is published');
      assert.deepEqual(mine.at(-1)!.diagnostics, [], 'the last word is "no diagnostics"');
    });
  }

  it('requests about a version, a range or a document that is gone still get answers', async () => {
    const uri = 'untitled:gone';
    void open(uri, 'FROM alpine:latest\nMAINTAINER me\nRUN apt-get update\n');
    await until(() => lastFor(uri)?.version === 1, 'first diagnostics');
    const stale = lastFor(uri)!.diagnostics;
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'FROM alpine:3.21\n' }] });
    // Positions and diagnostics of version 1, asked about after version 2 arrived.
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
    const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } });
    assert.equal(hover, null);
    const actions = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: stale } });
    assert.ok(Array.isArray(actions) || actions === null);
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: 'untitled:nope' }, position: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri: 'untitled:nope' }, range, context: { diagnostics: [] } }],
      ['textDocument/foldingRange', { textDocument: { uri: 'untitled:nope' } }],
      ['workspace/executeCommand', { command: 'dockwise.server.fixAll', arguments: ['untitled:nope'] }],
      ['workspace/executeCommand', { command: 'dockwise.server.fixAll', arguments: [] }],
    ] as const) {
      await conn.sendRequest(method, params).catch(() => undefined); // an error answer is an answer
    }
    await until(() => lastFor(uri)?.version === 2, 'diagnostics for version 2');
  });

  it('malformed and out-of-order notifications do not take it down', async () => {
    const uri = 'untitled:odd';
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:never', version: 5 }, contentChanges: [{ text: 'x' }] });
    void conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:never' } });
    void open(uri, 'FROM alpine:3.21\n');
    void open(uri, 'FROM alpine:3.21\n'); // opened twice
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'RUN x\n' }] });
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 50 }, end: { line: 0, character: 2 } }, text: '\u0000\uD800' }] });
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [] });
    void conn.sendNotification('dockwise/unknownNotification', { x: 1 });
    await conn.sendRequest('dockwise/unknownRequest', {}).catch(() => undefined);
    await roundTrip();
    assert.equal(server.exitCode, null, `the server exited: ${stderr.slice(-500)}`);
    const last = await conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(last) || last === null);
  });
});
