/// <reference types="mocha" />
// The build a Dockerfile is linted as: a status-bar item says which when compose services build it (builds/compose.yaml
// builds builds/Dockerfile twice, to its app stage; only api passes a maintained Python), and the command lints it as
// one of them, alone or all of them again; the Problems change at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, dockwiseDiagnostics, eventually, expectDiagnostics, extension, fixture, open } from './helpers';

interface BuildStatus { shown: boolean; text: string; tooltip: string }

const API = 'compose:builds/compose.yaml:api';
const WORKER = 'compose:builds/compose.yaml:worker';
const EOL = 'eol-base-image Warning 2:6-2:13';

async function status(): Promise<() => BuildStatus> {
  const api = await extension().activate() as { buildStatus?: () => BuildStatus } | undefined;
  assert.ok(api?.buildStatus, 'the extension\'s API has no buildStatus');
  return api.buildStatus;
}

/** Which builds the finding at line 2 says it is only in, if it says. */
function onlyIn(uri: vscode.Uri): string[] {
  return dockwiseDiagnostics(uri).map((d) => / \(only in [^)]*\)$/.exec(d.message)?.[0].trim() ?? '');
}

suite('the build a Dockerfile is linted as', () => {
  suiteTeardown(closeAll);

  test('the status bar shows it; choosing one build, alone or all of them changes the diagnostics', async () => {
    const buildStatus = await status();
    const { document } = await open(fixture('builds/Dockerfile'));
    const { uri } = document;
    // All of them: the finding only worker has says so.
    await expectDiagnostics(uri, [EOL]);
    assert.deepEqual(onlyIn(uri), ['(only in compose service worker)']);
    await eventually(() => buildStatus().text, '$(layers) 2 builds', 'the status bar with both builds');
    assert.ok(buildStatus().shown);
    assert.match(buildStatus().tooltip, /each of its 2 builds does: compose service api, compose service worker/);

    // One build: its findings only, and no "(only in …)".
    let listed = await vscode.commands.executeCommand<{ chosen: string }>('dockwise.chooseInvocation', WORKER);
    assert.equal(listed?.chosen, WORKER);
    await eventually(() => onlyIn(uri), [''], 'the finding as worker has it');
    assert.equal(buildStatus().text, '$(layers) worker');
    assert.match(buildStatus().tooltip, /as compose service worker builds it \(builds\/compose\.yaml:10 · target app · context builds\)/);
    await vscode.commands.executeCommand('dockwise.chooseInvocation', API);
    await expectDiagnostics(uri, []);
    assert.equal(buildStatus().text, '$(layers) api');

    // Alone: docker build of the folder, to the last stage (which runs as root), with the ARG's default.
    await vscode.commands.executeCommand('dockwise.chooseInvocation', 'alone');
    await expectDiagnostics(uri, [EOL, 'last-user-root Warning 10:6-10:10']);
    assert.equal(buildStatus().text, '$(layers) alone');

    // All of them again.
    listed = await vscode.commands.executeCommand<{ chosen: string }>('dockwise.chooseInvocation', 'all');
    assert.equal(listed?.chosen, 'all');
    await expectDiagnostics(uri, [EOL]);
    await eventually(() => onlyIn(uri), ['(only in compose service worker)'], 'the finding as both builds have it');
    assert.equal(buildStatus().text, '$(layers) 2 builds');
  });

  test('the item is hidden on a Dockerfile no compose or bake file builds, and back on one that is built', async () => {
    const buildStatus = await status();
    await open(fixture('builds/Dockerfile'));
    await eventually(() => buildStatus().shown, true, 'shown on the built Dockerfile');
    await open(fixture('Dockerfile'));
    await eventually(() => buildStatus().shown, false, 'hidden on a Dockerfile nothing builds');
    await open(fixture('builds/Dockerfile'));
    await eventually(() => buildStatus().shown, true, 'shown again');
  });
});
