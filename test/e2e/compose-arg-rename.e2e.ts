/// <reference types="mocha" />
// A misspelt arg a compose file passes (compose-args/compose.yaml passes NODE_EMV; the Dockerfile declares
// NODE_ENV): the quick fix renames it in compose.yaml, VS Code applies that edit to the other file, and once the file
// is saved the finding goes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, byTitle, closeAll, described, eventually, expectDiagnostics, findDiagnostic, fixesFor, fixture, open } from './helpers';

suite('renaming a misspelt compose arg', () => {
  suiteTeardown(closeAll);

  test('the quick fix edits compose.yaml at the name, and saved, the finding goes', async () => {
    const composeUri = fixture('compose-args/compose.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(composeUri));
    const { document } = await open(fixture('compose-args/Dockerfile'));
    const { uri } = document;
    await expectDiagnostics(uri, ['build-arg-not-declared Warning 1:1-1:18']);
    const finding = findDiagnostic(uri, 'build-arg-not-declared', 1);
    // The related information is the arg's name on the compose line.
    assert.deepEqual(finding.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message]),
      [[composeUri.toString(), 6, 8, 16, 'compose service web']]);

    const rename = byTitle(await fixesFor(uri, finding), 'Rename `NODE_EMV` to `NODE_ENV` in compose.yaml (unsafe: the build then passes its value)');
    assert.notEqual(rename.isPreferred, true, 'an unsafe fix is not the preferred one');
    await apply(rename);
    const composeDoc = await vscode.workspace.openTextDocument(composeUri);
    // The name on the args line only: the comment that names NODE_EMV too is the user's and stays.
    assert.equal(composeDoc.getText(), before.replace('        NODE_EMV: development', '        NODE_ENV: development'), 'compose.yaml after the fix');
    assert.match(composeDoc.getText(), /passes NODE_EMV: no ARG/);
    assert.equal(document.getText().includes('NODE_EMV'), false);
    // On disk (refactorings may save the files they change; the user saves otherwise), the server lints the build again.
    await composeDoc.save();
    await eventually(() => described(uri), [], 'the Dockerfile once compose.yaml passes NODE_ENV', 25000);
  });
});
