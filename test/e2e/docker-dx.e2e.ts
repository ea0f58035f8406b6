/// <reference types="mocha" />
// Beside Docker DX (here its stand-in, test/fixtures/docker-dx-stub, id docker.docker): one squiggle per BuildKit check
// whichever of the two reports it first, Dockwise's fix on DX's diagnostic, and no hover, completion or symbol twice.
// This file runs alone, in the session where the stand-in is installed (scripts/e2e/run-suite.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, byTitle, closeAll, codeOf, eventually, expectText, extension, fixesFor, openCopy, positionOf, rangeText } from './helpers';

const DX = 'docker-language-server';
const FIX = 'Use exec form: CMD ["node", "server.js"] (unsafe: the base image\'s ENTRYPOINT, if any, receives other arguments)';

/** Every diagnostic of the document, Dockwise's and DX's, as `source code range`, sorted. */
function allDiagnostics(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => `${d.source} ${codeOf(d)} ${rangeText(d.range)}`).sort();
}

const ADD = 'dockwise add-instead-of-copy 4:1-4:4';
const DX_CMD = `${DX} JSONArgsRecommended 6:1-6:19`;
const OURS_CMD = 'dockwise shell-form-cmd 6:5-6:19';

suite('beside Docker DX', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('dockerDxStandIn.showDiagnostics');
    await closeAll();
  });

  test('the stand-in is installed under Docker DX\'s id, and Dockwise knows it', async () => {
    assert.ok(vscode.extensions.getExtension('docker.docker'), 'docker.docker is not loaded (run-suite.mjs passes test/fixtures/docker-dx-stub)');
    await extension().activate();
  });

  test('one diagnostic for the check, DX\'s: Dockwise adds no second one, and keeps its others', async () => {
    const { document } = await openCopy('docker-dx/Dockerfile');
    await eventually(() => allDiagnostics(document.uri), [ADD, DX_CMD].sort(), 'diagnostics beside DX');
  });

  test('Dockwise\'s diagnostic first: it goes when DX reports the check, and comes back when DX stops', async () => {
    await vscode.commands.executeCommand('dockerDxStandIn.hideDiagnostics');
    const { document } = await openCopy('docker-dx/Dockerfile');
    await eventually(() => allDiagnostics(document.uri), [ADD, OURS_CMD].sort(), 'diagnostics while DX reports nothing');
    await vscode.commands.executeCommand('dockerDxStandIn.showDiagnostics');
    await eventually(() => allDiagnostics(document.uri), [ADD, DX_CMD].sort(), 'diagnostics once DX reports the check');
    await vscode.commands.executeCommand('dockerDxStandIn.hideDiagnostics');
    await eventually(() => allDiagnostics(document.uri), [ADD, OURS_CMD].sort(), 'diagnostics once DX stops reporting it');
  });

  test('Dockwise\'s fix is offered on DX\'s diagnostic, and fixes it', async () => {
    const { document } = await openCopy('docker-dx/Dockerfile');
    await eventually(() => allDiagnostics(document.uri), [ADD, DX_CMD].sort(), 'diagnostics beside DX');
    const theirs = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === DX)!;
    const fixes = await fixesFor(document.uri, theirs);
    assert.deepEqual(fixes.filter((a) => a.title === FIX).length, 1, `offered: ${fixes.map((a) => `"${a.title}"`).join(', ')}`);
    const fixed = document.getText().replace('CMD node server.js', 'CMD ["node", "server.js"]');
    await apply(byTitle(fixes, FIX));
    await expectText(document, fixed, 'the CMD in exec form');
    await eventually(() => allDiagnostics(document.uri), [ADD], 'diagnostics after the fix');
  });

  test('a keyword has one hover, one completion and one symbol', async () => {
    const { document } = await openCopy('docker-dx/Dockerfile');
    await eventually(() => allDiagnostics(document.uri), [ADD, DX_CMD].sort(), 'diagnostics beside DX');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 3, 'WORKDIR', 2));
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.deepEqual(texts.filter((t) => t.includes('WORKDIR')), ['**WORKDIR** (Docker DX stand-in)']);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 0));
    const keywords = completions.items.filter((i) => i.kind === vscode.CompletionItemKind.Keyword).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.equal(keywords.filter((k) => k === 'WORKDIR').length, 1, `keyword completions: ${keywords.join(' ')}`);
    assert.equal(new Set(keywords).size, keywords.length, `a keyword completion twice: ${keywords.join(' ')}`);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols.map((s) => s.name), ['FROM', 'WORKDIR', 'ADD', 'USER', 'CMD']);
  });
});
