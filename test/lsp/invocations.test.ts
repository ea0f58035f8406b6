// The language server lints a Dockerfile as the compose services of its workspace build it, as the command does,
// and again when a compose file changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

const DOCKERFILE = 'ARG BASE=python:3.8-alpine\nFROM ${BASE} AS builder\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n\nFROM builder AS dev-envs\nRUN apk add git\n';
const compose = (args: boolean) => `services:\n  api:\n    build:\n      context: services/api\n      target: builder\n${args ? '      args:\n        BASE: python:3.13-alpine\n' : ''}`;
const shown = (diags: Diagnostic[]) => diags.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`);

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-invocations-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'services/api'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'services/api/Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'services/api/.dockerignore'), '.git\n');
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), compose(true));
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('compose files in the editor', () => {
  it('lint the document as the services build it, and again when the compose file changes', async () => {
    const uri = pathToFileURL(path.join(tmp, 'services/api/Dockerfile')).toString();
    // As built: the arg names a maintained Python, and the dev-envs stage after the target is not built.
    assert.deepEqual(shown(await editor.open(uri, DOCKERFILE)), []);
    // The hover on the ARG says what the service passes; on its use in FROM too.
    for (const position of [{ line: 0, character: 5 }, { line: 1, character: 8 }]) {
      const hover: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /compose service api passes `BASE=python:3\.13-alpine`/);
    }
    fs.writeFileSync(path.join(tmp, 'compose.yaml'), compose(false));
    const next = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(tmp, 'compose.yaml')).toString(), type: 2 }] });
    assert.deepEqual(shown(await next), ['eol-base-image 2:6']);
  });
});

describe('choosing the build a document is linted as', () => {
  // Two services build one Dockerfile: only `api` passes a maintained Python.
  const twoServices = (worker: boolean) => `services:\n  api:\n    build:\n      context: services/api\n      target: builder\n      args:\n        BASE: python:3.13-alpine\n${worker ? '  worker:\n    build:\n      context: services/api\n      target: builder\n' : ''}`;
  const API = 'compose:choose/compose.yaml:api';
  const WORKER = 'compose:choose/compose.yaml:worker';
  // Rule, place and which builds a finding is only in, if it says.
  const said = (diags: Diagnostic[]) => diags.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}${/ \(only in [^)]*\)$/.exec(String(d.message))?.[0] ?? ''}`);
  const EOL = 'eol-base-image 2:6';
  interface Listed { items: Array<{ key: string; name: string; label: string; detail: string; chosen: boolean }>; chosen: string; files: string[] }
  let uri: string;
  const list = (params: unknown): Promise<Listed> => editor.conn.sendRequest('dockwise/invocations', params);
  /** Chooses `key` and waits for the diagnostics published after it. */
  async function choose(key: string): Promise<{ listed: Listed; diags: Diagnostic[] }> {
    const next = editor.nextDiagnostics(uri);
    const listed: Listed = await editor.conn.sendRequest('dockwise/chooseInvocation', { uri, key });
    return { listed, diags: await next };
  }
  /** The lines (1-based) of the lenses that say a stage is the final image. */
  const finalImageLenses = async () => {
    const lenses: Array<{ range: { start: { line: number } }; command?: { title: string } }> = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    return lenses.filter((l) => l.command?.title === 'final image').map((l) => l.range.start.line + 1);
  };
  const argHover = async () => {
    const hover: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    return ((hover?.contents as { value: string } | undefined)?.value ?? '').split('\n\n---\n\n').filter((part) => / passes /.test(part));
  };

  before(() => {
    fs.mkdirSync(path.join(tmp, 'choose/services/api'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'choose/services/api/Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(tmp, 'choose/services/api/.dockerignore'), '.git\n');
    fs.writeFileSync(path.join(tmp, 'choose/compose.yaml'), twoServices(true));
    uri = pathToFileURL(path.join(tmp, 'choose/services/api/Dockerfile')).toString();
  });

  it('lists the builds; lints as one of them, alone or all of them; an unknown key is all of them', async () => {
    // All of them (the default): the finding only one build has says which.
    assert.deepEqual(said(await editor.open(uri, DOCKERFILE)), [`${EOL} (only in compose service worker)`]);
    assert.deepEqual(await list({ uri }), {
      items: [
        { key: API, name: 'api', label: 'compose service api', detail: 'choose/compose.yaml:2 · target builder · context choose/services/api', chosen: false },
        { key: WORKER, name: 'worker', label: 'compose service worker', detail: 'choose/compose.yaml:8 · target builder · context choose/services/api', chosen: false },
      ],
      chosen: 'all',
      // Every compose and bake file read, also one that builds other Dockerfiles.
      files: ['choose/compose.yaml', 'compose.yaml'],
    });
    assert.deepEqual(await argHover(), ['compose service api passes `BASE=python:3.13-alpine`  \ncompose service worker passes no `BASE`: the default applies']);

    // One build: its findings only, said as they are.
    let chosen = await choose(WORKER);
    assert.deepEqual(said(chosen.diags), [EOL]);
    assert.equal(chosen.listed.chosen, WORKER);
    assert.deepEqual(chosen.listed.items.map((i) => i.chosen), [false, true]);
    // No build it is linted as passes the ARG: the hover says nothing of builds, as for a file no compose file builds.
    assert.deepEqual(await argHover(), []);
    chosen = await choose(API);
    assert.deepEqual(said(chosen.diags), []);
    assert.deepEqual(await argHover(), ['compose service api passes `BASE=python:3.13-alpine`']);
    // As one build, the lenses say what it builds: its target (builder) is the final image, not the last stage.
    assert.deepEqual(await finalImageLenses(), [2]);
    // An edit keeps the choice.
    assert.deepEqual(said(await editor.change(uri, 2, [{ text: `${DOCKERFILE}\n` }])), []);

    // Alone: `docker build` of the folder, to the last stage, with the ARG's default; no build's value in the hover.
    chosen = await choose('alone');
    assert.equal(chosen.listed.chosen, 'alone');
    assert.deepEqual(chosen.listed.items.map((i) => i.chosen), [false, false]);
    assert.ok(said(chosen.diags).includes(EOL), said(chosen.diags).join(' | '));
    assert.deepEqual(await argHover(), []);
    assert.deepEqual(await finalImageLenses(), [7]);

    // All of them again.
    chosen = await choose('all');
    assert.equal(chosen.listed.chosen, 'all');
    assert.deepEqual(said(chosen.diags), [`${EOL} (only in compose service worker)`]);
    // Several builds that all ship the builder stage: the lenses say so too (with other targets they are the file's alone).
    assert.deepEqual(await finalImageLenses(), [2]);

    // A key no build has: all of them.
    await choose(API);
    chosen = await choose('compose:choose/compose.yaml:nope');
    assert.equal(chosen.listed.chosen, 'all');
    assert.deepEqual(said(chosen.diags), [`${EOL} (only in compose service worker)`]);
  });

  it('answers for no document it does not have open, and with nothing for what is not a request of its kind', async () => {
    const none = { items: [], chosen: 'all', files: [] };
    const elsewhere = pathToFileURL(path.join(tmp, 'choose/services/api/Dockerfile.other')).toString();
    assert.deepEqual(await list({ uri: elsewhere }), none);
    assert.deepEqual(await list(null), none);
    assert.deepEqual(await list({ uri: 42 }), none);
    assert.deepEqual(await editor.conn.sendRequest('dockwise/chooseInvocation', { uri: elsewhere, key: API }), none);
    assert.deepEqual(await editor.conn.sendRequest('dockwise/chooseInvocation', { uri, key: 7 }), none);
    // The same as commands, for editors that only run commands.
    assert.deepEqual((await editor.conn.sendRequest('workspace/executeCommand', { command: 'dockwise.server.invocations', arguments: [uri] }) as Listed).items.map((i) => i.key), [API, WORKER]);
    assert.ok(editor.capabilities.executeCommandProvider?.commands.includes('dockwise.server.chooseInvocation'));
  });

  it('a chosen build the compose file no longer has is all of them again, and the editor is told the builds changed', async () => {
    const next = editor.nextDiagnostics(uri);
    const chosen = await editor.conn.sendRequest('workspace/executeCommand', { command: 'dockwise.server.chooseInvocation', arguments: [uri, WORKER] }) as Listed;
    assert.equal(chosen.chosen, WORKER);
    assert.deepEqual(said(await next), [EOL]);
    const told = new Promise<void>((resolve) => { editor.conn.onNotification('dockwise/invocationsChanged', () => resolve()); });
    fs.writeFileSync(path.join(tmp, 'choose/compose.yaml'), twoServices(false));
    const after = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(tmp, 'choose/compose.yaml')).toString(), type: 2 }] });
    await told;
    assert.deepEqual(said(await after), []);
    const listed = await list({ uri });
    assert.equal(listed.chosen, 'all');
    assert.deepEqual(listed.items.map((i) => i.key), [API]);
    // The service back: still all of them, the choice was forgotten.
    fs.writeFileSync(path.join(tmp, 'choose/compose.yaml'), twoServices(true));
    const back = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(tmp, 'choose/compose.yaml')).toString(), type: 2 }] });
    assert.deepEqual(said(await back), [`${EOL} (only in compose service worker)`]);
  });

  it('a choice is forgotten when the document closes', async () => {
    await choose(API);
    const cleared = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await cleared, []);
    assert.deepEqual(said(await editor.open(uri, DOCKERFILE)), [`${EOL} (only in compose service worker)`]);
    assert.equal((await list({ uri })).chosen, 'all');
  });
});

describe('choosing the build, in an editor that pulls diagnostics', () => {
  it('asks the editor to pull again, and answers with the chosen build\'s findings', async () => {
    const puller = await startEditor({ rootUri: pathToFileURL(tmp).toString(), pull: true });
    try {
      const uri = pathToFileURL(path.join(tmp, 'choose/services/api/Dockerfile')).toString();
      void puller.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
      const pull = async () => ((await puller.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items.map((d) => String(d.message));
      assert.deepEqual((await pull()).map((m) => m.endsWith('(only in compose service worker)')), [true]);
      const refreshed = puller.nextRefresh();
      await puller.conn.sendRequest('dockwise/chooseInvocation', { uri, key: 'compose:choose/compose.yaml:api' });
      await refreshed;
      assert.deepEqual(await pull(), []);
    } finally {
      puller.close();
    }
  });
});
