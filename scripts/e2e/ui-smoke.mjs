#!/usr/bin/env node
// UI smoke test: what a person sees. Packages the extension (.vsix), installs it into a throwaway
// code-server profile, opens a copy of examples/ in headless Chromium and checks, in the DOM:
// squiggles on the lines the engine reports (severity by severity), the hover box, the quick-fix menu,
// the fixed line, the Problems panel rows and the TextMate scopes of a RUN body. The engine's verdict
// comes from dist/cli.js on the same file (the same engine the server runs), so this checks that the
// editor shows exactly that. Then, on a multi-stage Dockerfile (test/fixtures/e2e-workspace/web-app), the
// editor features: the code lenses above each FROM, the build state table in the hover on an instruction,
// the stages in the Outline view, the stages in the suggest widget after `COPY --from=`, a stage renamed
// with F2, and the Dockerfiles view in the explorer with each opened file's counts; what each should show
// comes from the engine's own functions (out/), in the language under test. Screenshots go to
// .e2e/screenshots/ (git-ignored); those of the editor features are cropped to the part they show, and
// docs/images/ keeps copies of them for the README.
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

// The multi-stage Dockerfile the editor features are shown on (test/fixtures/e2e-workspace/web-app): no findings.
const TOUR = 'web-app';
// A single-stage Node app that builds with a compiler toolchain, split into a builder stage from the Ctrl+. menu.
const SPLIT_FOLDER = 'refactor';
// Two compose services build its Dockerfile: the status bar's build chooser.
const BUILDS_FOLDER = 'builds';
// Its compose file passes NODE_EMV where the Dockerfile declares NODE_ENV: the rename in compose.yaml.
const ARGS_FOLDER = 'compose-args';

/** The engine's verdict on each file, from the command line (the engine the server runs): its findings. */
function cliFindings(...files) {
  let cli;
  try { cli = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--lang', locale, '--format', 'json', ...files], { encoding: 'utf8' }); } catch (e) { cli = e.stdout; }
  const byPath = new Map(JSON.parse(cli).files.map((f) => [path.resolve(f.path), f.findings]));
  return files.map((f) => byPath.get(path.resolve(f)));
}

/** A module of the built server (out/), for what the editor should show. */
const built = (module) => require(path.join(root, 'out/server/src', module));

/** Moves the cursor to a 1-based line and column with Go to Line. */
async function goTo(line, column) {
  await page.keyboard.press('Control+KeyG');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Where `word` is drawn on the editor's 1-based line (its first occurrence), as a box in the page. */
function wordBox(line, word) {
  return page.evaluate(({ line, word }) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const top = [...editor.querySelectorAll('.margin-view-overlays > div')].find((d) => d.querySelector('.line-numbers')?.textContent?.trim() === String(line))?.style.top;
    const row = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
    if (!row) return undefined;
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let before = 0;
    const at = row.textContent.replace(/\u00a0/g, ' ').indexOf(word);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (at >= 0 && at < before + n.length) {
        const range = document.createRange();
        range.setStart(n, at - before);
        range.setEnd(n, Math.min(n.length, at - before + word.length));
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      before += n.length;
    }
    return undefined;
  }, { line, word });
}

/** A screenshot of the smallest part of the window holding every box (locators or boxes), with a margin. */
async function cropShot(name, parts, margin = 6) {
  const boxes = (await Promise.all(parts.map((p) => (typeof p.boundingBox === 'function' ? p.boundingBox() : p)))).filter(Boolean);
  assert.ok(boxes.length, `nothing to crop ${name} to`);
  const view = page.viewportSize();
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  await page.screenshot({ path: path.join(shots, name), clip: { x, y, width: right - x, height: bottom - y } });
}

/** A view of the side bar by its exact title, e.g. "Outline". */
function sideView(title) {
  const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: exact }) });
}

/** `label — description` of each row a tree draws, top to bottom. */
function treeRows(pane, rowSelector = '.monaco-list-row') {
  return pane.locator(rowSelector).evaluateAll((rows) => rows
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((r) => `${r.querySelector('.label-name')?.textContent?.trim() ?? ''} — ${r.querySelector('.label-description')?.textContent?.trim() ?? ''}`));
}

/** Asks `read` until its answer deep-equals `want` (about `tries` × 200 ms), then returns the last answer. */
async function settle(read, want, tries = 75) {
  let have;
  for (let i = 0; i < tries; i++) {
    have = await read();
    if (JSON.stringify(have) === JSON.stringify(want)) break;
    await sleep(200);
  }
  return have;
}

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
  fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace', TOUR), path.join(workspace, TOUR), { recursive: true });
  fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace', SPLIT_FOLDER), path.join(workspace, SPLIT_FOLDER), { recursive: true });
  fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace', BUILDS_FOLDER), path.join(workspace, BUILDS_FOLDER), { recursive: true });
  const file = path.join(workspace, example, 'Dockerfile');
  const text = fs.readFileSync(file, 'utf8').split('\n');
  const [findings] = cliFindings(file);
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
    // The code lens above FROM pushes the lines below it down when it appears: measure the word after it has.
    await page.locator('.monaco-editor .codelens-decoration').first().waitFor({ state: 'visible', timeout: 15000 });
    const word = page.locator('.view-lines .squiggly-inline-deprecated', { hasText: 'MAINTAINER' }).first();
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    let t = '';
    // A hover opened on another line (the word moved under the mouse) is closed and the word hovered again.
    for (let attempt = 0; attempt < 3 && !(t.includes(maintainer.message) && t.includes(summary)); attempt++) {
      if (attempt) { await page.mouse.move(5, 5); await page.keyboard.press('Escape'); }
      const box = await word.boundingBox();
      await page.mouse.move(box.x + 5, box.y + box.height / 2);
      await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
      await hover.waitFor({ state: 'visible', timeout: 15000 });
      t = '';
      for (let i = 0; i < 25 && !(t.includes(maintainer.message) && t.includes(summary)); i++) { await sleep(200); t = await hover.innerText(); }
    }
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
    await goTo(runLine, 6); // on apt-get
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
  await page.keyboard.press('Escape');

  await editorFeatures(workspace, { [example]: remaining });
  await splitThroughMenu(workspace);
  await buildChooser();
  await renameComposeArg(workspace);
}

/**
 * The editor features on TOUR's multi-stage Dockerfile, each checked against the engine and saved as a cropped
 * screenshot. `opened` gives the findings of the files already open, by folder: the Dockerfiles view counts them.
 */
async function editorFeatures(workspace, opened) {
  const { DockerfileModel, applyEdits, localize } = built('engine/index.js');
  await built('host/node.js').initNodeShellParser();
  const { stageLenses } = built('engine/ide/lenses.js');
  const { hoverAt, HOVER_STRINGS } = built('engine/ide/hover.js');
  const { outline } = built('engine/ide/symbols.js');
  const { completions } = built('engine/ide/completion/index.js');
  const { renameTarget, renameEdits } = built('engine/ide/rename.js');
  const today = new Date().toISOString().slice(0, 10);

  const file = path.join(workspace, TOUR, 'Dockerfile');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const last = lines.length - 1; // the last line's number: the text ends with a line break
  const model = new DockerfileModel(text);
  assert.deepEqual(cliFindings(file)[0], [], `${TOUR}/Dockerfile should have no findings: the hovers and lenses are then the features' alone`);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  /** The editor's lines as drawn, from the first to `count`. */
  const drawn = async (count) => Promise.all(Array.from({ length: count }, (_, i) => lineText(page, i + 1)));
  /** The editor from its tab bar down to the 1-based `line`, 820 pixels wide: what a crop of the code shows. */
  const codeDown = async (line) => {
    const tabs = await page.locator('.editor-group-container .title').first().boundingBox();
    const end = await editor.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^\\s*${line}\\s*$`) }).boundingBox();
    return { x: tabs.x, y: tabs.y, width: Math.min(tabs.width, 820), height: end.y + end.height + 4 - tabs.y };
  };
  /** Opens or closes a view of the side bar by its title, with a click on its header as needed. */
  const expand = async (title, open) => {
    const header = sideView(title).locator('.pane-header');
    if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click();
  };

  await step(`open ${TOUR}/Dockerfile with Quick Open`, async () => {
    await page.mouse.move(1000, 900); // on no text: no hover and no tooltip in the screenshots
    await page.keyboard.press('Control+KeyP');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`${TOUR}/Dockerfile`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: TOUR }).first().waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('Enter');
    const want = lines.slice(0, 3);
    assert.deepEqual(await settle(() => drawn(3), want), want, 'the first lines of the editor');
  });
  mark(`${TOUR}/Dockerfile open`);

  // Lenses: one row above each FROM with its stage's lenses, as VS Code joins them ("a | b").
  const fromLines = model.stages.map((s) => s.from.line + 1);
  const lenses = stageLenses(model, locale);
  const wantLenses = fromLines.map((line) => lenses.filter((l) => model.lines.positionAt(l.start).line + 1 === line).map((l) => l.title).join(' | '));
  await step('code lenses above each FROM', async () => {
    const decorations = editor.locator('.codelens-decoration');
    const read = () => decorations.evaluateAll((all) => all
      .map((d) => ({ top: d.getBoundingClientRect().top, text: d.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top).map((d) => d.text));
    assert.deepEqual(await settle(read, wantLenses), wantLenses, 'the lenses, top to bottom');
    // Each one stands right above its FROM.
    const tops = await decorations.evaluateAll((all) => all.map((d) => d.getBoundingClientRect()).sort((a, b) => a.top - b.top).map((r) => r.bottom));
    for (const [i, line] of fromLines.entries()) {
      const from = await wordBox(line, 'FROM');
      assert.ok(from.y - tops[i] >= -1 && from.y - tops[i] < from.height, `the lens "${wantLenses[i]}" is not right above line ${line}`);
    }
    await cropShot('7-lenses.png', [await codeDown(last)], 0);
  });
  mark(`lenses: ${wantLenses.join(' / ')}`);

  // Hover on the USER of the last stage: after the keyword's explanation, the build state there as a table.
  const userLine = lines.findLastIndex((l) => l.startsWith('USER ')) + 1;
  const keyword = 'USER';
  const hover = hoverAt(model, [], model.lines.offsetAt({ line: userLine - 1, character: 1 }), { today, keywords: true, locale });
  const title = localize(HOVER_STRINGS, 'state.title', locale, { line: userLine });
  const wantRows = hover.markdown.split('\n').filter((l) => /^\| [^|]/.test(l))
    .map((l) => /^\| (.*?) \| (.*) \|$/.exec(l).slice(1).map((cell) => cell.replace(/`/g, '').replace(/\\\|/g, '|')));
  assert.ok(wantRows.some(([k]) => k === 'USER') && wantRows.some(([k]) => k === 'WORKDIR'), `the engine's build state has no USER or WORKDIR row:\n${hover.markdown}`);
  await step(`hover on ${keyword} shows the build state table`, async () => {
    const word = await wordBox(userLine, keyword);
    await page.mouse.move(word.x + 2, word.y + word.height / 2);
    await page.mouse.move(word.x + word.width / 2, word.y + word.height / 2, { steps: 4 });
    const box = page.locator('.monaco-hover:not(.hidden)').first();
    await box.waitFor({ state: 'visible', timeout: 15000 });
    const read = () => box.locator('table tr').evaluateAll((rows) => rows
      .map((r) => [...r.querySelectorAll('td, th')].map((c) => c.textContent.trim()))
      .filter((cells) => cells.length === 2 && cells[0]));
    assert.deepEqual(await settle(read, wantRows), wantRows, 'the build state rows (name, value)');
    assert.ok((await box.innerText()).includes(title), `the hover lacks its title "${title}"`);
    await cropShot('8-build-state.png', [box, word]);
  });
  mark(`build state: ${wantRows.map(([k, v]) => `${k} ${v}`).join('; ')}`);

  // The Outline view: one row per stage, its name and what it is built from.
  const wantOutline = outline(model).filter((s) => s.kind === 'stage').map((s) => `${s.name} — ${s.detail}`);
  await step('the Outline view lists the stages', async () => {
    await page.mouse.move(1000, 900); // away: the hover goes
    await expand(path.basename(workspace), false); // the files' tree: room for the outline
    await palette(page, 'Explorer: Focus on Outline View');
    const pane = sideView('Outline');
    await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15000 });
    const have = await settle(() => treeRows(pane, '.monaco-list-row[aria-level="1"]'), wantOutline);
    assert.deepEqual(have, wantOutline, 'the outline\'s top rows (name — detail)');
    await cropShot('9-outline.png', [pane.locator('.pane-header'), pane.locator('.monaco-list-row').last(), await codeDown(last)], 0);
  });
  mark(`outline: ${wantOutline.join(' / ')}`);

  // Completion: a new line `COPY --from=` in the last stage lists the stages before it.
  const after = lines.findLastIndex((l) => l.startsWith('WORKDIR')) + 1;
  const typed = 'COPY --from=';
  const withTyped = [...lines.slice(0, after), typed, ...lines.slice(after)].join('\n');
  const items = completions(new DockerfileModel(withTyped), withTyped.indexOf(`\n${typed}\n`) + 1 + typed.length, { locale, today, snippets: true, trigger: '=' });
  const wantItems = items.map((i) => i.label);
  const pick = items[1];
  await step(`typing ${typed} lists the stages in the suggest widget`, async () => {
    await editor.locator('.view-lines').click();
    await goTo(after, lines[after - 1].length + 1);
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed, { delay: 30 });
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const read = () => widget.locator('.monaco-list-row').evaluateAll((rows) => rows
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => r.querySelector('.label-name')?.textContent?.trim()));
    assert.deepEqual(await settle(read, wantItems), wantItems, 'the suggest widget\'s rows');
    // The focused row shows its detail ("Stage of this file, line N").
    const detail = (await widget.locator('.monaco-list-row.focused .details-label').innerText()).trim();
    assert.equal(detail, items[0].detail);
    await cropShot('10-completion.png', [widget, await codeDown(last + 1)], 0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await settle(() => lineText(page, after + 1), `${typed}${pick.label}`), `${typed}${pick.label}`, 'the line once the item is taken');
    // Gone again: the rest of the features run on the file as it is.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    const want = lines.slice(0, last);
    assert.deepEqual(await settle(() => drawn(last), want), want, 'the editor after removing the typed line');
  });
  mark(`completion: ${wantItems.join(', ')}`);

  // Rename with F2: the stage and every `--from=` naming it (`build`: the first stage built on another and used).
  const stage = model.stages.find((s) => s.alias && s.references.length && s.index > 0);
  const newName = 'bundle';
  const target = renameTarget(model, stage.aliasStart, locale);
  const edits = renameEdits(model, target, newName, locale);
  assert.ok(Array.isArray(edits) && edits.length > 1, `the engine does not rename ${stage.alias}: ${JSON.stringify(edits)}`);
  const renamed = applyEdits(text, edits).split('\n').slice(0, last);
  await step(`F2 renames the stage ${stage.alias} and its references`, async () => {
    await goTo(stage.from.line + 1, stage.aliasStart - model.lines.lineStart(stage.from.line) + 2);
    await page.keyboard.press('F2');
    const box = page.locator('[widgetid="__renameInputWidget"]');
    const input = box.locator('input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await settle(() => input.inputValue(), stage.alias), stage.alias, 'the rename box starts with the name');
    assert.ok(await settle(() => input.evaluate((e) => e === document.activeElement), true), 'the rename box takes the keyboard');
    await page.keyboard.type(newName); // the name is selected: typing replaces it
    assert.equal(await input.inputValue(), newName);
    await cropShot('11-rename.png', [box, await codeDown(last)], 0);
    await page.keyboard.press('Enter');
    assert.deepEqual(await settle(() => drawn(last), renamed), renamed, 'the editor after the rename');
    await cropShot('12-renamed.png', [await codeDown(last)], 0);
  });
  mark(`renamed ${stage.alias} to ${newName} on lines ${renamed.map((l, i) => (l !== lines[i] ? i + 1 : 0)).filter(Boolean).join(', ')}`);

  // The Dockerfiles view: every Dockerfile of the workspace by folder, each with Dockwise's counts: an open file's of
  // its text in the editor, the others' of the file on disk (workspace diagnostics). Its texts are the client's, in
  // VS Code's display language: English in both runs.
  const viewTitle = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'))['dockwise.view.dockerfiles.name'];
  const folders = fs.readdirSync(workspace).filter((f) => fs.existsSync(path.join(workspace, f, 'Dockerfile'))).sort((a, b) => a.localeCompare(b));
  const verdicts = cliFindings(...folders.map((f) => path.join(workspace, f, 'Dockerfile')));
  // The first file not open yet that has findings: opened from the view, it keeps its counts there.
  const openFromView = folders.find((f, i) => !(f in opened) && verdicts[i].length);
  const counted = { ...Object.fromEntries(folders.map((f, i) => [f, verdicts[i]])), ...opened, [TOUR]: [] };
  const countsText = (findings) => {
    const n = (s) => findings.filter((f) => f.severity === s).length;
    const parts = [];
    if (n('error')) parts.push(n('error') === 1 ? '1 error' : `${n('error')} errors`);
    if (n('warning')) parts.push(n('warning') === 1 ? '1 warning' : `${n('warning')} warnings`);
    if (n('info')) parts.push(`${n('info')} info`);
    if (n('style')) parts.push(`${n('style')} style`);
    return parts.length ? parts.join(', ') : 'no problems';
  };
  const wantView = folders.flatMap((f) => {
    const d = countsText(counted[f]);
    return [`${f} — ${d}`, `Dockerfile — ${d}`];
  });
  await step(`the ${viewTitle} view lists the workspace's files with their counts`, async () => {
    await expand('Outline', false);
    await expand(viewTitle, true); // collapsed until opened
    const pane = sideView(viewTitle);
    await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15000 });
    // A file not opened yet has the counts of the file on disk; a click on it opens it.
    const rows = pane.locator('.monaco-list-row');
    const folderRow = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${openFromView}$`) }) });
    await folderRow.waitFor({ state: 'visible', timeout: 15000 });
    const fileRow = pane.locator(`.monaco-list-row[data-index="${Number(await folderRow.getAttribute('data-index')) + 1}"]`);
    const before = await fileRow.evaluate((r) => `${r.querySelector('.label-name')?.textContent} — ${r.querySelector('.label-description')?.textContent ?? ''}`);
    assert.equal(before, `Dockerfile — ${countsText(counted[openFromView])}`, `${openFromView}/Dockerfile's row before it is opened`);
    await fileRow.click();
    const first = fs.readFileSync(path.join(workspace, openFromView, 'Dockerfile'), 'utf8').split('\n')[0];
    assert.equal(await settle(() => lineText(page, 1), first), first, `${openFromView}/Dockerfile opened from the view`);
    assert.deepEqual(await settle(() => treeRows(pane), wantView, 100), wantView, 'the view\'s rows (label — description)');
    await page.mouse.move(1000, 900);
    await cropShot('13-dockerfiles-view.png', [pane.locator('.pane-header'), rows.last()], 0);
  });
  mark(`${viewTitle} view: ${wantView.filter((r) => !r.startsWith('Dockerfile')).join('; ')}`);
}

/**
 * Ctrl+. on a FROM lists "Split into a builder stage" among the refactorings; picked with the keyboard, the change
 * opens in VS Code's refactor preview, and Apply there writes exactly what `dockwise refactor split-builder-stage`
 * prints for the file.
 */
async function splitThroughMenu(workspace) {
  const file = path.join(workspace, SPLIT_FOLDER, 'Dockerfile');
  const before = fs.readFileSync(file, 'utf8');
  const after = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'refactor', 'split-builder-stage', '--lang', locale, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const { allRefactorings, DockerfileModel } = built('engine/index.js');
  const offer = allRefactorings({ model: new DockerfileModel(before), settings: { trustedRegistries: [], today: new Date().toISOString().slice(0, 10), locale } }).find((o) => o.refactoring === 'split-builder-stage');
  assert.ok(offer, `split-builder-stage is not offered on ${SPLIT_FOLDER}/Dockerfile`);
  const fromLine = before.split('\n').findIndex((l) => /^FROM\s/i.test(l)) + 1;
  await step(`open ${SPLIT_FOLDER}/Dockerfile with Quick Open`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+KeyP');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`${SPLIT_FOLDER}/Dockerfile`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: SPLIT_FOLDER }).first().waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('Enter');
    const first = before.split('\n')[0];
    assert.equal(await settle(() => lineText(page, 1), first), first, 'the first line of the editor');
  });
  await step('Ctrl+. on FROM lists "split into a builder stage"', async () => {
    await goTo(fromLine, 1);
    await page.mouse.move(1000, 900);
    const widget = page.locator('.action-widget');
    let rows = [];
    // The server may still be analysing the file just opened: ask again until the refactoring is listed.
    for (let attempt = 0; attempt < 10 && !rows.includes(offer.title); attempt++) {
      if (attempt) { await page.keyboard.press('Escape'); await sleep(500); }
      await page.keyboard.press('Control+Period');
      await widget.waitFor({ state: 'visible', timeout: 15000 });
      for (let i = 0; i < 15 && !rows.includes(offer.title); i++) {
        await sleep(200);
        rows = (await widget.locator('.monaco-list-row.action .title').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
      }
    }
    assert.ok(rows.includes(offer.title), `the Ctrl+. menu lacks "${offer.title}"; it shows: ${JSON.stringify(rows)}`);
    await shot('14-refactor-menu.png');
  });
  await step('picking it opens the refactor preview, and Apply writes the split file', async () => {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused .title');
    for (let i = 0; i < 20 && (await focused.innerText()).trim() !== offer.title; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused.innerText()).trim(), offer.title);
    await page.keyboard.press('Enter');
    // The change is longer than a line: VS Code shows it in its refactor preview before anything is written.
    const apply = page.locator('.monaco-button', { hasText: /^\s*Apply\s*$/ }).first();
    await apply.waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await lineText(page, fromLine), before.split('\n')[fromLine - 1], 'nothing written before Apply');
    // VS Code leaves a change that asks for confirmation unticked: ticking the file takes all of its changes.
    const file = page.locator('input.edit-checkbox').first();
    await file.waitFor({ state: 'visible', timeout: 10000 });
    await file.click();
    await shot('15-refactor-preview.png');
    await apply.click();
    const want = after.split('\n').slice(0, -1);
    const drawn = () => Promise.all(want.map((_, i) => lineText(page, i + 1)));
    assert.deepEqual(await settle(drawn, want), want, 'the editor after Apply');
  });
  mark(`split through the Ctrl+. menu: ${offer.title}`);
}

/** Opens `folder`/Dockerfile with Quick Open. */
async function quickOpenDockerfile(folder) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+KeyP');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`${folder}/Dockerfile`);
  // Clicked, not Enter: the list may still focus a file opened before (the one the refactoring changed).
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: folder }).first();
  await row.waitFor({ state: 'visible', timeout: 15000 });
  await row.click();
}

/**
 * The status bar says which build a Dockerfile two compose services build is linted as; clicking it lists the
 * builds (the labels the server gives findings), and picking one lints the file as that one.
 */
async function buildChooser() {
  // The item and picker speak VS Code's display language (English here; dockwise.locale is the server's), the
  // builds' labels the server's.
  const l10n = (text, ...args) => text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const { invocationLabel } = built('workspace/invocation-lint.js');
  const label = (name) => invocationLabel({ source: { kind: 'compose', file: 'compose.yaml' }, name }, locale);
  const item = page.locator('.statusbar-item', { hasText: l10n('{0} builds', 2) });
  await step(`open ${BUILDS_FOLDER}/Dockerfile: the status bar says it is linted as 2 builds`, async () => {
    await quickOpenDockerfile(BUILDS_FOLDER);
    await item.waitFor({ state: 'visible', timeout: 30000 });
  });
  const want = [l10n('All {0} builds', 2), label('api'), label('worker'), l10n('Alone')];
  await step('clicking it lists every build, all of them and alone', async () => {
    await item.click();
    const rows = page.locator('.quick-input-list .monaco-list-row .label-name');
    await rows.first().waitFor({ state: 'visible', timeout: 15000 });
    const read = async () => (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.deepEqual(await settle(read, want), want, 'the build picker\'s rows');
    await cropShot('15-build-picker.png', [page.locator('.quick-input-widget'), item]);
  });
  await step('picking compose service worker lints the file as that build', async () => {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label('worker') }).first().click();
    const chosen = page.locator('.statusbar-item', { hasText: /^\s*worker\s*$/ });
    await chosen.waitFor({ state: 'visible', timeout: 15000 });
    await cropShot('16-build-chosen.png', [chosen]);
  });
  mark(`build chooser: ${want.join(' / ')}`);
}

/**
 * Ctrl+. on the finding about an arg no ARG declares offers to rename it where compose passes it (the title the
 * engine gives, in the language under test); picked, VS Code edits compose.yaml at the name, and once that file is
 * saved the finding goes. Copied in last, so the steps before see the workspace they expect.
 */
async function renameComposeArg(workspace) {
  fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace', ARGS_FOLDER), path.join(workspace, ARGS_FOLDER), { recursive: true });
  const compose = path.join(workspace, ARGS_FOLDER, 'compose.yaml');
  const [findings] = cliFindings(path.join(workspace, ARGS_FOLDER, 'Dockerfile'));
  const finding = findings.find((x) => x.rule === 'build-arg-not-declared');
  assert.equal(finding?.fixes.length, 1, `dist/cli.js offers no rename for ${ARGS_FOLDER}/Dockerfile: ${JSON.stringify(findings)}`);
  const title = finding.fixes[0].title;
  const squiggle = page.locator('.editor-instance .view-overlays .squiggly-warning').first();
  await step(`open ${ARGS_FOLDER}/Dockerfile: FROM is underlined`, async () => {
    await quickOpenDockerfile(ARGS_FOLDER);
    await squiggle.waitFor({ state: 'visible', timeout: 30000 });
  });
  const widget = page.locator('.action-widget');
  await step('Ctrl+. on it offers the rename in compose.yaml', async () => {
    const box = await squiggle.boundingBox();
    await page.mouse.click(box.x + 10, box.y + box.height / 2);
    await page.mouse.move(box.x + 400, box.y + 300); // away, so no hover covers the menu
    await page.keyboard.press('Control+Period');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const rows = widget.locator('.monaco-list-row.action .title');
    const read = async () => (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()).includes(title);
    assert.ok(await settle(read, true), `the quick-fix menu lacks "${title}"; it shows: ${JSON.stringify(await rows.allInnerTexts())}`);
    await cropShot('17-rename-compose-arg.png', [widget, squiggle]);
  });
  await step('picking it renames the arg in compose.yaml; saved, the finding goes', async () => {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused .title');
    for (let i = 0; i < 10 && (await focused.innerText()).trim() !== title; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused.innerText()).trim(), title);
    await page.keyboard.press('Enter');
    const onDisk = () => /^ {8}NODE_ENV: development$/m.test(fs.readFileSync(compose, 'utf8'));
    // VS Code saves the files a refactoring edits when files.refactoring.autoSave says so; Save All otherwise.
    if (!(await settle(onDisk, true, 25))) {
      await page.keyboard.press('Control+KeyK');
      await page.keyboard.press('KeyS');
    }
    assert.ok(await settle(onDisk, true), `compose.yaml after the fix:\n${fs.readFileSync(compose, 'utf8')}`);
    assert.match(fs.readFileSync(compose, 'utf8'), /passes NODE_EMV: no ARG/, 'the comment stays as it was');
    await squiggle.waitFor({ state: 'detached', timeout: 30000 });
    // The Dockerfiles view counts the file again (it redraws a moment after the diagnostics change).
    const viewTitle = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'))['dockwise.view.dockerfiles.name'];
    const row = async () => (await treeRows(sideView(viewTitle))).filter((r) => r.startsWith(`${ARGS_FOLDER} — `));
    assert.deepEqual(await settle(row, [`${ARGS_FOLDER} — no problems`]), [`${ARGS_FOLDER} — no problems`], 'the view\'s row of the folder');
    await shot('18-compose-arg-renamed.png');
  });
  mark(`rename in compose.yaml: ${title}`);
}

await runTest(main);
