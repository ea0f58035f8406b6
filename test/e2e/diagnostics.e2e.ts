/// <reference types="mocha" />
// What the Problems panel gets: rule ids as codes with links, exact ranges, severities, tags; and
// how it follows edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, dockwiseDiagnostics, expectDiagnostics, expectRulePreview, findDiagnostic, openCopy, ruleLink } from './helpers';

const EXAMPLE = [
  'maintainer-deprecated Information 3:1-3:11',
  'add-instead-of-copy Warning 8:1-8:4',
  'shell-form-cmd Warning 11:5-11:19',
];

suite('diagnostics', () => {
  teardown(closeAll);

  test('the example Dockerfile: codes, ranges and severities', async () => {
    const { document } = await openCopy('Dockerfile');
    await expectDiagnostics(document.uri, EXAMPLE);
    for (const d of dockwiseDiagnostics(document.uri)) {
      assert.equal(typeof d.code, 'object', `${codeOf(d)}: the code should carry a link to the rule page`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.equal(target.toString(), ruleLink(codeOf(d)), `${codeOf(d)}: link`);
      assert.ok(d.message.length > 20, `${codeOf(d)}: message "${d.message}"`);
    }
    assert.equal(findDiagnostic(document.uri, 'add-instead-of-copy').message, 'ADD copies local files here; use COPY, which does not extract archives or fetch URLs');
    assert.deepEqual(findDiagnostic(document.uri, 'maintainer-deprecated').tags, [vscode.DiagnosticTag.Deprecated]);
    assert.equal(findDiagnostic(document.uri, 'shell-form-cmd').tags, undefined);
  });

  test('a code\'s link opens the rule page as a rendered Markdown preview', async () => {
    const { document } = await openCopy('Dockerfile');
    await expectDiagnostics(document.uri, EXAMPLE);
    const target = (findDiagnostic(document.uri, 'shell-form-cmd').code as { target: vscode.Uri }).target;
    // vscode.open hands the URI to the workbench's opener, as a click on the code in the hover or the
    // Problems panel does; the opener passes the editor's own scheme to the extension's URI handler.
    await expectRulePreview('shell-form-cmd', () => vscode.commands.executeCommand('vscode.open', target));
  });

  test('diagnostics follow an edit made through WorkspaceEdit', async () => {
    const editor = await openCopy('Dockerfile');
    const uri = editor.document.uri;
    await expectDiagnostics(uri, EXAMPLE);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(7, 0, 7, 3), 'COPY'); // ADD server.js ./ -> COPY server.js ./
    edit.insert(uri, new vscode.Position(9, 0), 'USER 1000\n'); // before EXPOSE 3000
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectDiagnostics(uri, [
      'maintainer-deprecated Information 3:1-3:11',
      'shell-form-cmd Warning 12:5-12:19',
    ], 'diagnostics after replacing ADD and adding USER 1000');
    // And back: undoing the edit brings the findings back at their old places.
    await vscode.commands.executeCommand('undo');
    await expectDiagnostics(uri, EXAMPLE, 'diagnostics after undo');
  });
});
