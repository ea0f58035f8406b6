/// <reference types="mocha" />
// Refactorings in VS Code: offered in the refactor menu, their change computed when picked (codeAction/resolve),
// a change of many lines shown in VS Code's refactor preview, applied from there; one that must ask asks with a
// quick pick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byTitle, closeAll, codeActions, expectText, openCopy, sleep } from './helpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

const SPLIT = 'Split into a builder stage and a runtime stage on node:22-slim (about 313 MB smaller)';

/** Applies an edit VS Code shows in its refactor preview first: the preview's own Apply, as a person would press it. */
async function applyThroughPreview(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument): Promise<void> {
  const before = doc.getText();
  const applying = vscode.workspace.applyEdit(edit);
  let done = false;
  void applying.then(() => { done = true; });
  // The preview opens in the panel; until it has, its Apply command has nothing to apply.
  for (let i = 0; i < 100 && !done && doc.getText() === before; i++) {
    await sleep(200);
    await vscode.commands.executeCommand('refactorPreview.apply').then(undefined, () => undefined);
  }
  assert.equal(await applying, true, 'the preview applied the edit');
}

suite('refactorings', () => {
  teardown(closeAll);

  test('split into a builder stage: offered on the stage, previewed, applied', async () => {
    const { document } = await openCopy('refactor/Dockerfile');
    const on = new vscode.Range(1, 0, 1, 0);
    // The first file of a session: the server may still be starting.
    let actions: vscode.CodeAction[] = [];
    for (let i = 0; i < 100 && !actions.some((a) => a.title === SPLIT); i++) {
      if (i) await sleep(200);
      actions = await codeActions(document.uri, on, vscode.CodeActionKind.RefactorExtract.value);
    }
    const split = byTitle(actions, SPLIT);
    assert.equal(split.kind?.value, 'refactor.extract');
    assert.ok(split.edit, 'resolved when picked');
    await applyThroughPreview(split.edit, document);
    await expectText(document, lines(
      '# The web app: built and served by one stage.',
      'FROM node:22 AS build',
      '# node-gyp compiles the native modules with these.',
      'RUN apt-get update && apt-get install -y --no-install-recommends g++ make python3 && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci',
      'COPY . .',
      '# Compile the TypeScript sources to dist/.',
      'RUN npm run build',
      'RUN npm prune --omit=dev',
      '',
      'FROM node:22-slim',
      'WORKDIR /app',
      'COPY --from=build /app /app',
      'USER node',
      'EXPOSE 3000',
      'CMD ["node", "dist/server.js"]',
    ), 'the split file');
    // The notes come as a message once it is applied.
    assert.equal(split.command?.command, 'dockwise.server.refactorNotes');
  });

  test('the refactor menu lists every refactoring offered on a line, and none in a quick-fix request', async () => {
    const { document } = await openCopy('refactor/Dockerfile');
    const at = new vscode.Range(6, 0, 6, 0); // RUN npm ci
    const titles = (await codeActions(document.uri, at, vscode.CodeActionKind.Refactor.value)).map((a) => a.title);
    assert.ok(titles.includes(SPLIT), titles.join(' | '));
    assert.ok(titles.includes('Keep the npm cache in a BuildKit cache mount (out of the image, kept between builds)'), titles.join(' | '));
    const fixes = await codeActions(document.uri, at, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(fixes.filter((a) => a.kind?.value.startsWith('refactor')), []);
  });
});
