/// <reference types="mocha" />
// The "Dockerfiles" view: the workspace's Dockerfiles by folder with Dockwise's counts, read from the tree the view
// shows (the extension's API gives its provider), and fix-all on a file and on a folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, expectDiagnostics, extension, fixture, open, sleep } from './helpers';

interface Node { kind: 'file' | 'folder' }
interface DockerfilesView {
  getChildren(node?: Node): vscode.ProviderResult<Node[]>;
  getTreeItem(node: Node): vscode.TreeItem;
}

async function view(): Promise<DockerfilesView> {
  const api = await extension().activate() as { dockerfiles?: DockerfilesView } | undefined;
  assert.ok(api?.dockerfiles, 'the extension\'s API has no dockerfiles view');
  return api.dockerfiles;
}

function labelOf(item: vscode.TreeItem): string {
  if (typeof item.label === 'string') return item.label;
  if (item.label) return item.label.label;
  return item.resourceUri!.path.split('/').pop()!;
}

function iconOf(item: vscode.TreeItem): string {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
}

interface Row { node: Node; item: vscode.TreeItem; depth: number }

/** The rows of the tree as the view draws them when every folder is expanded. */
async function rows(v: DockerfilesView, node?: Node, depth = 0): Promise<Row[]> {
  const out: Row[] = [];
  for (const child of (await v.getChildren(node)) ?? []) {
    const item = v.getTreeItem(child);
    out.push({ node: child, item, depth });
    if (child.kind === 'folder') out.push(...await rows(v, child, depth + 1));
  }
  return out;
}

/** `indent label — description [icon]` for the row at `path` (a list of labels from the top) and each row under it. */
async function subtree(v: DockerfilesView, path: string[]): Promise<string[]> {
  let top: Row;
  try { top = await rowAt(v, path); } catch { return []; }
  return [top, ...await rows(v, top.node, 1)].map((r) => `${'  '.repeat(r.depth)}${labelOf(r.item)} — ${r.item.description ?? ''} [${iconOf(r.item)}]`);
}

async function rowAt(v: DockerfilesView, path: string[]): Promise<Row> {
  let node: Node | undefined;
  let row: Row | undefined;
  for (const name of path) {
    const children = (await v.getChildren(node)) ?? [];
    const found = children.find((c) => labelOf(v.getTreeItem(c)) === name);
    assert.ok(found, `no row "${name}" under ${node ? labelOf(v.getTreeItem(node)) : 'the top'}`);
    node = found;
    row = { node: found, item: v.getTreeItem(found), depth: 0 };
  }
  return row!;
}

/** Waits until the view's rows under `path` are `expected`: the view redraws a moment after files and diagnostics change. */
async function expectSubtree(v: DockerfilesView, path: string[], expected: string[], what: string): Promise<void> {
  const until = Date.now() + 20000;
  let have = await subtree(v, path);
  while (JSON.stringify(have) !== JSON.stringify(expected) && Date.now() < until) {
    await sleep(200);
    have = await subtree(v, path);
  }
  assert.deepEqual(have, expected, what);
}

async function readText(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(rel)));
}

async function write(rel: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixture(rel), new TextEncoder().encode(text));
}

/** The rows under view/ once its files are linted, open or not. */
const LINTED = [
  'view — 1 error, 2 warnings, 1 info [folder]',
  '  a/b — 1 warning [folder]',
  '    Containerfile.dev — no problems [pass]',
  '    Dockerfile — 1 warning [warning]',
  '  web — 1 error, 1 warning, 1 info [folder]',
  '    api.dockerfile — 1 warning, 1 info [warning]',
  '    Dockerfile — 1 error [error]',
];

const API = 'FROM python:3.13-slim\nMAINTAINER me@example.com\nWORKDIR /srv\nCOPY app.py .\nRUN pip install flask\nUSER 1000\nCMD ["flask", "run"]\n';

suite('Dockerfiles view', () => {
  suiteSetup(async () => {
    // Made here, not in the fixture: node_modules is git-ignored, and a new file must reach the view by itself.
    await write('view/web/node_modules/left-pad/Dockerfile', 'FROM alpine:3.22\n');
    await write('view/web/api.dockerfile', API);
  });
  suiteTeardown(closeAll);

  test('every Dockerfile and Containerfile by folder, node_modules left out, each linted without being opened', async () => {
    const v = await view();
    // The server lints the workspace's Dockerfiles from disk (workspace diagnostics): none of these is open.
    await expectSubtree(v, ['view'], LINTED, 'the rows under view/');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.includes('/view/')), 'no file of view/ is open');
    const top = (await rows(v)).filter((r) => r.depth === 0).map((r) => labelOf(r.item));
    for (const name of ['Containerfile', 'Dockerfile', 'Dockerfile.prod', 'fix-all', 'view']) assert.ok(top.includes(name), `no top-level row "${name}": ${top.join(', ')}`);
    const row = await rowAt(v, ['view', 'web', 'Dockerfile']);
    assert.equal(row.item.tooltip, 'view/web/Dockerfile\n1 error');
    assert.deepEqual(row.item.command && { command: row.item.command.command, arguments: row.item.command.arguments?.map(String) }, { command: 'vscode.open', arguments: [fixture('view/web/Dockerfile').toString()] });
    assert.equal(row.item.contextValue, 'dockerfile');
    assert.equal((await rowAt(v, ['view', 'a/b'])).item.contextValue, 'folder');
  });

  test('an opened file shows its counts by severity, its worst as the icon, and its folders add them up', async () => {
    const v = await view();
    const { document } = await open(fixture('view/web/Dockerfile'));
    await expectDiagnostics(document.uri, ['exec-form-invalid-json Error 5:6-5:12']);
    const api = await open(fixture('view/web/api.dockerfile'));
    await expectDiagnostics(api.document.uri, ['maintainer-deprecated Information 2:1-2:11', 'pip-install-missing-no-cache-dir Warning 5:5-5:8']);
    await expectSubtree(v, ['view'], LINTED, 'the rows once view/web\'s files are open');
    assert.equal((await rowAt(v, ['view', 'web', 'Dockerfile'])).item.tooltip, 'view/web/Dockerfile\n1 error');
  });

  test('fix all on a file that is not open: fixed and saved, then shown as linted', async () => {
    const v = await view();
    const row = await rowAt(v, ['view', 'a/b', 'Dockerfile']);
    assert.equal(await vscode.commands.executeCommand('dockwise.dockerfiles.fixFile', row.node), true);
    assert.equal(await readText('view/a/b/Dockerfile'), 'FROM alpine:3.22\nCOPY run.sh /usr/local/bin/run.sh\nUSER 405\nCMD ["run.sh"]\n');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixture('view/a/b/Dockerfile').toString());
    assert.ok(doc && !doc.isDirty, 'the fixed document is saved');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document === doc), 'the fixed document was not shown');
    await expectSubtree(v, ['view', 'a/b'], [
      'a/b — no problems [folder]',
      '  Containerfile.dev — no problems [pass]',
      '  Dockerfile — no problems [pass]',
    ], 'the rows of view/a/b once the fixed file is linted');
  });

  test('fix all on a folder: each of its files, and how many changed', async () => {
    const v = await view();
    const web = await rowAt(v, ['view', 'web']);
    const before = await readText('view/web/Dockerfile');
    // The Dockerfile's only fix is unsafe (off by default); api.dockerfile has two safe ones.
    assert.equal(await vscode.commands.executeCommand('dockwise.dockerfiles.fixFolder', web.node), 1);
    assert.equal(await readText('view/web/Dockerfile'), before);
    assert.equal(await readText('view/web/api.dockerfile'), API.replace('MAINTAINER me@example.com', 'LABEL org.opencontainers.image.authors="me@example.com"').replace('pip install', 'pip install --no-cache-dir'));
    await expectSubtree(v, ['view', 'web'], [
      'web — 1 error [folder]',
      '  api.dockerfile — no problems [pass]',
      '  Dockerfile — 1 error [error]',
    ], 'the rows of view/web after fix all on it');
  });

  test('a deleted Dockerfile leaves the view', async () => {
    const v = await view();
    await vscode.workspace.fs.delete(fixture('view/web/api.dockerfile'));
    await expectSubtree(v, ['view', 'web'], [
      'web — 1 error [folder]',
      '  Dockerfile — 1 error [error]',
    ], 'the rows of view/web after deleting api.dockerfile');
  });
});
