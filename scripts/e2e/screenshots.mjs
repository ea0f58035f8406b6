// Opens examples/ in real VS Code (code-server 4.100.3, VS Code 1.100.3) with the built .vsix installed,
// drives it with Debian's Chromium and saves screenshots of squiggles, hover, the quick-fix menu and the
// Problems panel to .e2e/shots/. A manual check until the real-editor suite (issue 7) lands.
// Needs: `npm run package`, and code-server + playwright-core installed into .e2e/ (see docs/editor.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const e2e = path.join(root, '.e2e');
const require = createRequire(path.join(e2e, 'package.json'));
const { chromium } = require('playwright-core');
const codeServer = path.join(e2e, 'node_modules/.bin/code-server');
const shots = path.join(e2e, 'shots');
fs.mkdirSync(shots, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-ui-'));
const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
const dirs = ['--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'exts')];
const vsix = path.join(root, 'dockwise.vsix');
const install = spawnSync(codeServer, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8' });
if (install.status !== 0) throw new Error(`install failed: ${install.stderr}`);
const port = 20000 + Math.floor(Math.random() * 20000);
// A copy: the quick fix the script applies may be saved, and the examples must stay as they are.
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, process.argv[2] ?? 'examples/spring-boot'), workspace, { recursive: true });
const serverLog = fs.openSync(path.join(shots, 'code-server.log'), 'w');
const server = spawn(codeServer, [...dirs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], { env, stdio: ['ignore', serverLog, serverLog], detached: true });
const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch {} };
process.on('exit', stop);
const log = (m) => console.log(`[${(performance.now() / 1000).toFixed(1)}s] ${m}`);
try {
  for (let i = 0; i < 100; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.explorer-folders-view', { timeout: 60000 });
  log('workbench ready');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).first().click();
  await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info', { timeout: 60000 })
    .catch(async (e) => { await page.screenshot({ path: path.join(shots, '0-no-squiggles.png') }); throw e; });
  await page.waitForTimeout(1500);
  log('squiggles visible');
  await page.screenshot({ path: path.join(shots, '1-squiggles.png') });
  const target = page.locator('.monaco-editor .view-line', { hasText: 'MAINTAINER' }).first();
  const box = await target.boundingBox();
  if (box) {
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 5 });
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover .markdown-hover', { timeout: 15000 })
      .catch(async (e) => { await page.screenshot({ path: path.join(shots, '0-no-hover.png') }); throw e; });
    await page.waitForTimeout(600);
    log(`hover: ${(await page.locator('.monaco-hover .markdown-hover, .monaco-hover .hover-contents').last().innerText()).slice(0, 160).replace(/\n/g, ' ')}`);
    await page.screenshot({ path: path.join(shots, '2-hover.png') });
    await page.mouse.click(box.x + 30, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { timeout: 15000 }).catch(async (e) => { await page.screenshot({ path: path.join(shots, '0-no-quickfix.png') }); throw e; });
    await page.waitForTimeout(600);
    log(`quick fixes: ${(await page.locator('.action-widget').first().innerText()).replace(/\n/g, ' | ')}`);
    await page.screenshot({ path: path.join(shots, '3-quickfix.png') });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(shots, '4-fixed.png') });
  }
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, '5-problems.png') });
  log('problems panel');
  await browser.close();
} finally {
  stop();
}
