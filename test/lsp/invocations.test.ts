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
