#!/usr/bin/env node
// UI smoke test: what a person sees. Packages the extension (.vsix), installs it into a throwaway
// code-server profile, opens a copy of examples/ in headless Chromium and checks, in the DOM:
// squiggles on the lines the engine reports (severity by severity), the hover box, the quick-fix menu,
// the fixed line, the Problems panel rows and the TextMate scopes of a RUN body. The engine's verdict
// comes from dist/cli.js on the same file (the same engine the server runs), so this checks that the
// editor shows exactly that. Screenshots go to .e2e/screenshots/ (git-ignored).
//
//   DOCKWISE_UI_EXAMPLE   the example folder to open (default spring-boot; it needs a MAINTAINER line)
//   --locale L, or DOCKWISE_UI_LOCALE: the language Dockwise speaks (dockwise.locale and the command's --lang; default en):
//                         every text checked is then the one of that language, screenshots go to
//                         .e2e/screenshots-<locale>/
//   DOCKWISE_E2E_TIMEOUT  seconds for the whole test (default 300)
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  e2eDir, installExtension, launchChromium, log, makeProfile, makeTempDir, root, runProcess, seconds, sleep, startCodeServer, workbenchUrl,
} from './lib.mjs';
import { ensureE2E } from './setup.mjs';
import { lineText, openAndCheckSquiggles, palette, testFrame } from './workbench.mjs';
import { vsce, vsceArgs } from '../vsix.mjs';

const require = createRequire(import.meta.url);
const started = performance.now();
const example = process.env.DOCKWISE_UI_EXAMPLE ?? 'spring-boot';
const localeArg = process.argv.indexOf('--locale');
const locale = (localeArg > 0 ? process.argv[localeArg + 1] : undefined) ?? process.env.DOCKWISE_UI_LOCALE ?? 'en';
const shots = path.join(e2eDir, locale === 'en' ? 'screenshots' : `screenshots-${locale}`);
const timeoutS = seconds('DOCKWISE_E2E_TIMEOUT', 300);
const run = makeTempDir('dockwise-ui-');
process.env.DOCKWISE_E2E_GROUPS = path.join(run, 'groups');
const timings = {};
const mark = (name) => { timings[name] = ((performance.now() - started) / 1000).toFixed(1); log('ui', name); };

let server;
let chrome;
let page;
const { step, shot, runTest } = testFrame({ tag: 'ui', shots, timeoutS, run, started, current: () => ({ chrome, server, page }) });

async function main() {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  await ensureE2E();
  mark('setup checked');

  // Always: the build is incremental, and checks that dist/ holds every bundle (a stale or partial dist/ is not tested).
  const b = await runProcess(process.execPath, ['scripts/build.mjs'], { echo: true });
  if (b.code !== 0) throw new Error('the build failed');
  const vsix = path.join(run, 'dockwise.vsix');
  const pack = await runProcess(process.execPath, [vsce, ...vsceArgs(), '--out', vsix], { timeoutMs: 180000 });
  if (pack.code !== 0) throw new Error(`vsce package failed:\n${pack.output.slice(-3000)}`);
  mark(`packaged ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);

  const profile = makeProfile(path.join(run, 'profile'), locale === 'en' ? {} : { settings: { 'dockwise.locale': locale } });
  // The server's own texts (quick-fix titles around each finding's fixes), in the language under test.
  const { localize } = require(path.join(root, 'out/server/src/engine/index.js'));
  const { ACTION_STRINGS } = require(path.join(root, 'out/server/src/lsp/code-actions.js'));
  await installExtension(profile, vsix);
  mark('vsix installed into a throwaway profile');

  const workspace = path.join(run, 'examples');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  const file = path.join(workspace, example, 'Dockerfile');
  const text = fs.readFileSync(file, 'utf8').split('\n');
  // The engine's verdict on the same file, from the command line.
  let cli;
  try { cli = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--lang', locale, '--format', 'json', file], { encoding: 'utf8' }); } catch (e) { cli = e.stdout; }
  const findings = JSON.parse(cli).files[0].findings;
  assert.ok(findings.length > 0, `dist/cli.js reports nothing for examples/${example}/Dockerfile: nothing to check`);
  const maintainerLine = text.findIndex((l) => /^MAINTAINER\s/i.test(l)) + 1;
  assert.ok(maintainerLine > 0, `examples/${example}/Dockerfile has no MAINTAINER line to fix`);
  const maintainer = findings.find((f) => f.rule === 'maintainer-deprecated');
  assert.ok(maintainer, 'dist/cli.js does not report maintainer-deprecated');

  server = await startCodeServer(profile, { folder: workspace });
  chrome = await launchChromium(profile);
  page = await chrome.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(workbenchUrl(server.origin, workspace));
  await step('workbench shows the explorer', () => page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 }));
  mark('workbench ready');

  // Squiggles: every (line, severity) the engine reports, and nothing else.
  const want = await openAndCheckSquiggles({ step, shot, page, folder: example, findings, what: 'the engine' });
  mark(`squiggles: ${want.join(', ')}`);

  const summary = /^\*\*(.+)\*\*\s*$/m.exec(fs.readFileSync(path.join(root, 'docs/rules', locale === 'en' ? '' : locale, 'maintainer-deprecated.md'), 'utf8'))?.[1];
  const hoverText = await step('hover on MAINTAINER explains the finding', async () => {
    const word = page.locator('.view-lines .squiggly-inline-deprecated', { hasText: 'MAINTAINER' }).first();
    const box = await word.boundingBox();
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    let t = '';
    for (let i = 0; i < 50 && !(t.includes(maintainer.message) && t.includes(summary)); i++) { await sleep(200); t = await hover.innerText(); }
    assert.ok(t.includes(maintainer.message), `the hover lacks the diagnostic message "${maintainer.message}":\n${t}`);
    assert.ok(summary && t.includes(summary), `the hover lacks the rule summary "${summary}":\n${t}`);
    assert.match(t, /maintainer-deprecated/);
    await shot('2-hover.png');
    return t;
  });
  mark(`hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 140)}…`);

  const fixTitle = maintainer.fixes[0].title;
  const menu = await step('Ctrl+. lists the quick fixes for MAINTAINER', async () => {
    await page.keyboard.press('Escape');
    const word = page.locator('.view-lines .squiggly-inline-deprecated', { hasText: 'MAINTAINER' }).first();
    const box = await word.boundingBox();
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await page.mouse.move(box.x + 400, box.y + 300); // away, so no hover covers the menu
    await page.keyboard.press('Control+Period');
    const widget = page.locator('.action-widget');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const want = [fixTitle, localize(ACTION_STRINGS, 'action.ignoreForLine', locale, { id: 'maintainer-deprecated' }), localize(ACTION_STRINGS, 'action.showDocumentation', locale, { id: 'maintainer-deprecated' })];
    let rows = [];
    for (let i = 0; i < 25; i++) {
      rows = (await widget.locator('.monaco-list-row.action .title').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
      if (want.every((w) => rows.includes(w))) break;
      await sleep(200);
    }
    for (const w of want) assert.ok(rows.includes(w), `the quick-fix menu lacks "${w}"; it shows: ${JSON.stringify(rows)}`);
    await shot('3-quickfix.png');
    return rows;
  });
  mark(`quick-fix menu: ${menu.join(' | ')}`);

  const authors = text[maintainerLine - 1].replace(/^MAINTAINER\s+/i, '').trim();
  const fixed = `LABEL org.opencontainers.image.authors="${authors}"`;
  await step('applying the fix rewrites the line', async () => {
    // Keyboard, as a person would: down to the fix, then Enter (the menu blocks pointer events).
    const focused = page.locator('.action-widget .monaco-list-row.action.focused .title');
    for (let i = 0; i < 10 && (await focused.innerText()).trim() !== fixTitle; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused.innerText()).trim(), fixTitle);
    await page.keyboard.press('Enter');
    let now;
    for (let i = 0; i < 50 && (now = await lineText(page, maintainerLine)) !== fixed; i++) await sleep(100);
    assert.equal(now, fixed, `line ${maintainerLine} after the fix`);
    await page.locator('.monaco-editor .squiggly-inline-deprecated').waitFor({ state: 'detached', timeout: 15000 });
    await sleep(500);
    await shot('4-fixed.png');
  });
  mark(`fixed: line ${maintainerLine} reads ${fixed}`);

  const remaining = findings.filter((f) => f !== maintainer);
  const rows = await step('the Problems panel lists the remaining findings', async () => {
    await page.keyboard.press('Control+Shift+KeyM');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15000 });
    await palette(page, 'View: Toggle Maximized Panel');
    const expectedRows = remaining.map((f) => ({ rule: f.rule, message: f.message, at: `[Ln ${f.line}, Col ${f.column}]` }));
    // The other examples' Dockerfiles are listed too (workspace diagnostics, never opened): this file's row and its findings.
    const fileRow = new RegExp(`^Dockerfile\\s*${example}\\s*\\d+$`);
    const ofThisFile = (all) => {
      const at = all.findIndex((r) => fileRow.test(r));
      return at < 0 ? [] : all.slice(at, at + 1 + Number(/(\d+)$/.exec(all[at])[1]));
    };
    let all = [];
    let rows = [];
    for (let i = 0; i < 50; i++) {
      all = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
      rows = ofThisFile(all);
      if (rows.length === remaining.length + 1) break;
      await sleep(200);
    }
    assert.equal(rows.length, remaining.length + 1, `Problems rows of ${example}/Dockerfile (1 file row + ${remaining.length} findings):\n${all.join('\n')}`);
    assert.match(rows[0], new RegExp(`^Dockerfile\\s*${example}\\s*${remaining.length}$`), `the file row (name, folder, count): ${rows[0]}`);
    for (const e of expectedRows) {
      assert.ok(rows.some((r) => r.includes(e.message) && r.includes(e.rule) && r.includes(e.at)), `no Problems row for ${e.rule} ${e.at} "${e.message}":\n${rows.join('\n')}`);
    }
    await shot('5-problems.png');
    await palette(page, 'View: Toggle Maximized Panel');
    await page.keyboard.press('Control+Shift+KeyM');
    return rows;
  });
  mark(`problems panel: ${rows.length} rows`);

  const runLine = text.findIndex((l) => /^RUN apt-get /.test(l)) + 1;
  const scopes = await step('a RUN body has our grammar\'s scopes', async () => {
    assert.ok(runLine > 0, 'no "RUN apt-get" line in the example');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+KeyG');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(`${runLine}:6`); // on apt-get
    await page.keyboard.press('Enter');
    await palette(page, 'Developer: Inspect Editor Tokens and Scopes');
    const widget = page.locator('.token-inspect-widget');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const t = await widget.innerText();
    for (const s of ['meta.embedded.shell.dockerfile', 'meta.instruction.run.dockerfile', 'source.dockerfile', 'source.shell']) assert.ok(t.includes(s), `token scopes on apt-get lack ${s}:\n${t}`);
    assert.match(t, /language\s+shellscript/);
    await shot('6-token-scopes.png');
    return t;
  });
  mark(`scopes on line ${runLine}: ${scopes.split('\n').filter((l) => /\./.test(l)).slice(0, 6).join(' ')}`);
}

await runTest(main);
