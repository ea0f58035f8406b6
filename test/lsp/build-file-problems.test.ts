// What cannot be read in a compose file is shown on that file, at its line, and cleared once the file is mended.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

const DOCKERFILE = 'FROM python:3.13-alpine\nCOPY . /app\nCMD ["python", "/app/app.py"]\n';
const WITH_INCLUDE = 'include:\n  - db/compose.yaml\nservices:\n  api:\n    build: ./api\n';

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-build-file-problems-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'api'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'api/Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), WITH_INCLUDE);
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('problems in compose files', () => {
  it('are shown on the compose file at their line, and cleared when it is mended', async () => {
    const compose = pathToFileURL(path.join(tmp, 'compose.yaml')).toString();
    const dockerfile = pathToFileURL(path.join(tmp, 'api/Dockerfile')).toString();
    const shown = editor.nextDiagnostics(compose);
    await editor.open(dockerfile, DOCKERFILE);
    const problems = await shown;
    assert.deepEqual(problems.map((d) => [d.range.start.line + 1, d.source, d.message]), [
      [2, 'dockwise', 'the included compose file db/compose.yaml cannot be read; its services are not known here'],
    ]);
    fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  api:\n    build: ./api\n');
    const cleared = editor.nextDiagnostics(compose);
    // The Dockerfile is linted again too (its compose file changed): the test ends once that is done.
    const relinted = editor.nextDiagnostics(dockerfile);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: compose, type: 2 }] });
    assert.deepEqual(await cleared, []);
    await relinted;
  });
});
