// What the browser tests share: their frame (clean-up, time limit, steps with screenshots), and what they read
// from and do in code-server's workbench (a playwright page): the command palette, the squiggles of the visible
// editor and its rendered lines.

import assert from 'node:assert/strict';
import path from 'node:path';
import { log, onShutdown, reapRegisteredGroups, removeDir, root, stopAllGroups } from './lib.mjs';
import { SetupError } from './setup.mjs';

/**
 * The frame of a browser test: on every exit its browser, code-server and process groups are stopped and the
 * run folder removed; a hard time limit saves a screenshot of where it stood; each named step says it passed or
 * saves a screenshot of its failure; `runTest` runs the test, reports and exits. `current()` gives the test's
 * browser, server and page as they are now.
 */
export function testFrame({ tag, shots, timeoutS, run, current, started = performance.now() }) {
  let stepName = 'start';
  async function shutdown() {
    const { chrome, server } = current();
    await chrome?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await stopAllGroups();
    const leaked = await reapRegisteredGroups(process.env.DOCKWISE_E2E_GROUPS);
    if (leaked.length) console.error(`${tag}: stopped processes left behind: ${leaked.join(', ')}`);
    if (!process.env.DOCKWISE_E2E_KEEP) removeDir(run);
  }
  onShutdown(shutdown);
  const hard = setTimeout(async () => {
    console.error(`${tag}: FAILED: still at step "${stepName}" after ${timeoutS}s (DOCKWISE_E2E_TIMEOUT)`);
    await current().page?.screenshot({ path: path.join(shots, 'timeout.png') }).catch(() => undefined);
    await shutdown();
    console.log('# pass 0\n# fail 1');
    process.exit(124);
  }, timeoutS * 1000);
  return {
    async step(name, fn) {
      stepName = name;
      try {
        const r = await fn();
        console.log(`  ✔ ${name}`);
        return r;
      } catch (e) {
        const file = path.join(shots, `failed-${name.replace(/\W+/g, '-')}.png`);
        await current().page?.screenshot({ path: file }).catch(() => undefined);
        e.message = `${name}: ${e.message}\n(screenshot: ${path.relative(root, file)})`;
        throw e;
      }
    },
    async shot(name) {
      await current().page.screenshot({ path: path.join(shots, name) });
    },
    /** Runs `main` to the end: TAP's pass and fail counts, the failure with `diagnose()`'s extra lines, the exit. */
    async runTest(main, diagnose = () => []) {
      let ok = false;
      try {
        await main();
        ok = true;
      } catch (e) {
        if (e instanceof SetupError) {
          console.error(e.message);
          await shutdown();
          process.exit(2);
        }
        console.error(`${tag}: FAILED at "${stepName}": ${e?.stack ?? e}`);
        for (const line of diagnose()) console.error(line);
        const { server } = current();
        if (server) console.error(`--- code-server log (tail) ---\n${server.logTail().split('\n').slice(-15).join('\n')}`);
      } finally {
        clearTimeout(hard);
        await shutdown();
      }
      console.log(`# pass ${ok ? 1 : 0}\n# fail ${ok ? 0 : 1}`);
      log(tag, `${ok ? 'PASSED' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)}s; screenshots in ${path.relative(root, shots)}/`);
      process.exit(ok ? 0 : 1);
    },
  };
}

/** Runs a command from the command palette by its exact label. */
export async function palette(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // The row whose label is exactly this one: a longer command that contains it may come first.
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await row.click();
}

/** [{ line, severity }] of the squiggles in the visible editor, read from the DOM (1-based lines). */
export function squiggles(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor') ?? document.querySelector('.monaco-editor');
    if (!editor) return { squiggles: [], deprecated: [] };
    const lineAt = new Map();
    for (const n of editor.querySelectorAll('.margin-view-overlays > div')) {
      const num = n.querySelector('.line-numbers')?.textContent?.trim();
      if (num) lineAt.set(n.style.top, Number(num));
    }
    const out = [];
    for (const s of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
      const m = /squiggly-(error|warning|info|hint)\b/.exec(s.className);
      if (m) out.push({ line: lineAt.get(s.parentElement.style.top), severity: m[1] });
    }
    const deprecated = [...editor.querySelectorAll('.view-lines .squiggly-inline-deprecated')].map((e) => e.textContent);
    return { squiggles: out, deprecated };
  });
}

/** The text of the editor's 1-based line, as rendered. */
export function lineText(page, n) {
  return page.evaluate((n) => {
    const editor = document.querySelector('.editor-instance .monaco-editor') ?? document.querySelector('.monaco-editor');
    if (!editor) return undefined;
    const tops = [...editor.querySelectorAll('.margin-view-overlays > div')].find((d) => d.querySelector('.line-numbers')?.textContent?.trim() === String(n))?.style.top;
    const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === tops);
    return line ? line.textContent.replace(/\u00a0/g, ' ') : undefined;
  }, n);
}

/** Diagnostic severities as the editor draws them. */
export const SEVERITY = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** "line severity" strings for findings (each line a finding spans), sorted and unique: what squiggles should show. */
export function expectedSquiggles(findings) {
  const out = [];
  for (const f of findings) for (let l = f.line; l <= f.endLine; l++) out.push(`${l} ${SEVERITY[f.severity]}`);
  return [...new Set(out)].sort();
}

/** Opens `<folder>/Dockerfile` from the explorer, as a person would, and waits for its tab. */
export async function openFromExplorer(page, folder) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: folder }).first().click();
  await page.locator('.explorer-folders-view .monaco-list-row[aria-level="2"]', { hasText: 'Dockerfile' }).first().click();
  await page.locator('.tab.active', { hasText: 'Dockerfile' }).waitFor({ timeout: 15000 });
}

/** Waits until the squiggles are `want` ("line severity", sorted) and returns what was last seen. */
export async function waitForSquiggles(page, want, { tries = 150, also = () => true } = {}) {
  let have = [];
  for (let i = 0; i < tries; i++) {
    const s = await squiggles(page);
    have = [...new Set(s.squiggles.map((x) => `${x.line} ${x.severity}`))].sort();
    if (JSON.stringify(have) === JSON.stringify(want) && also(s)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return have;
}

/**
 * The first steps both UI tests take in an opened workbench: open `<folder>/Dockerfile` from the explorer, then
 * wait for a squiggle on every (line, severity) of `findings` and nothing else, MAINTAINER struck through.
 * Returns the squiggles wanted ("line severity").
 */
export async function openAndCheckSquiggles({ step, shot, page, folder, findings, what }) {
  await step(`open ${folder}/Dockerfile from the explorer`, () => openFromExplorer(page, folder));
  const want = expectedSquiggles(findings);
  await step(`squiggles on the lines ${what} reports`, async () => {
    const have = await waitForSquiggles(page, want, { also: (s) => s.deprecated.length > 0 });
    assert.deepEqual(have, want, 'squiggles as "line severity"');
    assert.deepEqual((await squiggles(page)).deprecated, ['MAINTAINER'], 'MAINTAINER is struck through (Deprecated tag)');
    await new Promise((r) => setTimeout(r, 500));
    await shot('1-squiggles.png');
  });
  return want;
}
