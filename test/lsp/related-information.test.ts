// A finding about a compose service reaches the editor with the service's line as related information.
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
const DOCKERFILE = 'FROM alpine:3.24\nRUN --mount=type=secret,id=npm_token cat /run/secrets/npm_token\n';

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-related-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'api'));
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: api\n');
  fs.writeFileSync(path.join(tmp, 'api/Dockerfile'), DOCKERFILE);
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

describe('related information', () => {
  it('points at the compose service that builds the document', async () => {
    const diagnostics = await editor.open(pathToFileURL(path.join(tmp, 'api/Dockerfile')).toString(), DOCKERFILE);
    const secret = diagnostics.find((d) => d.code === 'secret-not-provided');
    assert.deepEqual(secret?.relatedInformation, [{
      location: { uri: pathToFileURL(path.join(tmp, 'compose.yaml')).toString(), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } },
      message: 'compose service api',
    }]);
  });
});
