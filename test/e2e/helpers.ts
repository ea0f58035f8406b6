// Helpers for the real-editor suite. Everything goes through the public `vscode` API, so the suite
// runs the same in desktop VS Code and in code-server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'dockwise.dockwise';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository?)`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the runner passes a copy of test/fixtures/e2e-workspace');
  return folder.uri;
}

export function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

let copies = 0;
/**
 * Opens a fresh copy of a fixture Dockerfile (written beside it as `Dockerfile.e2e-N`, which the
 * `Dockerfile.*` pattern makes a Dockerfile too), so tests never see each other's edits.
 */
export async function openCopy(rel: string): Promise<vscode.TextEditor> {
  const source = fixture(rel);
  const copy = vscode.Uri.joinPath(source, '..', `Dockerfile.e2e-${++copies}`);
  await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(source));
  return open(copy);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Closes every editor without prompting: documents are scratch copies, so they are saved first. */
export async function closeAll(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** 1-based `line:col-line:col` (end exclusive), as the CLI and the status bar count. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** `rule Severity range`, e.g. `add-instead-of-copy Error 8:1-8:4`. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${rangeText(d.range)}`;
}

export function dockwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'dockwise');
}

/** Our diagnostics for `uri`, described and sorted by position (then rule). */
export function described(uri: vscode.Uri): string[] {
  return dockwiseDiagnostics(uri)
    .slice()
    .sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b)))
    .map(describeDiagnostic);
}

/**
 * Waits until `actual()` deep-equals `expected` (re-checking whenever diagnostics change, and every
 * 250 ms), then returns; on timeout fails with assert's diff of the last value against `expected`.
 */
export async function eventually<T>(actual: () => T, expected: T, what: string, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = actual();
  while (!isDeepStrictEqual(last, expected) && Date.now() < until) {
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); clearTimeout(t); resolve(); });
      const t = setTimeout(() => { sub.dispose(); resolve(); }, 250);
    });
    last = actual();
  }
  assert.deepStrictEqual(last, expected, `${what} (waited ${timeoutMs / 1000}s)`);
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try { assert.deepStrictEqual(a, b); return true; } catch { return false; }
}

/** Waits for the exact list of our diagnostics (see `described`) on `uri`. */
export function expectDiagnostics(uri: vscode.Uri, expected: string[], what = `diagnostics of ${path.basename(uri.path)}`, timeoutMs?: number): Promise<void> {
  return eventually(() => described(uri), expected, what, timeoutMs);
}

export function findDiagnostic(uri: vscode.Uri, rule: string, line?: number): vscode.Diagnostic {
  const found = dockwiseDiagnostics(uri).filter((d) => codeOf(d) === rule && (line === undefined || d.range.start.line + 1 === line));
  assert.equal(found.length, 1, `expected one ${rule} diagnostic${line ? ` on line ${line}` : ''}; have: ${described(uri).join(' | ') || 'none'}`);
  return found[0];
}

// ---------------------------------------------------------------------------------------------
// Code actions

/**
 * The code actions at `range`, resolved as VS Code resolves the one the user picks (the server leaves costly edits,
 * such as fixing every finding of a rule, to codeAction/resolve).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind, 100);
  // A plain Command has a string `command`; a CodeAction's `command`, if any, is a Command object.
  return (all ?? []).filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
}

/**
 * The quick fixes VS Code offers with the cursor on a diagnostic: what its light bulb menu lists, for
 * every diagnostic at that range. (executeCodeActionProvider does not say which diagnostic an action is for.)
 */
export async function fixesFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value);
}

export function byTitle(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `no code action titled "${title}"; offered: ${actions.map((x) => `"${x.title}"`).join(', ') || 'none'}`);
  return a;
}

export async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Waits for the document text (edits from a command or the server arrive asynchronously). */
export async function expectText(doc: vscode.TextDocument, expected: string, what: string, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (doc.getText() !== expected && Date.now() < until) await sleep(100);
  assert.equal(doc.getText(), expected, what);
}

// ---------------------------------------------------------------------------------------------
// Hover

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
}

/** The position of the `nth` occurrence of `needle` on 1-based `line`, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, line: number, needle: string, offset = 0): vscode.Position {
  const text = doc.lineAt(line - 1).text;
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not on line ${line}: ${text}`);
  return new vscode.Position(line - 1, at + offset);
}

/** A rule's one-line summary, read from its generated page docs/rules/<id>.md in the extension. */
export function ruleSummary(id: string): string {
  const page = fs.readFileSync(path.join(extension().extensionPath, 'docs', 'rules', `${id}.md`), 'utf8');
  const m = /^\*\*(.+)\*\*\s*$/m.exec(page);
  assert.ok(m, `docs/rules/${id}.md has no **summary** line`);
  return m[1];
}

// ---------------------------------------------------------------------------------------------
// Rule pages

/** The link a diagnostic's code carries: the extension's URI handler, in this editor's own scheme. */
export function ruleLink(id: string): string {
  return `${vscode.env.uriScheme}://${EXTENSION_ID}/rule/${id}`;
}

function markdownPreviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
}

/**
 * Runs `open` and waits for what the user should see: a rendered Markdown preview of `id`'s page. The page
 * comes from the server (dockwise.server.explain) as a read-only Markdown document, `dockwise-rule:/<id>.md`,
 * the same text as the page shipped in the extension, and a new Markdown preview tab shows it. Nothing is
 * left to save.
 */
export async function expectRulePreview(id: string, open: () => Thenable<unknown>, timeoutMs = 15000): Promise<void> {
  const tabsBefore = new Set(markdownPreviewTabs());
  await open();
  const shipped = fs.readFileSync(path.join(extension().extensionPath, 'docs', 'rules', `${id}.md`), 'utf8');
  const until = Date.now() + timeoutMs;
  let page: vscode.TextDocument | undefined;
  let tab: vscode.Tab | undefined;
  while (Date.now() < until && !(page && tab)) {
    page = vscode.workspace.textDocuments.find((d) => d.uri.toString() === `dockwise-rule:/${id}.md` && d.languageId === 'markdown' && d.getText() === shipped);
    tab = page && markdownPreviewTabs().find((t) => !tabsBefore.has(t) && t.label.includes(`${id}.md`));
    if (!(page && tab)) await sleep(100);
  }
  const docs = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => `${d.uri.toString()}: ${d.getText().slice(0, 40)}`);
  assert.ok(page, `no Markdown document dockwise-rule:/${id}.md holding docs/rules/${id}.md; Markdown documents: ${docs.join(' | ') || 'none'}`);
  assert.ok(!page.isDirty && !vscode.workspace.textDocuments.some((d) => d.isUntitled && d.languageId === 'markdown'), 'a rule page left a document to save');
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} [${t.input instanceof vscode.TabInputWebview ? t.input.viewType : (t.input as { constructor?: { name?: string } })?.constructor?.name}]`);
  assert.ok(tab, `no Markdown preview of ${page.uri.toString()} opened; tabs: ${tabs.join(' | ')}`);
}
