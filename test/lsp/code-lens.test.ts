import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver';
import { initNodeShellParser } from '../../server/src/host/node';
import { startEditor, type Editor } from './harness';

before(async () => { await initNodeShellParser(); });

const FILE = [
  'FROM golang:1.23 AS build',
  'RUN go build -o /out/app .',
  'FROM alpine:3.21 AS builder-old',
  'RUN echo unused',
  'FROM build AS test',
  'RUN go test ./...',
  'FROM node:22 AS web-deps',
  'RUN npm ci',
  'FROM gcr.io/distroless/static-debian12',
  'COPY --from=build /out/app /app',
  'COPY --from=web-deps /node_modules /node_modules',
  'WORKDIR /srv',
  'USER 65532',
  'EXPOSE 8080',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

/** `line: title` for each lens, the line 1-based, with its command when it has one. */
function described(lenses: CodeLens[]): string[] {
  return lenses.map((l) => `${l.range.start.line + 1}: ${l.command!.title}${l.command!.command ? ` → ${l.command!.command}` : ''}`);
}

describe('code lenses on each FROM', () => {
  let editor: Editor;
  before(async () => { editor = await startEditor({ configuration: false }); });
  after(() => editor.close());

  it('say what each stage is to the build, who uses it, and how the final image runs', async () => {
    const uri = 'untitled:lenses';
    await editor.open(uri, FILE);
    const lenses: CodeLens[] = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(described(lenses), [
      '1: used by 2',
      '3: unreachable',
      '5: built only with --target',
      '7: used by 1',
      '9: final image',
      '9: runs as 65532 · /srv · ports 8080',
    ]);
    // Each lens stands on its FROM keyword; without a client command to show references, each is a label.
    assert.deepEqual(lenses[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.deepEqual(lenses[0].command, { title: 'used by 2', command: '' });
  });

  it('leave out "unreachable" when a stage is named through a variable the file does not set', async () => {
    const uri = 'untitled:variable';
    await editor.open(uri, 'FROM alpine:3.21 AS build-a\nRUN true\nFROM alpine:3.21\nCOPY --from=build-${VARIANT} /a /a\n');
    const lenses: CodeLens[] = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(described(lenses), ['3: final image', '3: runs as root · /']);
  });

  it('name a stage with its own CMD a target image, and say so about users the engine cannot name', async () => {
    const uri = 'untitled:targets';
    await editor.open(uri, 'FROM example.com/base:1 AS dev\nCMD ["sh"]\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n');
    const lenses: CodeLens[] = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(described(lenses), ['1: target image', '1: runs as the base image\'s user', '3: final image', '3: runs as a non-root user']);
  });

  it('answer for an unknown document with none', async () => {
    assert.deepEqual(await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: 'file:///nope' } }), []);
  });
});

describe('code lenses in VS Code', () => {
  it('"used by N" runs the client\'s command with the stage\'s position and where it is named', async () => {
    const editor = await startEditor({ configuration: false, initializationOptions: { showReferences: 'dockwise.showReferences' } });
    const uri = 'untitled:vscode';
    await editor.open(uri, FILE);
    const lenses: CodeLens[] = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses[0].command, {
      title: 'used by 2',
      command: 'dockwise.showReferences',
      arguments: [uri, { line: 0, character: 0 }, [
        { uri, range: { start: { line: 4, character: 5 }, end: { line: 4, character: 10 } } },
        { uri, range: { start: { line: 9, character: 12 }, end: { line: 9, character: 17 } } },
      ]],
    });
    // The others stay labels.
    assert.deepEqual(lenses.filter((l) => l.command!.command).map((l) => l.command!.title), ['used by 2', 'used by 1']);
    editor.close();
  });

  it('speak the editor\'s language', async () => {
    const editor = await startEditor({ configuration: true });
    editor.settings = { locale: 'ko' };
    const uri = 'untitled:ko';
    await editor.open(uri, FILE);
    const lenses: CodeLens[] = await editor.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(described(lenses), [
      '1: 2곳에서 사용',
      '3: 도달할 수 없음',
      '5: --target으로만 빌드',
      '7: 1곳에서 사용',
      '9: 최종 이미지',
      '9: 65532(으)로 실행 · /srv · 포트 8080',
    ]);
    editor.close();
  });
});
