// The server's stdio writer: every message as JSON.stringify would write it, diagnostics serialized once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-jsonrpc/node';
import { DirectMessageWriter } from '../../server/src/lsp/message-writer';

const diagnostic = (line: number, message: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 3 } }, severity: 2, code: 'r', source: 'dockwise', message });
const publish = (diagnostics: object[], version?: number): Message => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/Dockerfile', ...(version === undefined ? {} : { version }), diagnostics } } as Message);

describe('DirectMessageWriter', () => {
  it('writes what JSON.stringify writes, for diagnostics and for every other message', () => {
    const writer = new DirectMessageWriter(new PassThrough());
    const messages: Message[] = [
      publish([diagnostic(0, 'a'), diagnostic(1, 'quote " and ünïcode')], 3),
      publish([]),
      { jsonrpc: '2.0', id: 1, result: { capabilities: {} } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x' } } as Message,
      // Anything beyond uri, version and diagnostics goes through JSON.stringify as it is.
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [], extra: 1 } } as Message,
    ];
    for (const m of messages) assert.deepEqual(JSON.parse(writer.encode(m).toString('utf8')), JSON.parse(JSON.stringify(m)));
  });

  it('serializes a diagnostic once, however often it is published', () => {
    const writer = new DirectMessageWriter(new PassThrough());
    let reads = 0;
    const d = { ...diagnostic(2, 'b'), get code() { reads++; return 'r'; } };
    writer.encode(publish([d], 1));
    writer.encode(publish([d, diagnostic(3, 'c')], 2));
    assert.equal(reads, 1);
    assert.deepEqual(JSON.parse(writer.encode(publish([d], 3)).toString('utf8')).params.diagnostics[0].code, 'r');
  });

  it('writes an answer to a pull as JSON.stringify does, each diagnostic serialized once', () => {
    const writer = new DirectMessageWriter(new PassThrough());
    let reads = 0;
    const d = { ...diagnostic(2, 'b'), get code() { reads++; return 'r'; } };
    const answer = (id: number | string, result: object): Message => ({ jsonrpc: '2.0', id, result } as Message);
    const messages = [
      answer(4, { kind: 'full', resultId: 'd7', items: [d, diagnostic(3, 'quote " and ünïcode')] }),
      answer('x', { kind: 'full', items: [d] }),
      answer(5, { kind: 'unchanged', resultId: 'd7' }),
      answer(6, { kind: 'full', items: [], relatedDocuments: {} }),
    ];
    const written = messages.map((m) => JSON.parse(writer.encode(m).toString('utf8')));
    assert.equal(reads, 1);
    assert.deepEqual(written, messages.map((m) => JSON.parse(JSON.stringify(m))));
  });

  it('frames messages so a reader reads them back, multi-byte text included', async () => {
    const stream = new PassThrough();
    const writer = new DirectMessageWriter(stream);
    const reader = new StreamMessageReader(stream);
    const got: Message[] = [];
    const both = new Promise<void>((resolve) => reader.listen((m) => { got.push(m); if (got.length === 2) resolve(); }));
    const first = publish([diagnostic(0, 'ünïcode ✓')], 1);
    const second = { jsonrpc: '2.0', id: 7, result: null } as Message;
    await writer.write(first);
    await writer.write(second);
    await both;
    assert.deepEqual(got, [first, second]);
    reader.dispose();
  });
});
