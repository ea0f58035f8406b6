// dockwise.builds.composeFiles names the compose files that build the workspace's Dockerfiles (as `docker compose
// -f` does): a file discovery would not find (deploy/compose.prod.yaml) decides the build, and a change of the
// setting lints the document again as the new files say.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

const DOCKERFILE = 'FROM alpine:3.24 AS runtime\nUSER 1000\nCMD ["/srv/run"]\n\nFROM runtime AS dev\nRUN apk add git\n';
const apk = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'apk-add-missing-no-cache').map((d) => d.range.start.line + 1);

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-build-files-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'app'));
  fs.mkdirSync(path.join(tmp, 'deploy'));
  fs.writeFileSync(path.join(tmp, 'app/Dockerfile'), DOCKERFILE);
  // Not a name discovery looks for, and not in a folder above the Dockerfile.
  fs.writeFileSync(path.join(tmp, 'deploy/compose.prod.yaml'), 'services:\n  web:\n    build:\n      context: ../app\n      target: runtime\n');
  editor = await startEditor({ configuration: true, rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('dockwise.builds.composeFiles', () => {
  it('reads the compose files it names, and again when it changes', async () => {
    const uri = pathToFileURL(path.join(tmp, 'app/Dockerfile')).toString();
    editor.settings = { builds: { composeFiles: ['deploy/compose.prod.yaml'] } };
    // Built to its runtime stage: the dev stage after it is not built.
    assert.deepEqual(apk(await editor.open(uri, DOCKERFILE)), []);
    editor.settings = {};
    const next = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // No file named, none found: linted alone, every stage.
    assert.deepEqual(apk(await next), [6]);
  });
});
