// Document and range formatting over the protocol, as an editor asks for them (format on save, Format Selection).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, initNodeShellParser } from '../../server/src/host/node';
import { editorIndent } from '../../server/src/lsp/formatting';
import { startEditor, type Editor } from './harness';

let tmp: string;
before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-format-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'no-user-config');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SPACES = { tabSize: 4, insertSpaces: true };
const MESSY = 'from alpine:3.20\nWORKDIR /srv\nrun  echo hi   \n';
const TIDY = 'FROM alpine:3.20\nWORKDIR /srv\nRUN echo hi\n';

/** A file's URI in a folder of its own below the temporary one, with that folder's config file when given. */
function place(folder: string, config?: string): string {
  const dir = path.join(tmp, folder);
  fs.mkdirSync(dir, { recursive: true });
  if (config !== undefined) fs.writeFileSync(path.join(dir, '.dockwise.yaml'), config);
  return fileUri(path.join(dir, 'Dockerfile'));
}

const applied = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'dockerfile', 1, text), edits);

describe('formatting over the protocol', () => {
  let editor: Editor;
  before(async () => { editor = await startEditor(); });
  after(() => editor.close());

  const format = (uri: string, options = SPACES): Promise<TextEdit[]> => editor.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options });

  it('announces document and range formatting to a client that does not register them itself', () => {
    assert.equal(editor.capabilities.documentFormattingProvider, true);
    assert.equal(editor.capabilities.documentRangeFormattingProvider, true);
  });

  it('formats the whole document with small edits, none of them the whole file', async () => {
    const uri = place('whole');
    await editor.open(uri, MESSY);
    const edits = await format(uri);
    assert.equal(applied(MESSY, edits), TIDY);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.end.line]), [[0, 0], [2, 2]], 'one small edit per changed line; the tidy one between is not touched');
    await editor.change(uri, 2, [{ text: TIDY }]);
    assert.deepEqual(await format(uri), [], 'nothing to do once it is formatted');
  });

  it('formats only the instructions a range touches', async () => {
    const uri = place('range');
    await editor.open(uri, MESSY);
    const edits: TextEdit[] = await editor.conn.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri }, options: SPACES, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
    });
    assert.equal(applied(MESSY, edits), 'from alpine:3.20\nWORKDIR /srv\nRUN echo hi\n');
  });

  it('reads the options from the document\'s .dockwise.yaml', async () => {
    const uri = place('config', 'format:\n  keywordCase: lower\n');
    await editor.open(uri, MESSY);
    assert.equal(applied(MESSY, await format(uri)), 'from alpine:3.20\nworkdir /srv\nrun echo hi\n');
  });

  it('returns no edits for a document that is not open, was closed, or changed while it was being formatted', async () => {
    assert.deepEqual(await format(place('never-opened')), []);
    const uri = place('closed');
    await editor.open(uri, MESSY);
    void editor.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await format(uri), []);
    const stale = place('stale');
    await editor.open(stale, MESSY);
    // Settings changed: the analysis waits for the editor's answer to workspace/configuration, and the edit
    // below arrives meanwhile. Edits computed for version 1 would be wrong for version 2.
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const asked = format(stale);
    void editor.conn.sendNotification('textDocument/didChange', { textDocument: { uri: stale, version: 2 }, contentChanges: [{ text: `# new\n${MESSY}` }] });
    assert.deepEqual(await asked, []);
  });

  it('returns no edits where dockwise.format.enable is false', async () => {
    const uri = place('disabled');
    editor.settings = { format: { enable: false } };
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await editor.open(uri, MESSY);
    assert.deepEqual(await format(uri), []);
    editor.settings = {};
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(applied(MESSY, await format(uri)), TIDY);
  });

  it('indents new continuation lines as the editor indents when the file has none of its own', async () => {
    const uri = place('indent', 'format:\n  onePackagePerLine: true\n');
    const text = 'FROM debian:12\nRUN apt-get install -y curl git\n';
    await editor.open(uri, text);
    const lines = (options: { tabSize: number; insertSpaces: boolean }) => format(uri, options).then((e) => applied(text, e).split('\n').slice(2, 4));
    assert.deepEqual(await lines({ tabSize: 2, insertSpaces: true }), ['  curl \\', '  git']);
    assert.deepEqual(await lines({ tabSize: 4, insertSpaces: false }), ['\tcurl \\', '\tgit']);
  });
});

describe('formatting registered by the server', () => {
  it('registers the providers while dockwise.format.enable is on, and unregisters them when it is turned off', async () => {
    const editor = await startEditor({ textDocument: { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true } } });
    try {
      const registered = new Set<string>();
      let changed: () => void = () => undefined;
      const next = () => new Promise<void>((resolve) => { changed = resolve; });
      editor.conn.onRequest('client/registerCapability', (p: { registrations: Array<{ id: string; method: string }> }) => {
        for (const r of p.registrations) if (r.method.startsWith('textDocument/')) registered.add(r.method);
        changed();
        return null;
      });
      editor.conn.onRequest('client/unregisterCapability', (p: { unregisterations: Array<{ method: string }> }) => {
        for (const r of p.unregisterations) registered.delete(r.method);
        changed();
        return null;
      });
      assert.equal(editor.capabilities.documentFormattingProvider, undefined, 'not announced statically');
      let wait = next();
      while (registered.size < 2) { await wait; wait = next(); }
      assert.deepEqual([...registered].sort(), ['textDocument/formatting', 'textDocument/rangeFormatting']);
      editor.settings = { format: { enable: false } };
      void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      while (registered.size > 0) { await wait; wait = next(); }
      assert.deepEqual([...registered], []);
    } finally {
      editor.close();
    }
  });
});

describe('formatting beside a Docker extension', () => {
  it('is offered all the same: the editor lets the user choose between formatters', async () => {
    const editor = await startEditor({ initializationOptions: { dockerExtensionActive: true } });
    try {
      assert.equal(editor.capabilities.documentFormattingProvider, true);
      const uri = place('beside-docker');
      await editor.open(uri, MESSY);
      const edits: TextEdit[] = await editor.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: SPACES });
      assert.equal(applied(MESSY, edits), TIDY);
    } finally {
      editor.close();
    }
  });
});

describe('the editor\'s indentation', () => {
  it('is a tab, or its tab size as 1 to 8 spaces', () => {
    assert.equal(editorIndent({ tabSize: 4, insertSpaces: false }), 'tab');
    assert.equal(editorIndent({ tabSize: 2, insertSpaces: true }), 2);
    assert.equal(editorIndent({ tabSize: 16, insertSpaces: true }), 8);
    assert.equal(editorIndent({ tabSize: 0, insertSpaces: true }), 1);
    assert.equal(editorIndent(undefined), undefined);
  });
});
