// Pull diagnostics (LSP 3.17): an editor that pulls them gets them as answers, with result ids, and none published;
// the quick fixes come from the server's analysis, since diagnostics carry no fixes; workspace/diagnostic reports
// the Dockerfiles of the workspace that are not open.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextEdit, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initNodeShellParser, nodeHost } from '../../server/src/host/node';
import type { Finding } from '../../server/src/engine';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;
const uriOf = (rel: string) => pathToFileURL(path.join(tmp, rel)).toString();
const write = (rel: string, text: string) => { const p = path.join(tmp, rel); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return uriOf(rel); };
const short = (d: Diagnostic) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
const published: string[] = [];

function open(e: Editor, uri: string, text: string, version = 1): void {
  void e.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
}

function pull(e: Editor, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return e.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
}

async function full(e: Editor, uri: string): Promise<{ resultId: string; items: Diagnostic[] }> {
  const r = await pull(e, uri);
  assert.equal(r.kind, 'full');
  return { resultId: r.resultId!, items: (r as { items: Diagnostic[] }).items };
}

function edited(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits as TextEdit[] : []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-pull-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  editor = await startEditor({ rootUri: pathToFileURL(path.join(tmp, 'ws')).toString(), pull: true });
  editor.listeners.push((p) => published.push(p.uri));
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('pull diagnostics', () => {
  it('are offered to an editor that pulls them, with workspace diagnostics, and not to one that does not', async () => {
    assert.deepEqual(editor.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: true });
    const pusher = await startEditor({ configuration: false });
    assert.equal(pusher.capabilities.diagnosticProvider, undefined);
    // A round trip, so that the server has sent what it sends after initialized before the streams close.
    await pusher.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:none' }, position: { line: 0, character: 0 } });
    pusher.close();
  });

  it('answer with the findings and a result id, `unchanged` while the version is the same, and publish nothing', async () => {
    const text = 'FROM alpine:3.23\nMAINTAINER me\nRUN apk add curl\n';
    const uri = write('ws/a/Dockerfile', text);
    open(editor, uri, text);
    const first = await full(editor, uri);
    assert.deepEqual(first.items.map(short), ['maintainer-deprecated@2:1-2:11', 'apk-add-missing-no-cache@3:5-3:8']);
    const m = first.items[0];
    assert.equal(m.source, 'dockwise');
    assert.equal(m.severity, 3);
    assert.deepEqual(m.tags, [2]);
    // Fixes stay on the server: the code actions find them in its analysis.
    assert.ok(first.items.every((d) => d.data === undefined));
    assert.deepEqual(await pull(editor, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    void editor.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, text: ' --no-cache' }] });
    const second = await pull(editor, uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.deepEqual((second as { items: Diagnostic[] }).items.map(short), ['maintainer-deprecated@2:1-2:11']);
    assert.deepEqual(published, []);
  });

  it('offer the quick fixes of a pulled diagnostic, and they apply', async () => {
    const text = 'FROM alpine:3.23\nRUN apk add curl\nRUN apk add git\n';
    const uri = write('ws/ca/Dockerfile', text);
    open(editor, uri, text);
    const { items } = await full(editor, uri);
    const d = items.find((x) => x.code === 'apk-add-missing-no-cache')!;
    const list: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(list.map((a) => a.title), ['Add --no-cache', 'Fix all apk-add-missing-no-cache problems in this file', 'Ignore apk-add-missing-no-cache for this line', 'Show documentation for apk-add-missing-no-cache']);
    assert.equal(edited(text, list[0].edit, uri), 'FROM alpine:3.23\nRUN apk add --no-cache curl\nRUN apk add git\n');
    assert.equal(edited(text, list[1].edit, uri), 'FROM alpine:3.23\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
    const fixAll: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.dockwise'] } });
    assert.equal(edited(text, fixAll[0].edit, uri), 'FROM alpine:3.23\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
  });

  it('are pulled again after a settings change, which the editor is asked to do', async () => {
    const text = 'FROM alpine:3.23\nRUN mkdir /a\nRUN mkdir /b\nUSER 1\n';
    const uri = write('ws/s/Dockerfile', text);
    open(editor, uri, text);
    const before = await full(editor, uri);
    assert.deepEqual(before.items.map(short), []);
    editor.settings = { rules: { DL3059: 'error' } };
    const refreshed = editor.nextRefresh();
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const after = await pull(editor, uri, before.resultId);
    assert.equal(after.kind, 'full');
    assert.deepEqual((after as { items: Diagnostic[] }).items.map((d) => `${short(d)}/${d.severity}`), ['consecutive-run@3:1-3:4/1']);
    editor.settings = {};
    const back = editor.nextRefresh();
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await back;
  });

  it('ask the editor to pull again when ShellCheck\'s findings arrive', async () => {
    const sc: Finding = { rule: 'SC2086', severity: 'info', message: 'Double quote to prevent globbing and word splitting.', start: 29, end: 31, fixes: [] };
    let runs = 0;
    const host = { ...nodeHost, shellcheck: { available: async () => true, run: async () => { runs++; return [sc]; } } };
    const e = await startEditor({ pull: true, server: { host } });
    e.settings = { shellcheck: { enable: true } };
    const text = 'FROM debian:12-slim\nRUN echo $1\nUSER 1\n';
    open(e, 'untitled:sc', text);
    const refreshed = e.nextRefresh();
    const first = await full(e, 'untitled:sc');
    assert.deepEqual(first.items.map(short), []);
    await refreshed;
    const second = await pull(e, 'untitled:sc', first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual((second as { items: Diagnostic[] }).items.map(short), ['SC2086@2:10-2:12']);
    // The same version: ShellCheck does not run again, and the editor has its findings.
    assert.deepEqual(await pull(e, 'untitled:sc', second.resultId), { kind: 'unchanged', resultId: second.resultId });
    assert.equal(runs, 1);
    e.close();
  });
});

describe('workspace diagnostics', () => {
  const wsReport = (previousResultIds: Array<{ uri: string; value: string }> = []): Promise<WorkspaceDiagnosticReport> =>
    editor.conn.sendRequest('workspace/diagnostic', { previousResultIds });
  const byUri = (r: WorkspaceDiagnosticReport) => new Map(r.items.map((i) => [i.uri, i]));
  const codes = (i: WorkspaceDocumentDiagnosticReport | undefined) => (i?.kind === 'full' ? i.items.map(short) : i?.kind);

  it('report every Dockerfile of the workspace that is not open, from disk, skipping node_modules and .git', async () => {
    const svc = write('ws/svc/Dockerfile', 'FROM alpine:latest\nUSER 1\n');
    const web = write('ws/web/app.dockerfile', 'FROM alpine:3.23\nRUN apk add curl\nUSER 1\n');
    write('ws/web/app.dockerfile.dockerignore', 'node_modules\n');
    write('ws/node_modules/pkg/Dockerfile', 'FROM alpine:latest\n');
    write('ws/.git/Dockerfile', 'FROM alpine:latest\n');
    write('ws/README.md', 'FROM alpine:latest\n');
    const report = byUri(await wsReport());
    assert.deepEqual(codes(report.get(svc)), ['base-image-latest@1:13-1:19']);
    assert.equal(report.get(svc)?.version, null);
    assert.deepEqual(codes(report.get(web)), ['apk-add-missing-no-cache@2:5-2:8']);
    assert.ok(![...report.keys()].some((u) => /node_modules|\.git\/|README|dockerignore/.test(u)), [...report.keys()].join(', '));
  });

  it('answer `unchanged` for files that did not change, lint a changed one again, and clear a deleted one', async () => {
    const svc = write('ws/svc/Dockerfile', 'FROM alpine:latest\nUSER 1\n');
    const web = uriOf('ws/web/app.dockerfile');
    const first = await wsReport();
    const ids = first.items.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! }));
    const again = byUri(await wsReport(ids));
    assert.equal(again.get(svc)?.kind, 'unchanged');
    assert.equal(again.get(web)?.kind, 'unchanged');
    write('ws/svc/Dockerfile', 'FROM alpine:3.23\nUSER 1\n');
    fs.rmSync(path.join(tmp, 'ws/web/app.dockerfile'));
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: web, type: 3 }] });
    const after = byUri(await wsReport(ids));
    assert.deepEqual(codes(after.get(svc)), []);
    assert.deepEqual(after.get(web), { kind: 'full', uri: web, version: null, items: [] });
  });

  it('report an open document from its text in the editor, with its version; once pulled, as the pull answered', async () => {
    const uri = write('ws/open/Dockerfile', 'FROM alpine:latest\nUSER 1\n');
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    open(editor, uri, 'FROM alpine:3.23\nMAINTAINER me\nUSER 1\n', 4);
    const item = byUri(await wsReport()).get(uri)!;
    assert.deepEqual(codes(item), ['maintainer-deprecated@2:1-2:11']);
    assert.equal(item.version, 4);
    assert.equal(byUri(await wsReport([{ uri, value: item.resultId! }])).get(uri)?.kind, 'unchanged');
    const { resultId } = await full(editor, uri);
    const pulled = byUri(await wsReport([{ uri, value: item.resultId! }])).get(uri)!;
    assert.deepEqual(codes(pulled), ['maintainer-deprecated@2:1-2:11']);
    assert.equal(pulled.resultId, resultId, 'the result id of the document\'s own pull');
    assert.equal(byUri(await wsReport([{ uri, value: resultId }])).get(uri)?.kind, 'unchanged');
  });
});
