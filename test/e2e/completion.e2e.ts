/// <reference types="mocha" />
// Completion in the real editor: after `COPY --from=` VS Code lists the stages before the COPY, from Dockwise's
// server (no Docker extension is installed in this session, so Dockwise completes on its own).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixture, open, positionOf, sleep } from './helpers';

/** The stage names offered at `position`, in the order VS Code sorts them. */
async function stagesAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Reference)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
    .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

suite('completion', () => {
  suiteTeardown(closeAll);

  test('COPY --from= lists the stages before it', async () => {
    const { document } = await open(fixture('completion/Dockerfile'));
    const position = positionOf(document, 8, '--from=', '--from='.length);
    // The language server may still be starting: ask again until it answers.
    let stages: string[] = [];
    for (let i = 0; i < 50 && !stages.length; i++) {
      if (i) await sleep(200);
      stages = await stagesAt(document.uri, position);
    }
    assert.deepEqual(stages, ['deps', 'build']);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const build = list.items.find((i) => i.label === 'build');
    assert.equal(build?.detail, 'Stage of this file, line 4');
    assert.deepEqual(build?.range instanceof vscode.Range ? [build.range.start.character, build.range.end.character] : build?.range, [12, 12], 'inserted after the =');
  });
});
