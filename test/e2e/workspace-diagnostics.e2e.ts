/// <reference types="mocha" />
// Workspace diagnostics: the Problems panel lists the findings of the workspace's Dockerfiles that nobody opened,
// and none from node_modules.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, described, eventually, fixture, open } from './helpers';

suite('workspace diagnostics', () => {
  teardown(closeAll);

  test('a Dockerfile written to disk and never opened has its findings in Problems; one in node_modules has none', async () => {
    // The server runs once a Dockerfile is open.
    await open(fixture('Dockerfile'));
    const created = fixture('workspace-diagnostics/Dockerfile');
    const skipped = fixture('node_modules/pkg/Dockerfile');
    const text = new TextEncoder().encode('FROM alpine:latest\nUSER 1\n');
    await vscode.workspace.fs.writeFile(skipped, text);
    await vscode.workspace.fs.writeFile(created, text);
    await eventually(() => described(created), ['base-image-latest Warning 1:13-1:19'], 'the findings of a Dockerfile never opened', 25000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === created.toString()), 'the Dockerfile was never opened');
    // Found in the same search as the other: had node_modules been searched, its findings would be there by now.
    assert.deepEqual(described(skipped), []);
  });
});
