// The stale-digest lens through the language server, against a registry started on 127.0.0.1: a FROM pinned by
// digest gets an unresolved lens; resolved, it says the digest is behind when the tag moved on, and its command
// pins the current one. Up to date, offline, or turned off: nothing to read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CodeLens } from 'vscode-languageserver';
import { initNodeShellParser, nodeHost } from '../../server/src/host/node';
import { createRegistryClient, DigestCache } from '../../server/src/host/node/registry';
import { freePort, pushImage, registryUnavailable, startRegistry, type LocalRegistry } from '../support/local-registry';
import { startEditor, type Editor } from './harness';

const unavailable = registryUnavailable();
if (unavailable) console.log(`# digest lens tests skipped: ${unavailable}`);

describe('the stale-digest lens', { skip: unavailable }, () => {
  let reg: LocalRegistry;
  let editor: Editor;
  let tmp: string;
  const edits: unknown[] = [];
  before(async () => {
    await initNodeShellParser();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lens-'));
    fs.writeFileSync(path.join(tmp, 'config.json'), '{}');
    reg = await startRegistry();
    // No cache between requests: each resolve asks the registry again.
    editor = await startEditor({ server: { host: { ...nodeHost, registry: createRegistryClient({ configFile: path.join(tmp, 'config.json'), cache: new DigestCache(-1) }) } } });
    editor.conn.onRequest('workspace/applyEdit', (p: unknown) => { edits.push(p); return { applied: true }; });
  });
  after(async () => {
    editor?.close();
    await reg?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const digestLenses = (lenses: CodeLens[]) => lenses.filter((l) => (l.data as { kind?: string } | undefined)?.kind === 'pinned-digest');

  it('appears once the tag points elsewhere, and its command pins the current digest', async () => {
    const old = await pushImage(reg, 'team/base', '1.0');
    const uri = 'untitled:stale';
    const text = `FROM ${reg.host}/team/base:1.0@${old.digest} AS build\nRUN true\n`;
    await editor.open(uri, text);
    const lenses = digestLenses(await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }));
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command, undefined, 'the registry is asked on resolve only');
    assert.deepEqual(lenses[0].range, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 + `${reg.host}/team/base:1.0@${old.digest}`.length } });
    const current: CodeLens = await editor.conn.sendRequest('codeLens/resolve', lenses[0]);
    assert.deepEqual(current.command, { title: 'Digest is 1.0\'s current one', command: '' }, 'up to date: said, without a command');

    const moved = await pushImage(reg, 'team/base', '1.0');
    const stale: CodeLens = await editor.conn.sendRequest('codeLens/resolve', lenses[0]);
    const start = text.indexOf('sha256:');
    assert.deepEqual(stale.command, { title: 'Digest is behind 1.0: pin the current one', command: 'dockwise.server.pinDigest', arguments: [uri, start, old.digest, moved.digest] });
    await editor.conn.sendRequest('workspace/executeCommand', { command: stale.command!.command, arguments: stale.command!.arguments });
    assert.deepEqual(edits, [{
      label: 'Pin the current digest',
      edit: { changes: { [uri]: [{ range: { start: { line: 0, character: start }, end: { line: 0, character: start + old.digest.length } }, newText: moved.digest }] } },
    }]);
  });

  it('says nothing offline, and is not offered on images without a tag, with variables, or unpinned', async () => {
    const port = await freePort();
    const digest = `sha256:${'a'.repeat(64)}`;
    const uri = 'untitled:offline';
    await editor.open(uri, `FROM 127.0.0.1:${port}/team/base:1.0@${digest}\nFROM alpine@${digest}\nARG V=1\nFROM ${reg.host}/team/base:\${V}@${digest}\nFROM ${reg.host}/team/base:1.0\n`);
    const lenses = digestLenses(await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }));
    assert.equal(lenses.length, 1);
    const resolved: CodeLens = await editor.conn.sendRequest('codeLens/resolve', lenses[0]);
    assert.deepEqual(resolved.command, { title: '', command: '' });
  });

  it('is turned off by dockwise.registry.checkPinnedDigests', async () => {
    const off = await startEditor({ server: { host: { ...nodeHost, registry: createRegistryClient({ configFile: path.join(tmp, 'config.json') }) } } });
    try {
      off.settings = { registry: { checkPinnedDigests: false } };
      const uri = 'untitled:off';
      await off.open(uri, `FROM ${reg.host}/team/base:1.0@sha256:${'b'.repeat(64)}\n`);
      assert.deepEqual(digestLenses(await off.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })), []);
    } finally {
      off.close();
    }
  });
});
