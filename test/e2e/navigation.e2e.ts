/// <reference types="mocha" />
// The editor's navigation in real VS Code: the outline of stages, go to a stage, and renaming a stage through the
// rename provider, the edit applied to the document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openCopy, positionOf, sleep } from './helpers';

/** Asks until the answer deep-equals `expected` (the server may still be starting), then returns it. */
async function settled<T>(ask: () => Thenable<T>, done: (value: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await ask();
  while (!done(value) && Date.now() < until) {
    await sleep(250);
    value = await ask();
  }
  assert.ok(done(value), `${what}: ${JSON.stringify(value)} (waited ${timeoutMs / 1000}s)`);
  return value;
}

suite('navigation', () => {
  suiteTeardown(closeAll);

  test('the outline lists the stages with their base images and instructions', async () => {
    const { document } = await openCopy('navigation/Dockerfile');
    const symbols = await settled(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [], (s) => s.length > 0, 'outline');
    assert.deepEqual(symbols.map((s) => `${s.name} (${s.detail})`), ['build (golang:1.23-bookworm)', '1 (gcr.io/distroless/static-debian12:nonroot · final)']);
    assert.deepEqual(symbols[0].children.map((c) => c.name), ['WORKDIR', 'COPY', 'RUN', 'COPY', 'RUN']);
    assert.equal(symbols[0].kind, vscode.SymbolKind.Class);
  });

  test('go to definition on --from=build lands on the stage name', async () => {
    const { document } = await openCopy('navigation/Dockerfile');
    const at = positionOf(document, 10, 'build', 2);
    const defs = (await settled(async () => (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, at)) ?? [], (d) => d.length > 0, 'definitions'))
      .map((d) => ('targetUri' in d ? new vscode.Location(d.targetUri, d.targetSelectionRange ?? d.targetRange) : d));
    assert.equal(defs.length, 1);
    assert.equal(document.getText(defs[0].range), 'build');
    assert.equal(defs[0].range.start.line, 1);
  });

  test('renaming a stage renames its references and leaves --from=0 alone', async () => {
    const { document } = await openCopy('navigation/Dockerfile');
    const at = positionOf(document, 2, 'build', 1);
    const edit = await settled(() => vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', document.uri, at, 'compile'), (e) => (e?.size ?? 0) > 0, 'rename edit');
    assert.ok(await vscode.workspace.applyEdit(edit!));
    assert.equal(document.lineAt(1).text, 'FROM golang:1.23-bookworm AS compile');
    assert.equal(document.lineAt(9).text, 'COPY --from=compile /out/app /app');
    assert.equal(document.lineAt(10).text, 'COPY --from=0 /etc/ssl/certs /etc/ssl/certs');
  });
});
