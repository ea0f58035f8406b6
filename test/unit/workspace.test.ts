// The workspace layer over a host without synchronous reads (a browser worker's): config files are found up the
// folders of a vscode-vfs:// URI, the files beside a Dockerfile are fetched before the lint, and the findings are
// the ones a lint with every file at hand gives. Problems are reported once.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixAll, lintText, memoryFiles } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import type { Host, ReadResult } from '../../server/src/workspace/host';
import { Workspace } from '../../server/src/workspace/workspace';
import { hasFolder, uriBasename, uriDirname, uriJoin } from '../../server/src/workspace/uri';
import { DEFAULT_SETTINGS, SETTING_KEYS, configFileUri } from '../../server/src/lsp/settings';

const ROOT = 'vscode-vfs://github/acme/shop';

/** A host whose files are a map of URIs, answered asynchronously, counting what was asked. */
function memoryHost(files: Record<string, string>, userConfigs: string[] = []): Host & { asked: string[] } {
  const asked: string[] = [];
  const has = (uri: string) => Object.prototype.hasOwnProperty.call(files, uri);
  return {
    asked,
    fs: {
      read: async (uri, maxBytes): Promise<ReadResult> => {
        asked.push(`read ${uri}`);
        if (!has(uri)) return { error: 'no such file', missing: true };
        return files[uri].length > maxBytes ? { error: 'too large', tooLarge: true } : { text: files[uri] };
      },
      isFile: async (uri) => { asked.push(`isFile ${uri}`); return has(uri); },
      readHead: async (uri, length) => (has(uri) ? new Uint8Array([...files[uri].slice(0, length)].map((c) => c.charCodeAt(0))) : undefined),
    },
    userConfigUris: () => userConfigs,
    shellParserWasm: () => { throw new Error('not needed here'); },
  };
}

before(() => initNodeShellParser());

describe('URIs', () => {
  it('folder, join and name work on any scheme, with segments encoded', () => {
    assert.equal(uriDirname(`${ROOT}/svc/Dockerfile`), `${ROOT}/svc`);
    assert.equal(uriDirname(`${ROOT}/Dockerfile`), ROOT);
    assert.equal(uriJoin(`${ROOT}/svc`, '../.dockwise.yaml'), `${ROOT}/.dockwise.yaml`);
    assert.equal(uriJoin('file:///srv/my app', 'a b/c.txt'), 'file:///srv/my app/a%20b/c.txt');
    assert.equal(uriBasename('file:///srv/Dockerfile.prod'), 'Dockerfile.prod');
    assert.equal(hasFolder('untitled:Untitled-1'), false);
    assert.equal(hasFolder(`${ROOT}/Dockerfile`), true);
  });
});

describe('a workspace on a host without synchronous reads', () => {
  const dockerfile = `${ROOT}/svc/Dockerfile`;
  const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY node_modules ./node_modules\nCOPY . .\nCMD ["node", "server.js"]\n';

  it('fetches the .dockerignore the rules ask for and finds what a lint with it at hand finds', async () => {
    const host = memoryHost({ [`${ROOT}/svc/.dockerignore`]: 'node_modules\n' });
    const ws = new Workspace(host, () => assert.fail('no problem expected'));
    const options = await ws.optionsFor(dockerfile, {});
    const { findings } = await ws.withFiles(dockerfile, () => lintText(text, options));
    const expected = lintText(text, { ...options, files: memoryFiles({ '.dockerignore': 'node_modules\n' }) }).findings;
    assert.deepEqual(findings.map((f) => `${f.rule}@${f.start}`), expected.map((f) => `${f.rule}@${f.start}`));
    assert.ok(findings.some((f) => f.rule === 'copy-ignored-file'), 'the ignore file was read');
    assert.ok(host.asked.includes(`read ${ROOT}/svc/.dockerignore`));
  });

  it('fix-all sees the same files (no .dockerignore created where one exists)', async () => {
    const host = memoryHost({ [`${ROOT}/svc/.dockerignore`]: '.git\n' });
    const ws = new Workspace(host, () => undefined);
    const options = await ws.optionsFor(dockerfile, {});
    const result = await ws.withFiles(dockerfile, () => fixAll(text, { ...options, unsafe: true }));
    assert.deepEqual(result.createFiles, []);
  });

  it('finds .dockwise.yaml up the folders, stops at the workspace folder, and reports a broken one once', async () => {
    const files = { [`${ROOT}/.dockwise.yaml`]: 'rules:\n  no-such-rule: off\n', 'vscode-vfs://github/acme/.dockwise.yaml': 'profile: strict\n' };
    const problems: string[] = [];
    const ws = new Workspace(memoryHost(files), (_p, t) => problems.push(t));
    ws.setRoots([ROOT]);
    assert.equal(await ws.configFileFor(dockerfile), `${ROOT}/.dockwise.yaml`);
    await ws.optionsFor(dockerfile, {});
    await ws.optionsFor(`${ROOT}/api/Dockerfile`, {});
    assert.deepEqual(problems, [`${ROOT}/.dockwise.yaml:2: rules: unknown rule "no-such-rule"`]);
    ws.clear();
    await ws.optionsFor(dockerfile, {});
    assert.equal(problems.length, 2, 'after clear() (the file changed) it is reported again');
  });

  it('an untitled document has no folder: no config lookup, no files beside it', async () => {
    const host = memoryHost({}, ['file:///home/u/.config/dockwise.yaml']);
    const ws = new Workspace(host, () => undefined);
    const options = await ws.optionsFor('untitled:Untitled-1', {});
    assert.equal(options.files, undefined);
    assert.equal(options.config, undefined);
    assert.deepEqual(host.asked, []);
  });

  it('without ShellCheck on the host, it yields nothing', async () => {
    const ws = new Workspace(memoryHost({}), () => undefined);
    assert.equal(await ws.shellcheckAvailable(), false);
  });
});

describe('the language server settings', () => {
  it('are the ones package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const declared = Object.keys(manifest.contributes.configuration.properties).map((k) => k.replace(/^dockwise\./, '')).filter((k) => k !== 'trace.server').sort();
    assert.deepEqual([...SETTING_KEYS].sort(), declared);
    for (const key of SETTING_KEYS) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_SETTINGS);
      assert.deepEqual(value, manifest.contributes.configuration.properties[`dockwise.${key}`].default, `default of dockwise.${key}`);
    }
  });

  it('configFile: a URI as is, a relative path under the first folder, other paths by the host', () => {
    assert.equal(configFileUri('vscode-vfs://github/acme/shop/lint.yaml', [ROOT]), 'vscode-vfs://github/acme/shop/lint.yaml');
    assert.equal(configFileUri('conf/lint.yaml', [ROOT]), `${ROOT}/conf/lint.yaml`);
    assert.equal(configFileUri('/etc/dockwise.yaml', [ROOT]), undefined);
    assert.equal(configFileUri('/etc/dockwise.yaml', [ROOT], (p) => `file://${p}`), 'file:///etc/dockwise.yaml');
    assert.equal(configFileUri('C:\\conf\\lint.yaml', [], (p) => `host:${p}`), 'host:C:\\conf\\lint.yaml');
  });
});
