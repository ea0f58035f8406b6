// Definition, references, highlights, rename, outline and links over LSP, as an editor asks for them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentHighlight, DocumentLink, DocumentSymbol, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver';
import { startEditor, type Editor } from './harness';

const FILE = [
  'FROM golang:1.23 AS build',
  'ENV CGO_ENABLED=0',
  'COPY go.mod ./',
  'RUN go build -o /app .',
  'FROM gcr.io/distroless/static-debian12',
  'COPY --from=build /app /app',
  'COPY --from=0 /etc/ssl /etc/ssl',
  'CMD ["/app"]',
  '',
].join('\n');

let tmp: string;
let editor: Editor;
const uriOf = (rel: string) => pathToFileURL(path.join(tmp, rel)).toString();
const pos = (line: number, character: number) => ({ line, character });
const spans = (ls: Array<{ range: { start: { line: number; character: number }; end: { character: number } } }>) => ls.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-nav-'));
  fs.mkdirSync(path.join(tmp, 'svc'));
  fs.writeFileSync(path.join(tmp, 'svc', 'go.mod'), 'module x\n');
  fs.mkdirSync(path.join(tmp, 'tools'));
  fs.writeFileSync(path.join(tmp, 'tools', 'Containerfile'), 'ARG BUILD_VERSION=1\nFROM alpine:3.21 AS builder\nENV BUILD_DIR=/b\n');
  fs.mkdirSync(path.join(tmp, 'node_modules', 'x'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'node_modules', 'x', 'Dockerfile'), 'FROM alpine AS build_in_node_modules\n');
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
  editor.settings = { languageFeatures: 'on' };
  await editor.open(uriOf('svc/Dockerfile'), FILE);
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('navigation over LSP', () => {
  const uri = () => uriOf('svc/Dockerfile');

  it('goes to the stage a --from names, and lists and highlights its references', async () => {
    const defs: Location[] = await editor.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri() }, position: pos(5, 14) });
    assert.deepEqual(spans(defs), ['0:20-25']);
    assert.equal(defs[0].uri, uri());
    const refs: Location[] = await editor.conn.sendRequest('textDocument/references', { textDocument: { uri: uri() }, position: pos(0, 21), context: { includeDeclaration: true } });
    assert.deepEqual(spans(refs), ['0:20-25', '5:12-17', '6:12-13']);
    const hl: DocumentHighlight[] = await editor.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri: uri() }, position: pos(5, 13) });
    assert.deepEqual(hl.map((h) => h.kind), [3, 2, 2]);
  });

  it('renames a stage in one versioned edit, the numeric reference untouched', async () => {
    const prep = await editor.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri() }, position: pos(5, 14) });
    assert.deepEqual(prep, { range: { start: pos(5, 12), end: pos(5, 17) }, placeholder: 'build' });
    const edit: WorkspaceEdit = await editor.conn.sendRequest('textDocument/rename', { textDocument: { uri: uri() }, position: pos(5, 14), newName: 'compile' });
    const change = edit.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ range: { start: { line: number; character: number } }; newText: string }> };
    assert.equal(change.textDocument.version, 1);
    assert.deepEqual(change.edits.map((e) => `${e.range.start.line}:${e.range.start.character}=${e.newText}`), ['0:20=compile', '5:12=compile']);
  });

  it('refuses a rename with the reason as the error message', async () => {
    await assert.rejects(editor.conn.sendRequest('textDocument/rename', { textDocument: { uri: uri() }, position: pos(5, 14), newName: 'golang:1' }), /not a stage name/);
    fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: svc\n      target: build\n');
    try {
      await assert.rejects(editor.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri() }, position: pos(0, 21) }), /`build` appears in \.\.\/compose\.yaml, which builds this Dockerfile: it may name the stage as a build target/);
    } finally {
      fs.rmSync(path.join(tmp, 'compose.yaml'));
    }
  });

  it('gives the outline: stages with their instructions and variables', async () => {
    const symbols: DocumentSymbol[] = await editor.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri() } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [['build', 'golang:1.23', 5], ['1', 'gcr.io/distroless/static-debian12 · final', 5]]);
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['ENV', 'COPY', 'RUN']);
    assert.deepEqual(symbols[0].children![0].children!.map((c) => [c.name, c.detail, c.kind]), [['CGO_ENABLED', '0', 13]]);
  });

  it('finds stages and variables of every Dockerfile of the workspace, opened or not', async () => {
    const found: SymbolInformation[] = await editor.conn.sendRequest('workspace/symbol', { query: 'build' });
    assert.deepEqual(found.map((s) => `${s.name} ${s.kind} ${s.containerName ?? ''} ${path.relative(tmp, new URL(s.location.uri).pathname)}:${s.location.range.start.line}`).sort(), [
      'BUILD_DIR 13 builder tools/Containerfile:2',
      'BUILD_VERSION 13  tools/Containerfile:0',
      'build 5  svc/Dockerfile:0',
      'builder 5  tools/Containerfile:1',
    ]);
    const fuzzy: SymbolInformation[] = await editor.conn.sendRequest('workspace/symbol', { query: 'cgoen' });
    assert.deepEqual(fuzzy.map((s) => s.name), ['CGO_ENABLED']);
  });

  it('links COPY sources to the files of the build context that exist', async () => {
    const links: DocumentLink[] = await editor.conn.sendRequest('textDocument/documentLink', { textDocument: { uri: uri() } });
    assert.deepEqual(links.map((l) => [spans([l])[0], l.target]), [['2:5-11', uriOf('svc/go.mod')]]);
  });
});

describe('beside a Docker extension', () => {
  it('offers no outline, navigation or rename of its own under `auto`, and does with `on`', async () => {
    const e = await startEditor({ initializationOptions: { dockerExtensionActive: true } });
    try {
      const u = 'file:///tmp/dockwise-dx/Dockerfile';
      await e.open(u, FILE);
      const ask = () => Promise.all([
        e.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } }) as Promise<unknown[]>,
        e.conn.sendRequest('textDocument/definition', { textDocument: { uri: u }, position: pos(5, 14) }) as Promise<unknown[]>,
        e.conn.sendRequest('textDocument/references', { textDocument: { uri: u }, position: pos(5, 14), context: { includeDeclaration: true } }) as Promise<unknown[]>,
        e.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: u }, position: pos(5, 14) }),
      ]);
      const [symbols, defs, refs, prep] = await ask();
      assert.deepEqual([symbols.length, defs.length, refs.length, prep], [0, 0, 0, null]);
      e.settings = { languageFeatures: 'on' };
      await e.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const [symbols2, defs2] = await ask();
      assert.deepEqual([symbols2.length, defs2.length], [2, 1]);
    } finally {
      e.close();
    }
  });
});
