/// <reference types="mocha" />
// Formatting in the editor: Format Document, and format on save with Dockwise as the Dockerfiles' formatter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID, expectText, openCopy } from './helpers';

const TIDY = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD ["node", "server.js"]\n';

/** The workspace's settings for Dockerfiles (`"[dockerfile]": {…}`), as a user writes them. */
function dockerfileSettings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
}

suite('formatting', () => {
  teardown(async () => {
    await dockerfileSettings().update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await dockerfileSettings().update('defaultFormatter', undefined, vscode.ConfigurationTarget.Workspace, true);
    await closeAll();
  });

  test('Format Document rewrites the document with Dockwise\'s edits', async () => {
    const editor = await openCopy('format/Dockerfile');
    await dockerfileSettings().update('defaultFormatter', EXTENSION_ID, vscode.ConfigurationTarget.Workspace, true);
    // The providers are registered once the server has started; Format Document does nothing before that.
    for (let i = 0; i < 40 && editor.document.getText() !== TIDY; i++) {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      if (editor.document.getText() !== TIDY) await new Promise((r) => setTimeout(r, 250));
    }
    await expectText(editor.document, TIDY, 'the document after Format Document');
  });

  test('formats on save: the saved file is the formatted text', async () => {
    await dockerfileSettings().update('defaultFormatter', EXTENSION_ID, vscode.ConfigurationTarget.Workspace, true);
    await dockerfileSettings().update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
    const editor = await openCopy('format/Dockerfile');
    // Wait until Dockwise formats this document at all (its server is up), without changing it.
    const edits = async () => (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: true })) ?? [];
    for (let i = 0; i < 40 && !(await edits()).length; i++) await new Promise((r) => setTimeout(r, 250));
    // An edit makes the document dirty, so saving writes it (and formats it first).
    await editor.edit((b) => b.insert(editor.document.lineAt(1).range.end, '  '));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await expectText(editor.document, TIDY, 'the document after saving');
    assert.equal(editor.document.isDirty, false, 'saved');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri)), TIDY, 'the file on disk');
  });
});
