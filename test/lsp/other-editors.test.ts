// Editors other than VS Code, as they speak LSP (docs/editor.md "Other editors"): settings pushed with
// workspace/didChangeConfiguration or initializationOptions instead of answered through workspace/configuration,
// and rule pages for editors that cannot open a document for the server. Neovim itself is driven by
// scripts/e2e/neovim.mjs; Helix is not packaged for Debian, so what it sends is replayed here from its source
// (helix-lsp/src/client.rs and helix-term/src/application.rs, releases 24.03 to 25.07.1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { findRules, ruleMarkdown } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

const repoRoot = path.resolve(__dirname, '../../..');
const text = 'FROM debian:12-slim\nMAINTAINER me\nRUN apt-get update && apt-get install -y curl\n';
const short = (d: Diagnostic) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
const pageUri = (id: string) => pathToFileURL(path.join(repoRoot, 'docs/rules', `${id}.md`)).href;

/** The diagnostics of `text` with no settings at all, from an editor that answers workspace/configuration with nothing set. */
let plain: string[];
const editors: Editor[] = [];
async function editor(opts: Parameters<typeof startEditor>[0]): Promise<Editor> {
  const e = await startEditor(opts);
  editors.push(e);
  return e;
}

/** Sends settings the way Neovim and Helix push them, and waits for the document to be linted again. */
async function push(e: Editor, uri: string, settings: unknown): Promise<string[]> {
  const next = e.nextDiagnostics(uri);
  void e.conn.sendNotification('workspace/didChangeConfiguration', { settings });
  return (await next).map(short);
}

/** An editor with no handler for window/showDocument answers it as Neovim 0.7 and 0.8 do. */
function cannotShowDocuments(e: Editor): void {
  e.conn.onRequest('window/showDocument', () => new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method window/showDocument'));
}

async function documentationAction(e: Editor, uri: string, d: Diagnostic): Promise<CodeAction | undefined> {
  const actions = (await e.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  return actions.find((a) => a.command?.command === 'dockwise.server.showDocumentation');
}

before(async () => {
  await initNodeShellParser();
  const e = await editor({});
  plain = (await e.open('untitled:plain', text)).map(short);
  // What the settings below turn off or on is there by default, or not.
  assert.ok(plain.some((d) => d.startsWith('apt-get-missing-no-install-recommends@')), plain.join());
  assert.ok(!plain.some((d) => d.startsWith('apt-get-unpinned-package@')), plain.join());
});
after(() => { for (const e of editors) e.close(); });

describe('settings from an editor that does not announce workspace/configuration (Neovim 0.7)', () => {
  it('honours the section pushed before the document opens, and each one pushed after', async () => {
    const e = await editor({ configuration: false });
    const uri = 'untitled:pushed';
    void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockwise: { rules: { 'apt-get-missing-no-install-recommends': 'off' } } } });
    const off = (await e.open(uri, text)).map(short);
    assert.deepEqual(off, plain.filter((d) => !d.startsWith('apt-get-missing-no-install-recommends@')));
    const strict = await push(e, uri, { dockwise: { profile: 'strict' } });
    assert.ok(strict.includes('apt-get-unpinned-package@3:42-3:46'), strict.join());
    // A section sent unwrapped (`settings = { ignore = … }`) is the section itself.
    assert.deepEqual(await push(e, uri, { ignore: ['maintainer-deprecated'] }), plain.filter((d) => !d.startsWith('maintainer-deprecated@')));
    // A bare "changed" keeps what was pushed; settings with no section for Dockwise are none.
    assert.deepEqual(await push(e, uri, null), plain.filter((d) => !d.startsWith('maintainer-deprecated@')));
    assert.deepEqual(await push(e, uri, { yaml: { validate: true } }), plain);
    assert.deepEqual(e.messages, []);
  });

  it('an empty Lua table, which Neovim sends as [], is an empty mapping', async () => {
    const e = await editor({ configuration: false });
    void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockwise: { rules: [], fix: [], ignore: [] } } });
    assert.deepEqual((await e.open('untitled:lua-empty', text)).map(short), plain);
    assert.deepEqual(await push(e, 'untitled:lua-empty', { dockwise: [] }), plain);
    assert.deepEqual(await push(e, 'untitled:lua-empty', []), plain);
    assert.deepEqual(e.messages, []);
  });

  it('takes the section from initializationOptions until one is pushed', async () => {
    const e = await editor({ configuration: false, initializationOptions: { dockwise: { ignore: ['apt-lists-not-removed'] } } });
    const uri = 'untitled:init';
    assert.deepEqual((await e.open(uri, text)).map(short), plain.filter((d) => !d.startsWith('apt-lists-not-removed@')));
    assert.deepEqual(await push(e, uri, {}), plain);
  });

  it('reports each value it cannot use once, and uses the default instead', async () => {
    const e = await editor({ configuration: false });
    void e.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { dockwise: { enable: 'yes', ignore: 'maintainer-deprecated', rules: ['DL3015'], hover: { instructions: 'never' }, languageFeatures: 'sometimes', fix: true, locale: 'fr', rule: {}, shellcheck: { path: '/bin/sc' }, builds: { composeFiles: 'deploy.yaml', bake: [] } } },
    });
    assert.deepEqual((await e.open('untitled:bad-1', text)).map(short), plain);
    assert.deepEqual((await e.open('untitled:bad-2', text)).map(short), plain);
    const expected = [
      'settings: dockwise: unknown key "rule"',
      'settings: dockwise.enable: "yes" is not true or false; using the default true',
      'settings: dockwise.rules: ["DL3015"] is not a mapping of rule ids to off, error, warning, info or style; using the default {}',
      'settings: dockwise.ignore: "maintainer-deprecated" is not a list of strings; using the default []',
      'settings: dockwise.fix: true is not a mapping with unsafe; using the default {}',
      'settings: dockwise.hover.instructions: "never" is not one of auto, on, off; using the default "auto"',
      'settings: dockwise.languageFeatures: "sometimes" is not one of auto, on, off; using the default "auto"',
      'settings: dockwise.shellcheck: unknown key "path"',
      'settings: dockwise.locale: "fr" is not one of auto, en, ko; using the default "auto"',
      'settings: dockwise.builds: unknown key "bake"',
      'settings: dockwise.builds.composeFiles: "deploy.yaml" is not a list of strings; using the default []',
    ].map((m) => `Dockwise: ${m}`);
    // Each once in the log and once as a warning, for two documents.
    assert.deepEqual(e.messages, expected.flatMap((m) => [m, m]));
    // Pushed again, the same settings are reported again: they were sent again.
    e.messages.length = 0;
    await push(e, 'untitled:bad-2', { dockwise: { enable: 1, locale: 'ko' } });
    assert.deepEqual(e.messages, ['Dockwise: settings: dockwise.enable: 1은(는) 쓸 수 없는 값입니다(올바른 값: true 또는 false). 기본값 true을(를) 사용합니다'].flatMap((m) => [m, m]));
  });

  it('a section that is not a mapping is reported and the defaults apply', async () => {
    const e = await editor({ configuration: false });
    void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockwise: 'strict' } });
    assert.deepEqual((await e.open('untitled:not-mapping', text)).map(short), plain);
    assert.deepEqual(e.messages, ['Dockwise: settings: dockwise: expected a mapping of settings; using the defaults'].flatMap((m) => [m, m]));
  });
});

describe('settings from an editor that has no dockwise section to answer with (Neovim 0.8+, settings unwrapped)', () => {
  it('falls back to the pushed section when workspace/configuration answers null', async () => {
    const e = await editor({});
    // Neovim looks the section up in `settings` and answers vim.NIL when there is no `dockwise` key.
    e.settings = null as unknown as Record<string, unknown>;
    void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: { rules: { DL3015: 'off' } } });
    assert.deepEqual((await e.open('untitled:nvim-unwrapped', text)).map(short), plain.filter((d) => !d.startsWith('apt-get-missing-no-install-recommends@')));
  });

  it('what workspace/configuration answers wins over what was pushed', async () => {
    const e = await editor({});
    e.settings = { ignore: ['maintainer-deprecated'] };
    void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockwise: { rules: { DL3015: 'off' } } } });
    assert.deepEqual((await e.open('untitled:asked', text)).map(short), plain.filter((d) => !d.startsWith('maintainer-deprecated@')));
  });
});

/** The `config = { … }` inline table of docs/editor.md's Helix snippet, as JSON (bare keys, strings, booleans, arrays, tables). */
function helixConfigFromDocs(): unknown {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs/editor.md'), 'utf8');
  const toml = /```toml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const inline = /^config = (\{.*\})$/m.exec(toml)?.[1];
  assert.ok(inline, `no "config = { … }" line in docs/editor.md's Helix snippet:\n${toml}`);
  return JSON.parse(inline.replace(/([{,]\s*)([A-Za-z0-9_-]+)\s*=/g, '$1"$2":'));
}

/** An editor speaking as Helix 25.07.1 does: workspace/configuration answered from `config`, and the whole of it pushed after `initialized`. */
async function helix(config: unknown): Promise<Editor> {
  // Helix announces workspace/configuration but not window/showDocument (announced only after 25.07.1), which it handles all the same.
  // Helix registers no formatting provider dynamically (helix-lsp/src/client.rs: dynamic_registration false).
  const e = await editor({ showDocument: false, initializationOptions: config, textDocument: { formatting: { dynamicRegistration: false } } });
  e.conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((item) => {
    let value: unknown = config;
    for (const part of item.section ? item.section.split('.') : []) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] ?? null : null;
    return value ?? null;
  }));
  void e.conn.sendNotification('workspace/didChangeConfiguration', { settings: config });
  return e;
}

describe('Helix, replayed', () => {
  it('docs/editor.md\'s languages.toml config takes effect', async () => {
    const config = helixConfigFromDocs();
    assert.deepEqual(config, { dockwise: { rules: { 'apt-get-missing-no-install-recommends': 'off' } } });
    const e = await helix(config);
    assert.deepEqual((await e.open('untitled:helix', text)).map(short), plain.filter((d) => !d.startsWith('apt-get-missing-no-install-recommends@')));
    assert.deepEqual(e.messages, []);
  });

  it('a config written without the dockwise table is the section itself', async () => {
    const e = await helix({ ignore: ['apt-lists-not-removed'] });
    assert.deepEqual((await e.open('untitled:helix-unwrapped', text)).map(short), plain.filter((d) => !d.startsWith('apt-lists-not-removed@')));
  });

  it('"Show documentation" opens the shipped page, though Helix does not announce window/showDocument', async () => {
    const e = await helix(helixConfigFromDocs());
    const uri = 'untitled:helix-docs';
    const d = (await e.open(uri, text)).find((x) => x.code === 'maintainer-deprecated')!;
    const action = await documentationAction(e, uri, d);
    assert.deepEqual(action?.command, { title: 'Show documentation for maintainer-deprecated', command: 'dockwise.server.showDocumentation', arguments: ['maintainer-deprecated'] });
    assert.deepEqual(await e.conn.sendRequest('workspace/executeCommand', action!.command), { success: true });
    assert.deepEqual(e.shown, [pageUri('maintainer-deprecated')]);
  });
});

describe('formatting in Helix, replayed', () => {
  it('is announced in initialize, so :format and auto-format reach the server', async () => {
    const e = await helix(helixConfigFromDocs());
    assert.equal(e.capabilities.documentFormattingProvider, true);
    const uri = 'untitled:helix-format';
    await e.open(uri, 'from debian:12-slim\nMAINTAINER me\n');
    const edits = await e.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'FROM' }]);
  });
});

describe('rule pages in an editor that cannot open a document for the server (Neovim 0.7 and 0.8)', () => {
  it('"Show documentation" returns the page\'s Markdown, which the documented handler shows', async () => {
    const e = await editor({ configuration: false, showDocument: false });
    cannotShowDocuments(e);
    const uri = 'untitled:nvim-docs';
    const d = (await e.open(uri, text)).find((x) => x.code === 'maintainer-deprecated')!;
    assert.equal(d.codeDescription?.href, pageUri('maintainer-deprecated'));
    const action = await documentationAction(e, uri, d);
    assert.deepEqual(action?.command, { title: 'Show documentation for maintainer-deprecated', command: 'dockwise.server.showDocumentation', arguments: ['maintainer-deprecated'] });
    const page = await e.conn.sendRequest('workspace/executeCommand', action!.command);
    assert.equal(page, ruleMarkdown(findRules('maintainer-deprecated')[0], 'en'));
    assert.equal(page, fs.readFileSync(path.join(repoRoot, 'docs/rules/maintainer-deprecated.md'), 'utf8'), 'the page shipped');
    // By a hadolint code too; an unknown rule is no page.
    assert.equal(await e.conn.sendRequest('workspace/executeCommand', { command: 'dockwise.server.showDocumentation', arguments: ['DL4000'] }), page);
    assert.deepEqual(await e.conn.sendRequest('workspace/executeCommand', { command: 'dockwise.server.showDocumentation', arguments: ['no-such-rule'] }), { success: false });
    assert.deepEqual(e.shown, []);
    assert.deepEqual(e.messages, []);
  });

  it('in the language the settings choose', async () => {
    const e = await editor({ configuration: false, showDocument: false, initializationOptions: { dockwise: { locale: 'ko' } } });
    cannotShowDocuments(e);
    const d = (await e.open('untitled:nvim-ko', text)).find((x) => x.code === 'maintainer-deprecated')!;
    const action = await documentationAction(e, 'untitled:nvim-ko', d);
    assert.equal(action?.title, 'maintainer-deprecated 문서 보기');
    assert.equal(await e.conn.sendRequest('workspace/executeCommand', action!.command), ruleMarkdown(findRules('maintainer-deprecated')[0], 'ko'));
  });
});
