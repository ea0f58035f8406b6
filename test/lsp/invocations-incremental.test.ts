// A document compose builds in two ways is linted incrementally per build (each build's model and stage memo of
// the version before): after every edit, its diagnostics are exactly what the command reports for the same text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { initNodeShellParser } from '../../server/src/host/node';
import { lintInFolder } from '../support/cli-project';
import { randomEdit, seededRandom } from '../support/random-edits';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

const DOCKERFILE = [
  'ARG NODE=22',
  'FROM node:${NODE}-slim AS deps',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm install',
  '',
  'FROM deps AS build',
  'COPY . .',
  'RUN npm run build && apt-get update && apt-get install -y curl',
  '',
  'FROM node:${NODE}-slim AS runtime',
  'COPY --from=build /app/dist /app',
  'USER node',
  'CMD node /app/server.js',
  '',
  'FROM runtime AS dev-envs',
  'RUN apt-get update && apt-get install -y git',
  '',
].join('\n');

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-invocations-incremental-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  fs.writeFileSync(path.join(tmp, 'Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  web:\n    build:\n      context: .\n      target: runtime\n      args:\n        NODE: "20"\n  tools:\n    build:\n      context: .\n      target: build\n');
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

const shown = (d: Diagnostic) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;

describe('incremental lint of a document compose builds in two ways', () => {
  it('equals the command\'s lint of the same text after every edit', async () => {
    const uri = pathToFileURL(path.join(tmp, 'Dockerfile')).toString();
    let text = DOCKERFILE;
    let diagnostics = await editor.open(uri, text);
    const random = seededRandom(27);
    for (let version = 2; version <= 25; version++) {
      const expected = (await lintInFolder(tmp, ['Dockerfile'])).findings;
      assert.deepEqual(diagnostics.map(shown).sort(), expected.sort(), `version ${version - 1}`);
      const edit = randomEdit(text, random);
      text = edit.text;
      fs.writeFileSync(path.join(tmp, 'Dockerfile'), text);
      diagnostics = await editor.change(uri, version, [{ text }]);
    }
  });
});

describe('a document whose compose file goes away', () => {
  it('is linted alone from then on, not as the build it was last linted as', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'gone-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    const compose = path.join(dir, 'compose.yaml');
    fs.writeFileSync(compose, 'services:\n  web:\n    build:\n      context: .\n      target: runtime\n');
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    const asBuilt = await editor.open(uri, DOCKERFILE);
    assert.deepEqual(asBuilt.map(shown).sort(), (await lintInFolder(dir, ['Dockerfile'])).findings.sort());
    fs.rmSync(compose);
    const next = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(compose).toString(), type: 3 }] });
    const alone = (await lintInFolder(dir, ['Dockerfile'])).findings.sort();
    assert.notDeepEqual(alone, asBuilt.map(shown).sort());
    assert.deepEqual((await next).map(shown).sort(), alone);
    // And after an edit too.
    const edited = `${DOCKERFILE}# a comment\n`;
    fs.writeFileSync(path.join(dir, 'Dockerfile'), edited);
    assert.deepEqual((await editor.change(uri, 2, [{ text: edited }])).map(shown).sort(), (await lintInFolder(dir, ['Dockerfile'])).findings.sort());
  });
});
