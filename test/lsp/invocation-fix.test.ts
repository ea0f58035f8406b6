// Fix-all in the editor fixes what the document is linted for: as the compose services build it (the stage a
// service's target leaves out is not touched).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

const DOCKERFILE = 'FROM alpine:3.21 AS runtime\nRUN apk add curl\nUSER 1\nCMD ["/srv/run"]\n\nFROM runtime AS dev\nRUN apk add git\n';

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-invocation-fix-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'app'));
  fs.writeFileSync(path.join(tmp, 'app/Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  web:\n    build:\n      context: app\n      target: runtime\n');
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('fix-all as compose builds the document', () => {
  it('fixes the stages the service builds only', async () => {
    const uri = pathToFileURL(path.join(tmp, 'app/Dockerfile')).toString();
    await editor.open(uri, DOCKERFILE);
    const list: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.dockwise'] } });
    assert.equal(list.length, 1);
    assert.equal(list[0].edit?.changes?.[uri]?.[0].newText, 'FROM alpine:3.21 AS runtime\nRUN apk add --no-cache curl\nUSER 1\nCMD ["/srv/run"]\n\nFROM runtime AS dev\nRUN apk add git\n');
  });
});

describe('a misspelt compose arg, renamed where compose passes it', () => {
  const dockerfile = 'FROM node:22-slim\nARG NODE_ENV=production\nRUN npm ci\n';
  // Two services build alike (linted once): the rename is made in both.
  const compose = 'services:\n  web:\n    build:\n      context: .\n      args:\n        NODE_EMV: development # the service\'s mode\n  worker:\n    build:\n      context: .\n      args: { NODE_EMV: development }\n';
  it('offers the rename in compose.yaml, in each service that passes it, as an unsafe quick fix that edits that file only; the finding goes once it is made', async () => {
    fs.mkdirSync(path.join(tmp, 'web'));
    fs.writeFileSync(path.join(tmp, 'web/Dockerfile'), dockerfile);
    fs.writeFileSync(path.join(tmp, 'web/compose.yaml'), compose);
    const uri = pathToFileURL(path.join(tmp, 'web/Dockerfile')).toString();
    const composeUri = pathToFileURL(path.join(tmp, 'web/compose.yaml')).toString();
    const diagnostics = await editor.open(uri, dockerfile);
    const finding = diagnostics.find((d) => d.code === 'build-arg-not-declared');
    assert.ok(finding, 'the misspelt arg is reported');
    // The related locations are the name itself on each service's line.
    assert.deepEqual(finding.relatedInformation?.map((r) => [r.location, r.message]), [
      [{ uri: composeUri, range: { start: { line: 5, character: 8 }, end: { line: 5, character: 16 } } }, 'compose service web'],
      [{ uri: composeUri, range: { start: { line: 9, character: 14 }, end: { line: 9, character: 22 } } }, 'compose service worker'],
    ]);
    const list: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } });
    const rename = list.find((a) => a.title.startsWith('Rename'));
    assert.equal(rename?.title, 'Rename `NODE_EMV` to `NODE_ENV` in compose.yaml (unsafe: the build then passes its value)');
    assert.equal(rename?.isPreferred, false);
    assert.deepEqual(rename?.edit, { changes: { [composeUri]: [
      { range: { start: { line: 5, character: 8 }, end: { line: 5, character: 16 } }, newText: 'NODE_ENV' },
      { range: { start: { line: 9, character: 14 }, end: { line: 9, character: 22 } }, newText: 'NODE_ENV' },
    ] } });
    // Made as the editor makes it: the comment stays, and the Dockerfile, linted again, no longer has the finding.
    const lines = compose.split('\n');
    for (const e of rename!.edit!.changes![composeUri]) lines[e.range.start.line] = lines[e.range.start.line].slice(0, e.range.start.character) + e.newText + lines[e.range.start.line].slice(e.range.end.character);
    const edited = lines.join('\n');
    assert.equal(edited, 'services:\n  web:\n    build:\n      context: .\n      args:\n        NODE_ENV: development # the service\'s mode\n  worker:\n    build:\n      context: .\n      args: { NODE_ENV: development }\n');
    fs.writeFileSync(path.join(tmp, 'web/compose.yaml'), edited);
    const next = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: composeUri, type: 2 }] });
    const after = await next;
    assert.deepEqual(after.filter((d) => d.code === 'build-arg-not-declared'), []);
  });
});
