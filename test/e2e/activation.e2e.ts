/// <reference types="mocha" />
// The extension activates on the dockerfile language, whichever of its file names opens first.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, expectDiagnostics, extension, fixture, open, sleep } from './helpers';

suite('activation', () => {
  suiteTeardown(closeAll);

  test('activates when a Dockerfile opens, not before', async function () {
    this.timeout(60000);
    const ext = extension();
    assert.equal(ext.isActive, false, 'the extension was already active before any Dockerfile was opened');
    const editor = await open(fixture('Dockerfile'));
    assert.equal(editor.document.languageId, 'dockerfile');
    for (let i = 0; i < 300 && !ext.isActive; i++) await sleep(100);
    assert.equal(ext.isActive, true, 'the extension did not activate within 30s of opening a Dockerfile');
    // Activated and its language server answers: the first diagnostics arrive.
    await expectDiagnostics(editor.document.uri, [
      'maintainer-deprecated Information 3:1-3:11',
      'add-instead-of-copy Warning 8:1-8:4',
      'shell-form-cmd Warning 11:5-11:19',
    ], 'diagnostics of the first Dockerfile', 45000);
  });

  test('a Containerfile is a Dockerfile', async () => {
    const editor = await open(fixture('Containerfile'));
    assert.equal(editor.document.languageId, 'dockerfile');
    await expectDiagnostics(editor.document.uri, [
      'base-image-untagged Warning 1:6-1:49',
    ]);
  });

  test('Dockerfile.prod is a Dockerfile', async () => {
    const editor = await open(fixture('Dockerfile.prod'));
    assert.equal(editor.document.languageId, 'dockerfile');
    await expectDiagnostics(editor.document.uri, ['shell-form-cmd Warning 7:5-7:54']);
  });

  test('other files are left alone', async () => {
    const editor = await open(fixture('.dockerignore'));
    assert.notEqual(editor.document.languageId, 'dockerfile');
    await sleep(500);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'dockwise'), []);
  });
});
