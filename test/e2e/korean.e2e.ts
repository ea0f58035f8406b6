/// <reference types="mocha" />
// Dockwise in Korean in the real editor: with `dockwise.locale` set to `ko` (what `auto` picks when VS Code's
// display language is Korean), the squiggle's message, the hover and the quick fix's title are Korean, and
// switching back gives English again without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, dockwiseDiagnostics, eventually, findDiagnostic, fixesFor, fixture, hoverText, open, positionOf } from './helpers';

const addMessage = (uri: vscode.Uri) => dockwiseDiagnostics(uri).find((d) => codeOf(d) === 'add-instead-of-copy')?.message ?? '';
const setLocale = (value: string | undefined) => vscode.workspace.getConfiguration('dockwise').update('locale', value, vscode.ConfigurationTarget.Global);

suite('Korean', () => {
  suiteSetup(() => setLocale('ko'));
  suiteTeardown(async () => { await setLocale(undefined); await closeAll(); });

  async function opened() {
    const { document } = await open(fixture('hover/Dockerfile'));
    // The message turns Korean once the server has the setting.
    await eventually(() => addMessage(document.uri).startsWith('이 ADD는'), true, 'a Korean diagnostic for add-instead-of-copy');
    return document;
  }

  test('a diagnostic, its hover and its quick fix speak Korean', async () => {
    const doc = await opened();
    const d = findDiagnostic(doc.uri, 'add-instead-of-copy');
    assert.equal(d.message, '이 ADD는 로컬 파일을 복사합니다. 아카이브를 풀거나 URL을 가져오지 않는 COPY를 사용해야 합니다');
    const hover = await hoverText(doc.uri, positionOf(doc, 7, 'ADD', 1));
    const page = 'command:dockwise.showDocumentation?%5B%22add-instead-of-copy%22%5D';
    assert.equal(hover, [
      `${d.message} · [\`add-instead-of-copy\`](${page})`,
      '',
      '로컬 파일 복사에 쓰인 ADD',
      '',
      `[문서](${page})`,
      '',
      '---',
      '',
      '**7번 줄의 빌드 상태**',
      '',
      '| | |',
      '|---|---|',
      '| 스테이지 | `0번 스테이지` ← `node:24.11-bookworm-slim` |',
      '| USER | `root` (이미지 기본값) |',
      '| WORKDIR | `/opt/app` (4번 줄) |',
      '| SHELL | `/bin/sh -c` (기본값) |',
      '| 플랫폼 | 빌드 대상 플랫폼 |',
      '| ENV | `APP_HOME=/opt/app` · `node:24.11-bookworm-slim`이(가) 설정: `NODE_VERSION`, `PATH`, `YARN_VERSION` |',
    ].join('\n'));
    const titles = (await fixesFor(doc.uri, d)).map((a) => a.title);
    assert.ok(titles.includes('ADD 대신 COPY 사용'), `quick fixes: ${titles.join(' | ')}`);
    assert.ok(titles.includes('이 줄에서 add-instead-of-copy 무시'), `quick fixes: ${titles.join(' | ')}`);
  });

  test('a base image and a variable are explained in Korean', async () => {
    const doc = await opened();
    const image = await hoverText(doc.uri, positionOf(doc, 2, 'node:', 2));
    assert.ok(image.includes('Docker 공식 이미지 `node` · Debian/Ubuntu 기반'), `hover on the base image:\n${image}`);
    assert.equal(await hoverText(doc.uri, positionOf(doc, 4, 'APP_HOME', 3)), '`APP_HOME` = `/opt/app`\n\n3번 줄의 ENV에서 설정합니다.');
  });

  test('back to English when the setting is cleared', async () => {
    const doc = await opened();
    await setLocale('en');
    await eventually(() => addMessage(doc.uri).startsWith('ADD copies local files'), true, 'the English diagnostic again');
  });
});
