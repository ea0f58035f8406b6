/// <reference types="mocha" />
// Code lenses: above each FROM, who uses the stage (a click peeks at those places), the final image and how it runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixture, open, sleep } from './helpers';

suite('code lenses', () => {
  suiteTeardown(closeAll);

  /** The lenses of `uri` once the server answers with some (the client registers its provider when it starts). */
  async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
    const until = Date.now() + 20000;
    for (;;) {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      if (lenses.length || Date.now() > until) return lenses;
      await sleep(250);
    }
  }

  test('on each FROM: "used by N" runs the command that peeks at the references; the final image says how it runs', async () => {
    const { document } = await open(fixture('lenses/Dockerfile'));
    const lenses = await lensesOf(document.uri);
    assert.deepEqual(lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`), ['1: used by 1', '6: final image', '6: runs as 65532 · ports 8080']);
    const used = lenses[0].command!;
    assert.equal(used.command, 'dockwise.showReferences');
    assert.deepEqual(JSON.parse(JSON.stringify(used.arguments)), [
      document.uri.toString(),
      { line: 0, character: 0 },
      [{ uri: document.uri.toString(), range: { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } } }],
    ]);
    // The client's command turns the JSON into VS Code's types; editor.action.showReferences throws on anything else.
    await vscode.commands.executeCommand(used.command, ...(used.arguments ?? []));
  });
});
