// What the browser tests read from and do in code-server's workbench (a playwright page): the command palette,
// the squiggles of the visible editor and its rendered lines.

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
