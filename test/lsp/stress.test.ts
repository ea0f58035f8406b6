// The server under stress: rapid edits, many documents, closing while linting, requests for stale versions.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

let editor: Editor;
const published: Array<{ uri: string; version?: number; count: number }> = [];
before(async () => {
  await initShellParser();
  editor = await startEditor({ configuration: false });
  editor.listeners.push((p) => { published.push({ uri: p.uri, version: p.version, count: p.diagnostics.length }); });
});
after(() => editor.close());

const settle = () => new Promise((r) => setTimeout(r, 300));
/** Waits for `cond`, however long a busy machine takes (a hang is stopped by the test's guard). */
async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 50));
}

it('200 rapid edits: the last published diagnostics are for the latest version, and nothing for a stale one after it', async () => {
  const uri = 'untitled:rapid';
  await editor.open(uri, 'FROM alpine:latest\n');
  published.length = 0;
  let text = 'FROM alpine:latest\n';
  for (let v = 2; v <= 201; v++) {
    text += v % 2 ? 'RUN apk add curl\n' : '# c\n';
    void editor.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  }
  await until(() => published.some((p) => p.uri === uri && p.version === 201));
  await settle();
  const mine = published.filter((p) => p.uri === uri);
  assert.ok(mine.length > 0);
  assert.equal(mine[mine.length - 1].version, 201);
  const versions = mine.map((p) => p.version ?? 0);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go forward');
});

it('100 open documents get diagnostics and memory stays bounded', async () => {
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100; i++) void editor.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: `untitled:doc${i}`, languageId: 'dockerfile', version: 1, text: `FROM node:${i}\nRUN npm install\n`.repeat(20) } });
  const opened = () => new Set(published.filter((p) => p.uri.startsWith('untitled:doc')).map((p) => p.uri));
  await until(() => opened().size === 100);
  const uris = opened();
  assert.equal(uris.size, 100);
  for (let i = 0; i < 100; i++) void editor.conn.sendNotification('textDocument/didClose', { textDocument: { uri: `untitled:doc${i}` } });
  await settle();
  global.gc?.();
  assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024, 'heap grew by less than 200 MB');
});

it('a document closed while it is being linted ends with empty diagnostics', async () => {
  const uri = 'untitled:closing';
  published.length = 0;
  void editor.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM alpine:latest\nRUN apk add curl\n'.repeat(500) } });
  void editor.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  // Waits for the close's empty publication (a loaded machine may take longer than a fixed pause), then long
  // enough for a stale lint to publish after it.
  await until(() => published.some((p) => p.uri === uri && p.count === 0));
  await settle();
  const mine = published.filter((p) => p.uri === uri);
  assert.ok(mine.length >= 1);
  assert.equal(mine[mine.length - 1].count, 0, 'the last word is "no diagnostics"');
});

it('requests about a version that is gone still get answers', async () => {
  const uri = 'untitled:gone';
  await editor.open(uri, 'FROM alpine:latest\nMAINTAINER me\n');
  void editor.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'FROM alpine:3.21\n' }] });
  const hover = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.equal(hover, null);
  const actions = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, context: { diagnostics: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, message: 'x', source: 'dockwise', code: 'maintainer-deprecated' }] } });
  assert.deepEqual(actions, []);
});
