// Refactorings over LSP, as editors ask for them: offered as refactor.* actions without their change, the change
// computed on codeAction/resolve (annotated for the editor's preview when it is more than one line), asked for
// through a quick pick (VS Code) or message buttons (any editor) when the refactoring needs an answer, applied by
// the server for editors that do not resolve, greyed out with the reason where it cannot be done, and refused once
// the document has changed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, CodeAction, Hover, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initNodeShellParser } from '../../server/src/host/node';
import { REFACTOR_COMMAND, REFACTOR_NOTES_COMMAND } from '../../server/src/lsp/refactorings';
import { startEditor, type Editor } from './harness';

let tmp: string;
const write = (rel: string, text: string) => {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return pathToFileURL(p).toString();
};

/** What VS Code announces: resolving edits, annotations (its refactor preview), greyed-out actions. */
const VS_CODE = {
  textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, disabledSupport: true } },
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: { groupsOnLabel: true } } },
};

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-refactor-lsp-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c as TextDocumentEdit).edits as TextEdit[] : []));
}

function applied(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), editsOf(edit, uri));
}

async function refactorActions(editor: Editor, uri: string, line: number, character = 0): Promise<CodeAction[]> {
  const at = { line, character };
  return editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor'] } });
}

async function withEditor(opts: Parameters<typeof startEditor>[0], run: (editor: Editor) => Promise<void>): Promise<void> {
  const editor = await startEditor({ rootUri: pathToFileURL(tmp).toString(), ...opts });
  try { await run(editor); } finally { editor.close(); }
}

const NODE_APP = 'FROM node:16-alpine\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

describe('refactorings over LSP', () => {
  it('are offered without their change, which codeAction/resolve computes; a one-line change applies without a preview', async () => {
    await withEditor({ ...VS_CODE, initializationOptions: {} }, async (editor) => {
      const uri = write('resolve/Dockerfile', NODE_APP);
      await editor.open(uri, NODE_APP);
      const actions = await refactorActions(editor, uri, 0, 12);
      const move = actions.find((a) => a.title === 'Move to node:22-alpine');
      assert.ok(move, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(move.kind, 'refactor.rewrite');
      assert.equal(move.edit, undefined);
      const resolved: CodeAction = await editor.conn.sendRequest('codeAction/resolve', move);
      assert.equal(applied(NODE_APP, resolved.edit, uri), NODE_APP.replace('node:16-alpine', 'node:22-alpine'));
      assert.equal(resolved.edit?.changeAnnotations, undefined);
      // What changes with the move is told once it is applied.
      assert.equal(resolved.command?.command, REFACTOR_NOTES_COMMAND);
      assert.match(String((resolved.command?.arguments?.[0] as string[])[0]), /moves from 16 to 22/);
    });
  });

  it('mark a change of another file for the preview, and edit that file where it is', async () => {
    await withEditor({ ...VS_CODE, initializationOptions: {} }, async (editor) => {
      const uri = write('ignore/Dockerfile', NODE_APP);
      const ignore = write('ignore/.dockerignore', 'node_modules\n');
      await editor.open(uri, NODE_APP);
      const actions = await refactorActions(editor, uri, 2);
      const add = actions.find((a) => a.title.startsWith('Add 14 entries to .dockerignore'));
      assert.ok(add, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      const resolved: CodeAction = await editor.conn.sendRequest('codeAction/resolve', add);
      const annotations = resolved.edit?.changeAnnotations;
      assert.ok(annotations && Object.values(annotations).every((a) => a.needsConfirmation === true && a.label === add.title), JSON.stringify(annotations));
      const after = applied('node_modules\n', resolved.edit, ignore);
      assert.ok(after.startsWith('node_modules\n\n# Added by Dockwise'), after);
      assert.match(after, /^\.git$/m);
      assert.equal(applied(NODE_APP, resolved.edit, uri), NODE_APP);
    });
  });

  it('ask with a quick pick in VS Code before the server applies the change', async () => {
    await withEditor({ ...VS_CODE, initializationOptions: { quickPick: true } }, async (editor) => {
      const text = 'FROM node:22\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
      const uri = write('pick/Dockerfile', text);
      await editor.open(uri, text);
      const health = (await refactorActions(editor, uri, 3)).find((a) => a.title === 'Add a HEALTHCHECK that probes port 3000 with curl');
      assert.ok(health?.command);
      assert.equal(health.command.command, REFACTOR_COMMAND);
      const asked: unknown[] = [];
      editor.conn.onRequest('dockwise/quickPick', (p: unknown) => { asked.push(p); return ['/healthz']; });
      const edits: ApplyWorkspaceEditParams[] = [];
      editor.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => { edits.push(p); return { applied: true }; });
      await editor.conn.sendRequest('workspace/executeCommand', health.command);
      assert.deepEqual(asked, [{
        title: 'Add a HEALTHCHECK that probes port 3000 with curl',
        placeHolder: 'Which path answers when the app is healthy? (status below 400)',
        canPickMany: false,
        items: [{ label: '/', description: 'the root page', value: '/' }, { label: '/health', value: '/health' }, { label: '/healthz', value: '/healthz' }],
      }]);
      assert.equal(edits.length, 1);
      assert.equal(edits[0].label, health.title);
      assert.equal(applied(text, edits[0].edit, uri), text.replace('EXPOSE 3000\n', 'EXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:3000/healthz"]\n'));
    });
  });

  it('ask with message buttons in other editors, and change nothing when none is picked', async () => {
    await withEditor({ initializationOptions: {} }, async (editor) => {
      const text = 'FROM node:22\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
      const uri = write('buttons/Dockerfile', text);
      await editor.open(uri, text);
      const health = (await refactorActions(editor, uri, 3)).find((a) => a.title.startsWith('Add a HEALTHCHECK'));
      assert.ok(health?.command);
      const edits: ApplyWorkspaceEditParams[] = [];
      editor.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => { edits.push(p); return { applied: true }; });
      let answer: { title: string } | null = { title: '/health' };
      const buttons: string[][] = [];
      editor.conn.onRequest('window/showMessageRequest', (p: { actions?: Array<{ title: string }> }) => { buttons.push((p.actions ?? []).map((a) => a.title)); return answer; });
      await editor.conn.sendRequest('workspace/executeCommand', health.command);
      assert.deepEqual(buttons, [['/', '/health', '/healthz']]);
      assert.match(applied(text, edits[0]?.edit, uri), /http:\/\/127\.0\.0\.1:3000\/health"\]\n/);
      answer = null;
      await editor.conn.sendRequest('workspace/executeCommand', health.command);
      assert.equal(edits.length, 1, 'nothing picked, nothing applied');
    });
  });

  it('are run by the server for an editor that does not resolve edits', async () => {
    await withEditor({ initializationOptions: {} }, async (editor) => {
      const uri = write('plain/Dockerfile', NODE_APP);
      await editor.open(uri, NODE_APP);
      const move = (await refactorActions(editor, uri, 0, 12)).find((a) => a.title === 'Move to node:22-alpine');
      assert.ok(move?.command && !move.edit && move.data === undefined);
      const edits: ApplyWorkspaceEditParams[] = [];
      editor.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => { edits.push(p); return { applied: true }; });
      await editor.conn.sendRequest('workspace/executeCommand', move.command);
      assert.equal(applied(NODE_APP, edits[0]?.edit, uri), NODE_APP.replace('node:16-alpine', 'node:22-alpine'));
    });
  });

  it('show one that cannot be done here greyed out with the reason, where the editor can', async () => {
    const text = 'FROM gcr.io/distroless/java21-debian12\nCOPY app.jar /app.jar\nEXPOSE 8080\nCMD ["/app.jar"]\n';
    await withEditor({ ...VS_CODE, initializationOptions: {} }, async (editor) => {
      const uri = write('disabled/Dockerfile', text);
      await editor.open(uri, text);
      const health = (await refactorActions(editor, uri, 2)).find((a) => a.title.startsWith('Add a HEALTHCHECK'));
      assert.ok(health?.disabled, JSON.stringify(health));
      assert.match(health.disabled.reason, /Java/);
      assert.equal(health.command, undefined);
    });
    await withEditor({ initializationOptions: {} }, async (editor) => {
      const uri = write('disabled-plain/Dockerfile', text);
      await editor.open(uri, text);
      assert.equal((await refactorActions(editor, uri, 2)).find((a) => a.title.startsWith('Add a HEALTHCHECK')), undefined);
    });
  });

  it('come without a change once the document has changed, and say so', async () => {
    await withEditor({ ...VS_CODE, initializationOptions: {} }, async (editor) => {
      const uri = write('stale/Dockerfile', NODE_APP);
      await editor.open(uri, NODE_APP);
      const move = (await refactorActions(editor, uri, 0, 12)).find((a) => a.title === 'Move to node:22-alpine');
      await editor.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# base\n' }]);
      const stale: CodeAction = await editor.conn.sendRequest('codeAction/resolve', move);
      assert.equal(stale.edit, undefined);
      assert.deepEqual(stale.command?.arguments, [['The file changed: pick the refactoring again']]);
    });
  });

  it('say in the hover what they bring with them: the build command a secret mount needs', async () => {
    await withEditor({ ...VS_CODE, initializationOptions: {} }, async (editor) => {
      const text = 'FROM node:22\nARG NPM_TOKEN\nWORKDIR /app\nCOPY package*.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCOPY . .\nCMD ["node", "index.js"]\n';
      const uri = write('hint/Dockerfile', text);
      await editor.open(uri, text);
      const hover: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
      const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
      assert.match(value, /\*\*Pass NPM_TOKEN as a build secret \(RUN --mount=type=secret\) instead of ARG\*\*: Build with the secret from your environment: `docker build --secret id=npm-token,env=NPM_TOKEN \.`/);
      assert.match(value, /`secrets: npm-token: environment: NPM_TOKEN`/);
      // Not on the RUN: the hint is about the ARG.
      const elsewhere: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 1 } });
      assert.doesNotMatch((elsewhere?.contents as { value: string } | undefined)?.value ?? '', /docker build --secret/);
    });
  });

  it('are not offered when the editor asks only for quick fixes', async () => {
    await withEditor({ initializationOptions: {} }, async (editor) => {
      const uri = write('quickfix/Dockerfile', NODE_APP);
      await editor.open(uri, NODE_APP);
      const at = { line: 0, character: 12 };
      const list: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } });
      assert.deepEqual(list.filter((a) => a.kind?.startsWith('refactor')), []);
      const hover: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at });
      assert.ok(hover);
    });
  });
});
