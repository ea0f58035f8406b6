// Completion over LSP, the way an editor asks for it: text edits over the word being typed, snippets only for an
// editor that takes them, nothing of Dockwise's own while a Docker extension completes instead.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItemKind, CompletionItemTag, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

const SNIPPETS = { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } } };

let tmp: string;
let count = 0;
const editors: Editor[] = [];

before(async () => {
  await initShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-completion-'));
});
after(() => { for (const e of editors) e.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

async function editor(opts: Parameters<typeof startEditor>[0] = {}, settings: Record<string, unknown> = {}): Promise<Editor> {
  const e = await startEditor({ rootUri: pathToFileURL(tmp).toString(), ...opts });
  e.settings = settings;
  editors.push(e);
  return e;
}

/** Opens `text` (a fresh document each time) and asks for completion at line `line`, character `character`. */
async function complete(e: Editor, text: string, line: number, character: number, context?: { triggerKind: CompletionTriggerKind; triggerCharacter?: string }): Promise<CompletionItem[]> {
  const file = path.join(tmp, `d${++count}`, 'Dockerfile');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  await e.open(uri, text);
  return e.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character }, ...(context ? { context } : {}) });
}

describe('completion', () => {
  it('announces its trigger characters', async () => {
    assert.deepEqual((await editor()).capabilities.completionProvider, { triggerCharacters: [' ', '-', '=', '$', '{', ',', ':'] });
  });

  it('replaces the word being typed, with the kind of each item', async () => {
    const e = await editor({ textDocument: SNIPPETS });
    const items = await complete(e, 'FROM node:22 AS build\nFROM alpine\nCOPY --fr', 2, 9);
    assert.deepEqual(items.map((i) => i.label), ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    assert.deepEqual(items[0], {
      label: '--from',
      kind: CompletionItemKind.Property,
      sortText: '0000',
      textEdit: { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, newText: '--from=' },
      insertTextFormat: InsertTextFormat.PlainText,
      documentation: { kind: 'markdown', value: 'Copies from an earlier stage, a named build context or an image instead of the build context.' },
    });
    assert.equal(items[2].detail, 'Dockerfile syntax 1.2 or later');
    const stages = await complete(e, 'FROM node:22 AS build\nFROM alpine\nCOPY --from=', 2, 12);
    assert.deepEqual(stages.map((i) => [i.label, i.kind, i.detail]), [['build', CompletionItemKind.Reference, 'Stage of this file, line 1']]);
  });

  it('snippets for an editor that takes them, plain text for one that does not', async () => {
    const text = 'FROM alpine\nMAINT';
    const withSnippets = await complete(await editor({ textDocument: SNIPPETS }), text, 1, 5);
    const cmd = withSnippets.find((i) => i.label === 'CMD')!;
    assert.deepEqual([cmd.textEdit, cmd.insertTextFormat], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, newText: 'CMD ["${1:executable}"]' }, InsertTextFormat.Snippet]);
    const plain = await complete(await editor(), text, 1, 5);
    const plainCmd = plain.find((i) => i.label === 'CMD')!;
    assert.deepEqual([plainCmd.textEdit?.newText, plainCmd.insertTextFormat], ['CMD ["executable"]', InsertTextFormat.PlainText]);
    assert.equal(typeof plainCmd.documentation, 'string', 'plain documentation for an editor without Markdown');
    assert.ok(plain.every((i) => i.insertTextFormat === InsertTextFormat.PlainText && !/\$\{?\d/.test(i.textEdit!.newText)));
    assert.deepEqual(withSnippets.find((i) => i.label === 'MAINTAINER')?.tags, [CompletionItemTag.Deprecated]);
  });

  it('variables in scope after ${, closing the brace', async () => {
    const items = await complete(await editor(), 'FROM alpine\nARG VERSION=1.2\nENV APP=/app\nRUN echo ${V', 3, 12);
    assert.deepEqual(items.slice(0, 2).map((i) => [i.label, i.kind, i.detail, i.textEdit?.newText]), [
      ['APP', CompletionItemKind.Variable, 'ENV, line 3', 'APP}'],
      ['VERSION', CompletionItemKind.Variable, 'ARG, line 2', 'VERSION}'],
    ]);
    assert.deepEqual((items[1].textEdit as TextEdit).range, { start: { line: 3, character: 11 }, end: { line: 3, character: 12 } });
  });

  it('a typed space asks only where something must follow', async () => {
    const e = await editor();
    const typed = { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' };
    assert.deepEqual(await complete(e, 'FROM alpine\nRUN ', 1, 4, typed), []);
    assert.deepEqual((await complete(e, 'FROM alpine ', 0, 12, typed)).map((i) => i.label), ['AS']);
    assert.deepEqual((await complete(e, 'FROM alpine\nRUN ', 1, 4, { triggerKind: CompletionTriggerKind.Invoked })).map((i) => i.label), ['--mount', '--network', '--security', '--device']);
  });

  it('opens completion again after an item that needs more, in VS Code only', async () => {
    const vscode = await complete(await editor({ clientInfo: { name: 'Visual Studio Code', version: '1.100.3' } }), 'FROM alpine\nRUN --mo', 1, 8);
    assert.deepEqual(vscode[0].command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
    const other = await complete(await editor({ clientInfo: { name: 'Neovim' } }), 'FROM alpine\nRUN --mo', 1, 8);
    assert.equal(other[0].command, undefined);
  });

  it('in the user\'s language', async () => {
    const items = await complete(await editor({}, { locale: 'ko' }), 'FROM alpine\nCOPY --ch', 1, 9);
    assert.deepEqual(items.map((i) => [i.label, i.detail ?? '']), [['--from', ''], ['--chown', ''], ['--chmod', 'Dockerfile 문법 1.2 이상'], ['--link', 'Dockerfile 문법 1.4 이상'], ['--parents', 'Dockerfile 문법 1.20 이상'], ['--exclude', 'Dockerfile 문법 1.19 이상']]);
    assert.equal(items[0].documentation, '빌드 컨텍스트 대신 앞선 스테이지, 이름 있는 빌드 컨텍스트, 이미지에서 복사합니다.', 'plain text for an editor without Markdown');
  });

  it('none of its own while a Docker extension completes, unless languageFeatures is on', async () => {
    const text = 'FROM alpine\nCOPY --fr';
    assert.deepEqual(await complete(await editor({ initializationOptions: { dockerExtensionActive: true } }), text, 1, 9), []);
    assert.equal((await complete(await editor({ initializationOptions: { dockerExtensionActive: true } }, { languageFeatures: 'on' }), text, 1, 9)).length, 6);
    assert.deepEqual(await complete(await editor({}, { languageFeatures: 'off' }), text, 1, 9), []);
  });

  it('answers an unknown document with nothing', async () => {
    const e = await editor();
    assert.deepEqual(await e.conn.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nope' }, position: { line: 9, character: 9 } }), []);
  });
});
