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
