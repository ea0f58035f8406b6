/// <reference types="mocha" />
// Our TextMate grammar is the one in use for Dockerfiles (VS Code also ships a Docker grammar with the
// same scope name). The API exposes no token scopes, so this checks what only our grammar causes: it
// scopes a RUN body as meta.embedded.shell.dockerfile, which the manifest maps to the shellscript
// language, and VS Code offers snippets by the language at the cursor. The workspace's
// .vscode/e2e.code-snippets has one probe snippet for shellscript and one for dockerfile. VS Code's own
// Docker grammar embeds nothing, so with it the shell probe would never be offered. (The UI smoke test
// also reads the scopes themselves from "Developer: Inspect Editor Tokens and Scopes".)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, extension, fixture, open, positionOf, sleep } from './helpers';

async function probesAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => l.startsWith('e2e-')).sort();
}

suite('grammar', () => {
  teardown(closeAll);

  test('the manifest contributes our grammar for the dockerfile language', () => {
    const grammars = (extension().packageJSON as { contributes: { grammars: Array<{ language: string; scopeName: string; embeddedLanguages?: Record<string, string> }> } }).contributes.grammars;
    const ours = grammars.find((g) => g.language === 'dockerfile');
    assert.equal(ours?.scopeName, 'source.dockerfile');
    assert.equal(ours?.embeddedLanguages?.['meta.embedded.shell.dockerfile'], 'shellscript');
  });

  test('a RUN body is embedded shell; the rest of the file is Dockerfile', async () => {
    const { document } = await open(fixture('grammar/Dockerfile'));
    // Each position is at the start of a word, where every snippet matches what is typed (nothing).
    const inRun = positionOf(document, 4, 'apt-get install');
    // Tokenization runs in the background after the file opens: give it time to reach line 4.
    let probes: string[] = [];
    for (let i = 0; i < 50 && probes.join() !== 'e2e-shell-probe'; i++) {
      if (i) await sleep(200);
      probes = await probesAt(document.uri, inRun);
    }
    assert.deepEqual(probes, ['e2e-shell-probe'], 'snippets offered inside the RUN body (line 4)');
    assert.deepEqual(await probesAt(document.uri, positionOf(document, 2, 'org.opencontainers')), ['e2e-dockerfile-probe'], 'snippets offered in a LABEL (line 2)');
    assert.deepEqual(await probesAt(document.uri, positionOf(document, 4, 'rm -rf')), ['e2e-shell-probe'], 'snippets offered after the second && of the RUN body');
    assert.deepEqual(await probesAt(document.uri, positionOf(document, 5, '1000')), ['e2e-dockerfile-probe'], 'snippets offered in USER (line 5)');
  });
});
