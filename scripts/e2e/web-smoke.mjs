#!/usr/bin/env node
// The web extension (vscode.dev, github.dev) in a real browser: code-server's workbench in headless Chromium runs
// Dockwise in its web worker extension host, and only there. The .vsix is packed as for a release and unpacked,
// and its package.json loses `main`, so nothing but `browser` (dist/extension-web.js, which starts
// dist/server-web.js in a Web Worker) can run; it loads as the development extension with the kind `web`, which
// puts it in the web worker host. The test opens a Dockerfile from the workspace and checks the squiggles and the
// Problems panel against the command line's findings, with a config file and a .dockerignore that only reach the
// worker through the editor's file system; hovers, applies a quick fix, reads the Dockerfiles view, lints an untitled
// Dockerfile, and checks that no Node language server ran. Screenshots go to .e2e/screenshots-web/.
//
//   DOCKWISE_E2E_TIMEOUT  seconds for the whole test (default 300)
//   DOCKWISE_E2E_KEEP=1   keep the temporary workspace and profile
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  e2eDir, groupMembers, launchChromium, log, makeProfile, makeTempDir, remoteUri, root, runProcess, seconds, sleep, startCodeServer, workbenchUrl,
} from './lib.mjs';
import { ensureE2E } from './setup.mjs';
import { expectedSquiggles, lineText, openAndCheckSquiggles, palette, testFrame, waitForSquiggles } from './workbench.mjs';
import { vsce, vsceArgs } from '../vsix.mjs';

const started = performance.now();
const example = 'spring-boot';
const shots = path.join(e2eDir, 'screenshots-web');
const timeoutS = seconds('DOCKWISE_E2E_TIMEOUT', 300);
const run = makeTempDir('dockwise-web-');
process.env.DOCKWISE_E2E_GROUPS = path.join(run, 'groups');
const mark = (name) => log('web', name);

let server;
let chrome;
let page;
const consoleLines = [];
const { step, shot, runTest } = testFrame({ tag: 'web', shots, timeoutS, run, started, current: () => ({ chrome, server, page }) });

/** The command line's findings for a file, as JSON. */
function cliFindings(file) {
  let out;
  try { out = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', file], { encoding: 'utf8' }); } catch (e) { out = e.stdout; }
  return JSON.parse(out).files[0].findings;
}

/** The .vsix unpacked into `dir` with `main` taken out of its package.json: only the web entry is left. */
async function unpackWebOnly(vsix, dir) {
  const { readZip } = createRequire(import.meta.url)(path.join(root, 'out/test/support/packaging.js'));
  for (const [name, bytes] of await readZip(vsix)) {
    if (!name.startsWith('extension/')) continue;
    const file = path.join(dir, name.slice('extension/'.length));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  assert.ok(manifest.main && manifest.browser, 'the .vsix\'s package.json names both entries, main and browser');
  for (const entry of [manifest.browser, './dist/server-web.js', './dist/web-tree-sitter.wasm', './dist/tree-sitter-bash.wasm']) {
    assert.ok(fs.existsSync(path.join(dir, entry)), `the .vsix lacks ${entry}`);
  }
  delete manifest.main;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
}

/** Processes below code-server that run a Node language server (dist/server.js) of ours. */
function nodeServers() {
  return groupMembers(server.pgid).filter((pid) => {
    try { return /dist[\\/]server\.js/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')); } catch { return false; }
  });
}

async function hoverOn(locator) {
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 15000 });
  return hover;
}

async function main() {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  await ensureE2E();
  mark('setup checked');

  if (!['dist/extension-web.js', 'dist/server-web.js', 'dist/cli.js', 'out/test/support/packaging.js'].every((f) => fs.existsSync(path.join(root, f)))) {
    const b = await runProcess(process.execPath, ['scripts/build.mjs'], { echo: true });
    if (b.code !== 0) throw new Error('the build failed');
  }
  const vsix = path.join(run, 'dockwise.vsix');
  const pack = await runProcess(process.execPath, [vsce, ...vsceArgs(), '--out', vsix], { timeoutMs: 180000 });
  if (pack.code !== 0) throw new Error(`vsce package failed:\n${pack.output.slice(-3000)}`);
  const extension = path.join(run, 'extension');
  await unpackWebOnly(vsix, extension);
  mark(`packaged and unpacked ${path.basename(vsix)} without main (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);

  const profile = makeProfile(path.join(run, 'profile'));
  const workspace = path.join(run, 'examples');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  const file = path.join(workspace, example, 'Dockerfile');
  const text = fs.readFileSync(file, 'utf8').split('\n');
  const before = cliFindings(file);
  // Files the worker can only have read through the editor's file system: a config file in the workspace folder
  // that turns a rule off, and a .dockerignore beside the Dockerfile, which silences missing-dockerignore.
  fs.writeFileSync(path.join(workspace, '.dockwise.yaml'), 'ignored: [legacy-key-value-format]\n');
  fs.writeFileSync(path.join(workspace, example, '.dockerignore'), '.git\ntarget\n');
  const findings = cliFindings(file);
  for (const rule of ['legacy-key-value-format', 'missing-dockerignore']) {
    assert.ok(before.some((f) => f.rule === rule) && !findings.some((f) => f.rule === rule), `dist/cli.js: ${rule} in examples/${example}/Dockerfile should go with the config file and the .dockerignore`);
  }
  const maintainer = findings.find((f) => f.rule === 'maintainer-deprecated');
  assert.ok(maintainer, `dist/cli.js does not report maintainer-deprecated in examples/${example}/Dockerfile`);

  server = await startCodeServer(profile, { folder: workspace });
  chrome = await launchChromium(profile);
  page = await chrome.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('worker', (w) => consoleLines.push(`worker: ${w.url()}`));
  await page.goto(workbenchUrl(server.origin, workspace, [['extensionDevelopmentPath', remoteUri(server.port, extension)], ['extensionDevelopmentKind', 'web']]));
  await step('workbench shows the explorer', () => page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 }));
  mark('workbench ready');

  // Squiggles: every (line, severity) the command line reports, and nothing else.
  const want = await openAndCheckSquiggles({ step, shot, page, folder: example, findings, what: 'the command line' });
  mark(`squiggles: ${want.join(', ')}`);

  await step('the Problems panel lists exactly the command line\'s findings', async () => {
    await page.keyboard.press('Control+Shift+KeyM');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15000 });
    let rows = [];
    for (let i = 0; i < 50; i++) {
      rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
      if (rows.length === findings.length + 1) break;
      await sleep(200);
    }
    assert.equal(rows.length, findings.length + 1, `Problems rows (1 file row + ${findings.length} findings):\n${rows.join('\n')}`);
    for (const f of findings) {
      const at = `[Ln ${f.line}, Col ${f.column}]`;
      assert.ok(rows.some((r) => r.includes(f.message) && r.includes(f.rule) && r.includes(at)), `no Problems row for ${f.rule} ${at} "${f.message}":\n${rows.join('\n')}`);
    }
    await shot('2-problems.png');
    await page.keyboard.press('Control+Shift+KeyM');
  });

  await step('the extension runs in the web worker extension host, and no Node language server', async () => {
    assert.deepEqual(nodeServers(), [], 'a dist/server.js process runs below code-server');
    await palette(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Dockwise' }).first();
    await row.waitFor({ state: 'visible', timeout: 15000 });
    const t = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(t, /Web Worker/i, `the running extensions row for Dockwise: ${t}`);
    await shot('3-running-extensions.png');
    await page.keyboard.press('Control+KeyW');
    await page.locator('.tab.active', { hasText: 'Dockerfile' }).waitFor({ timeout: 15000 });
  });

  const summary = /^\*\*(.+)\*\*\s*$/m.exec(fs.readFileSync(path.join(root, 'docs/rules/maintainer-deprecated.md'), 'utf8'))?.[1];
  await step('hover on MAINTAINER explains the finding', async () => {
    const hover = await hoverOn(page.locator('.view-lines .squiggly-inline-deprecated', { hasText: 'MAINTAINER' }).first());
    let t = '';
    for (let i = 0; i < 50 && !(t.includes(maintainer.message) && t.includes(summary)); i++) { await sleep(200); t = await hover.innerText(); }
    assert.ok(t.includes(maintainer.message), `the hover lacks the diagnostic message "${maintainer.message}":\n${t}`);
    assert.ok(summary && t.includes(summary), `the hover lacks the rule summary "${summary}":\n${t}`);
    await shot('4-hover.png');
  });

  const fixTitle = maintainer.fixes[0].title;
  const maintainerLine = maintainer.line;
  const fixed = `LABEL org.opencontainers.image.authors="${text[maintainerLine - 1].replace(/^MAINTAINER\s+/i, '').trim()}"`;
  await step('the quick fix for MAINTAINER rewrites the line', async () => {
    await page.keyboard.press('Escape');
    const box = await page.locator('.view-lines .squiggly-inline-deprecated', { hasText: 'MAINTAINER' }).first().boundingBox();
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await page.mouse.move(box.x + 400, box.y + 300); // away, so no hover covers the menu
    await page.keyboard.press('Control+Period');
    await page.locator('.action-widget').waitFor({ state: 'visible', timeout: 15000 });
    const focused = page.locator('.action-widget .monaco-list-row.action.focused .title');
    for (let i = 0; i < 10 && (await focused.innerText()).trim() !== fixTitle; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused.innerText()).trim(), fixTitle);
    await shot('5-quickfix.png');
    await page.keyboard.press('Enter');
    let now;
    for (let i = 0; i < 50 && (now = await lineText(page, maintainerLine)) !== fixed; i++) await sleep(100);
    assert.equal(now, fixed, `line ${maintainerLine} after the fix`);
    await page.locator('.monaco-editor .squiggly-inline-deprecated').waitFor({ state: 'detached', timeout: 15000 });
    const rest = expectedSquiggles(findings.filter((f) => f !== maintainer));
    assert.deepEqual(await waitForSquiggles(page, rest), rest, 'squiggles after the fix');
    await sleep(300);
    await shot('6-fixed.png');
  });
  mark(`fixed: line ${maintainerLine} reads ${fixed}`);

  // The Dockerfiles view, drawn by the web client: every example's Dockerfile by folder; the one opened has its counts.
  await step('the Dockerfiles view lists the examples\' Dockerfiles, with counts for the one linted', async () => {
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Dockerfiles\s*$/i }) });
    await pane.locator('.pane-header').click();
    // Room for every row: the folders' pane above folds away.
    await page.locator('.pane-header', { has: page.locator('.title', { hasText: /^\s*examples\s*$/i }) }).click();
    const counts = { error: 0, warning: 0, info: 0, style: 0 };
    for (const f of findings) if (f !== maintainer) counts[f.severity]++;
    const described = [
      counts.error && (counts.error === 1 ? '1 error' : `${counts.error} errors`),
      counts.warning && (counts.warning === 1 ? '1 warning' : `${counts.warning} warnings`),
      counts.info && `${counts.info} info`,
      counts.style && `${counts.style} style`,
    ].filter(Boolean).join(', ');
    const folders = fs.readdirSync(workspace).filter((d) => fs.existsSync(path.join(workspace, d, 'Dockerfile'))).sort((a, b) => a.localeCompare(b));
    const want = folders.flatMap((d) => (d === example ? [`${d} ${described}`, `Dockerfile ${described}`] : [d, 'Dockerfile']));
    let rows = [];
    for (let i = 0; i < 75 && JSON.stringify(rows) !== JSON.stringify(want); i++) {
      await sleep(200);
      rows = await pane.locator('.monaco-list-row').evaluateAll((list) => list.map((r) => ['.label-name', '.label-description'].map((c) => r.querySelector(c)?.textContent?.trim()).filter(Boolean).join(' ')));
    }
    assert.deepEqual(rows, want, 'the Dockerfiles view\'s rows');
    await shot('7-dockerfiles-view.png');
  });

  // An untitled Dockerfile: no folder, no file beside it; the command line's verdict on the same text.
  const untitled = 'FROM ubuntu\nMAINTAINER someone@example.com\nRUN apt-get update && apt-get install -y curl\n';
  const untitledFile = path.join(run, 'untitled', 'Dockerfile');
  fs.mkdirSync(path.dirname(untitledFile), { recursive: true });
  fs.writeFileSync(untitledFile, untitled);
  const untitledWant = expectedSquiggles(cliFindings(untitledFile));
  await step('an untitled Dockerfile gets diagnostics', async () => {
    assert.ok(untitledWant.length >= 3, `the command line finds too little in the untitled text: ${untitledWant}`);
    await palette(page, 'File: New Untitled Text File');
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 15000 });
    await palette(page, 'Change Language Mode');
    await page.locator('.quick-input-widget input').fill('Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    // Inserted as a whole, as a paste would be: typed keys would meet the editor's auto-indent.
    await page.keyboard.insertText(untitled);
    const have = await waitForSquiggles(page, untitledWant);
    assert.deepEqual(have, untitledWant, 'squiggles in the untitled Dockerfile as "line severity"');
    await sleep(300);
    await shot('8-untitled.png');
  });
  mark(`untitled: ${untitledWant.join(', ')}`);
  assert.deepEqual(nodeServers(), [], 'a dist/server.js process ran below code-server');
}

await runTest(main, () => (consoleLines.length ? [`--- browser console (tail) ---\n${consoleLines.slice(-25).join('\n')}`] : []));
