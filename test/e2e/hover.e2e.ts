/// <reference types="mocha" />
// Hover: a finding leads, in two lines and a link to its rule's page; a base image says what is known about it; a
// variable shows its value; an instruction shows the build state there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, expectDiagnostics, expectRulePreview, fixture, hoverText, open, positionOf, ruleSummary } from './helpers';

suite('hover', () => {
  suiteTeardown(closeAll);

  async function opened() {
    const { document } = await open(fixture('hover/Dockerfile'));
    await expectDiagnostics(document.uri, ['add-instead-of-copy Warning 7:1-7:4']);
    return document;
  }

  const STATE_ROWS = [
    '| | |',
    '|---|---|',
    '| Stage | `stage 0` ← `node:24.11-bookworm-slim` |',
    '| USER | `root` (the image\'s default) |',
    '| WORKDIR | `/opt/app` (line 4) |',
    '| SHELL | `/bin/sh -c` (default) |',
    '| Platform | the platform the build targets |',
    '| ENV | `APP_HOME=/opt/app` · `node:24.11-bookworm-slim` sets `NODE_VERSION`, `PATH`, `YARN_VERSION` |',
  ];

  test('on a finding: its message and the rule in two lines, the link to its page, then the build state', async () => {
    const doc = await opened();
    const text = await hoverText(doc.uri, positionOf(doc, 7, 'ADD', 1));
    const page = 'command:dockwise.showDocumentation?%5B%22add-instead-of-copy%22%5D';
    assert.equal(text, [
      `ADD copies local files here; use COPY, which does not extract archives or fetch URLs · [\`add-instead-of-copy\`](${page})`,
      '',
      ruleSummary('add-instead-of-copy'),
      '',
      `[Documentation](${page})`,
      '',
      '---',
      '',
      '**Build state at line 7**',
      '',
      ...STATE_ROWS,
    ].join('\n'));
  });

  test('on a keyword: what it does, then the build state once it has run', async () => {
    const doc = await opened();
    const text = await hoverText(doc.uri, positionOf(doc, 8, 'USER', 1));
    const rows = STATE_ROWS.map((r) => (r.startsWith('| USER') ? '| USER | `node` (line 8) |' : r));
    assert.equal(text, ['**USER**: Sets the user (and group) for the following RUN, CMD and ENTRYPOINT instructions.', '', '---', '', '**Build state at line 8**', '', ...rows].join('\n'));
  });

  test('the Documentation link is trusted for that one command, and opens the rendered rule page', async () => {
    const doc = await opened();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 7, 'ADD', 1));
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c && c.value.includes('[Documentation]'));
    assert.ok(md, 'no Markdown hover with a Documentation link');
    assert.deepEqual(md.isTrusted, { enabledCommands: ['dockwise.showDocumentation'] });
    const link = /\[Documentation\]\(command:([\w.]+)\?([^)]+)\)/.exec(md.value);
    assert.ok(link, md.value);
    // What the hover does on a click: run the command with the link's JSON arguments.
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    await expectRulePreview('add-instead-of-copy', () => vscode.commands.executeCommand(link[1], ...args));
  });

  test('on a base image: what the image is', async () => {
    const doc = await opened();
    const text = await hoverText(doc.uri, positionOf(doc, 2, 'node:', 2));
    for (const expected of [
      '**node:24.11-bookworm-slim**',
      'Written as `node:${NODE_VERSION}-bookworm-slim`; ARG defaults give `node:24.11-bookworm-slim`.',
      'Docker official image `node` · Debian/Ubuntu based',
    ]) assert.ok(text.includes(expected), `hover on the base image lacks "${expected}":\n${text}`);
  });

  test('on a variable: its value and where it is set', async () => {
    const doc = await opened();
    const text = await hoverText(doc.uri, positionOf(doc, 4, 'APP_HOME', 3));
    assert.equal(text, '`APP_HOME` = `/opt/app`\n\nSet by ENV on line 3.');
  });

  test('nothing on a plain path', async () => {
    const doc = await opened();
    assert.equal(await hoverText(doc.uri, positionOf(doc, 5, 'package-lock.json', 3)), '');
  });
});
