#!/usr/bin/env node
// A language server that does no work: it answers every opened or changed document with the diagnostics in a
// JSON file (what Dockwise published for it), serialized once: published, or as the answer to a pull when the
// client pulls (LSP 3.17). Run by lsp-bench beside the real servers, it shows how much of a keystroke's latency
// is only sending and reading that many diagnostics.
// usage: bench-replay-server.mjs DIAGNOSTICS.json --stdio
import fs from 'node:fs';

const diagnostics = JSON.stringify(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
let pending = Buffer.alloc(0);
let pull = false;

function send(json) {
  process.stdout.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`);
}

function handle(msg) {
  if (msg.method === 'initialize') {
    pull = msg.params?.capabilities?.textDocument?.diagnostic !== undefined;
    send(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { capabilities: { textDocumentSync: 2, ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}) } } }));
  } else if (msg.method === 'textDocument/diagnostic') send(`{"jsonrpc":"2.0","id":${JSON.stringify(msg.id)},"result":{"kind":"full","items":${diagnostics}}}`);
  else if ((msg.method === 'textDocument/didOpen' || msg.method === 'textDocument/didChange') && !pull) {
    const { uri, version } = msg.params.textDocument;
    send(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${diagnostics}}}`);
  } else if (msg.method === 'exit') process.exit(0);
  else if (msg.id !== undefined) send(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: null }));
}

process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const headerEnd = pending.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length:\s*(\d+)/i.exec(pending.subarray(0, headerEnd).toString('ascii'))?.[1]);
    if (pending.length < headerEnd + 4 + length) return;
    const body = pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    pending = pending.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
