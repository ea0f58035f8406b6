/// <reference types="mocha" />
// Fix-all (the source action, the command, and on save) and "Ignore … for this line".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, byTitle, closeAll, codeActions, expectDiagnostics, expectRulePreview, expectText, findDiagnostic, fixesFor, openCopy } from './helpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

const BEFORE = [
  'maintainer-deprecated Information 3:1-3:11',
  'legacy-key-value-format Information 4:5-4:36',
  'apt-get-update-alone Warning 6:5-6:19',
  'apt-lists-not-removed Information 6:5-6:19',
  'apt-get-missing-no-install-recommends Information 7:5-7:12',
  'pip-install-missing-no-cache-dir Warning 9:5-9:8',
  'shell-form-cmd Warning 14:5-14:54',
];
// Every safe fix applied, to a fixed point (merging the update brings the lists cleanup with it);
// the unsafe --no-install-recommends is left for the user to choose.
const AFTER = lines(
  '# A Flask API as it was first written; the fixes bring it up to date.',
  'FROM python:3.13-slim',
  'LABEL org.opencontainers.image.authors="Data Team <data@example.com>"',
  'ENV PIP_DISABLE_PIP_VERSION_CHECK=1',
  'WORKDIR /srv',
  'RUN apt-get update && \\',
  '    apt-get install -y libpq5=17.6-0+deb13u1 && \\',
  '    rm -rf /var/lib/apt/lists/*',
  'COPY requirements.txt .',
  'RUN pip install --no-cache-dir -r requirements.txt',
  'COPY . .',
  'USER 10001',
  'EXPOSE 8000',
  'HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]',
  'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]',
);
const AFTER_DIAGNOSTICS = ['apt-get-missing-no-install-recommends Information 7:5-7:12'];

function wholeDocument(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

suite('fix all', () => {
  teardown(closeAll);

  test('source.fixAll.dockwise applies every safe fix in one edit', async () => {
    const { document } = await openCopy('fix-all/Dockerfile');
    await expectDiagnostics(document.uri, BEFORE);
    const actions = await codeActions(document.uri, wholeDocument(document), 'source.fixAll.dockwise');
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [['Dockwise: fix all safe problems', 'source.fixAll.dockwise']]);
    const versionBefore = document.version;
    await apply(actions[0]);
    await expectText(document, AFTER, 'the document after source.fixAll.dockwise');
    assert.equal(document.version, versionBefore + 1, 'fix-all should be a single edit (one undo step)');
    await expectDiagnostics(document.uri, AFTER_DIAGNOSTICS);
  });

  test('the "Dockwise: Fix all problems" command', async () => {
    const { document } = await openCopy('fix-all/Dockerfile');
    await expectDiagnostics(document.uri, BEFORE);
    await vscode.commands.executeCommand('dockwise.fixAll');
    await expectText(document, AFTER, 'the document after dockwise.fixAll');
    await expectDiagnostics(document.uri, AFTER_DIAGNOSTICS);
  });

  test('editor.codeActionsOnSave with source.fixAll.dockwise fixes on save', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    await config.update('codeActionsOnSave', { 'source.fixAll.dockwise': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { document } = await openCopy('fix-all/Dockerfile');
      await expectDiagnostics(document.uri, BEFORE);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), '# saved with fix-all on save\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save(), 'save failed');
      await expectText(document, `# saved with fix-all on save\n${AFTER}`, 'the document after saving');
      assert.equal(document.isDirty, false, 'fixes on save are saved too');
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('"Fix all <id> problems in this file" when a rule fires more than once', async () => {
    const { document } = await openCopy('fix-all/Dockerfile');
    await expectDiagnostics(document.uri, BEFORE);
    // A second legacy ENV: now legacy-key-value-format fires twice.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(4, 0), 'ENV PYTHONUNBUFFERED 1\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectDiagnostics(document.uri, [
      'maintainer-deprecated Information 3:1-3:11',
      'legacy-key-value-format Information 4:5-4:36',
      'legacy-key-value-format Information 5:5-5:23',
      'apt-get-update-alone Warning 7:5-7:19',
      'apt-lists-not-removed Information 7:5-7:19',
      'apt-get-missing-no-install-recommends Information 8:5-8:12',
      'pip-install-missing-no-cache-dir Warning 10:5-10:8',
      'shell-form-cmd Warning 15:5-15:54',
    ]);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'legacy-key-value-format', 5));
    assert.deepEqual(actions.map((a) => a.title), [
      'Use PYTHONUNBUFFERED=1',
      'Fix all legacy-key-value-format problems in this file',
      'Ignore legacy-key-value-format for this line',
      'Show documentation for legacy-key-value-format',
    ]);
    const before = document.getText().split('\n');
    await apply(byTitle(actions, 'Fix all legacy-key-value-format problems in this file'));
    await expectText(document, [
      ...before.slice(0, 3),
      'ENV PIP_DISABLE_PIP_VERSION_CHECK=1',
      'ENV PYTHONUNBUFFERED=1',
      ...before.slice(5),
    ].join('\n'), 'both ENVs converted, nothing else');
    await expectDiagnostics(document.uri, [
      'maintainer-deprecated Information 3:1-3:11',
      'apt-get-update-alone Warning 7:5-7:19',
      'apt-lists-not-removed Information 7:5-7:19',
      'apt-get-missing-no-install-recommends Information 8:5-8:12',
      'pip-install-missing-no-cache-dir Warning 10:5-10:8',
      'shell-form-cmd Warning 15:5-15:54',
    ]);
  });
});

suite('ignore for this line', () => {
  teardown(closeAll);

  test('"Ignore <id> for this line" writes the pragma and the finding goes away', async () => {
    const { document } = await openCopy('ignore/Dockerfile');
    await expectDiagnostics(document.uri, ['add-instead-of-copy Warning 3:1-3:4']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'add-instead-of-copy'));
    assert.deepEqual(actions.map((a) => a.title), ['Replace ADD with COPY', 'Ignore add-instead-of-copy for this line', 'Show documentation for add-instead-of-copy']);
    await apply(byTitle(actions, 'Ignore add-instead-of-copy for this line'));
    await expectText(document, lines(
      'FROM alpine:3.22',
      'WORKDIR /opt/tools',
      '# dockwise ignore=add-instead-of-copy',
      'ADD entrypoint.sh /usr/local/bin/entrypoint.sh',
      'USER 405',
      'ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]',
    ), 'the pragma above the instruction');
    await expectDiagnostics(document.uri, []);
  });

  test('"Show documentation for <id>" opens the rule page', async () => {
    const { document } = await openCopy('ignore/Dockerfile');
    await expectDiagnostics(document.uri, ['add-instead-of-copy Warning 3:1-3:4']);
    const actions = await fixesFor(document.uri, findDiagnostic(document.uri, 'add-instead-of-copy'));
    await expectRulePreview('add-instead-of-copy', () => apply(byTitle(actions, 'Show documentation for add-instead-of-copy')));
  });
});
