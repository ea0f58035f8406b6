import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { findRules, ruleMarkdown } from '../../server/src/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { shellcheckAvailable } from '../../server/src/host/node';
import { defineRule } from '../../server/src/engine/rule';
import { startEditor, type Editor } from './harness';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let editor: Editor;
const uriOf = (rel: string) => pathToFileURL(path.join(tmp, rel)).toString();
const write = (rel: string, text: string) => { const p = path.join(tmp, rel); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return uriOf(rel); };
const short = (d: Diagnostic) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}/${d.severity}`;

before(async () => {
  await initShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-lsp-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

function edited(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? (edit?.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits as TextEdit[] : []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

describe('diagnostics', () => {
  it('arrive on open with exact ranges, codes, links, severities and tags', async () => {
    const uri = write('a/Dockerfile', 'FROM alpine:3.21\nMAINTAINER me\nRUN apk add curl\n');
    const diags = await editor.open(uri, fs.readFileSync(new URL(uri), 'utf8'));
    const m = diags.find((d) => d.code === 'maintainer-deprecated')!;
    assert.equal(m.source, 'dockwise');
    assert.deepEqual(m.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    // Information: the recommended profile lowers maintainer-deprecated to info (it still builds).
    assert.equal(m.severity, 3);
    assert.deepEqual(m.tags, [2]);
    // The link is the page shipped beside the server, so it opens offline in any editor.
    const page = fileURLToPath(m.codeDescription!.href);
    assert.equal(page, path.join(repoRoot, 'docs/rules/maintainer-deprecated.md'));
    assert.equal(fs.readFileSync(page, 'utf8'), ruleMarkdown(findRules('maintainer-deprecated')[0]));
    assert.ok(diags.some((d) => short(d) === 'apk-add-missing-no-cache@3:5-3:8/3'));
  });

  it('are plain text: code in quotes, not Markdown backticks, which the hover keeps', async () => {
    const uri = write('plain/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl\n');
    const diags = await editor.open(uri, fs.readFileSync(new URL(uri), 'utf8'));
    const d = diags.find((x) => x.code === 'apk-add-missing-no-cache')!;
    assert.equal(d.message, "'apk add' without '--no-cache' leaves the package index in the image");
    assert.match(await hover(uri, 1, 5), /`apk add` without `--no-cache`/);
  });

  it('update on every change, incremental, without a save', async () => {
    const uri = write('b/Dockerfile', 'FROM alpine:3.21\nRUN apk add curl\n');
    await editor.open(uri, 'FROM alpine:3.21\nRUN apk add curl\n');
    const after1 = await editor.change(uri, 2, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: ' --no-cache' }]);
    assert.ok(!after1.some((d) => d.code === 'apk-add-missing-no-cache'));
    const after2 = await editor.change(uri, 3, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 22 } }, text: '' }]);
    assert.ok(after2.some((d) => d.code === 'apk-add-missing-no-cache'));
  });

  it('are cleared on close', async () => {
    const uri = write('c/Dockerfile', 'FROM alpine:latest\n');
    await editor.open(uri, 'FROM alpine:latest\n');
    const p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await p, []);
  });
});

async function actions(uri: string, _diags: Diagnostic[], d: Diagnostic): Promise<CodeAction[]> {
  return editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

describe('code actions', () => {
  it('offer the fix, fix-all for the rule, ignore and documentation, in that order', async () => {
    const text = 'FROM alpine:3.21\nRUN apk add curl\nRUN apk add git\n';
    const uri = write('ca/Dockerfile', text);
    const diags = await editor.open(uri, text);
    const d = diags.find((x) => x.code === 'apk-add-missing-no-cache')!;
    const list = await actions(uri, diags, d);
    assert.deepEqual(list.map((a) => a.title), ['Add --no-cache', 'Fix all apk-add-missing-no-cache problems in this file', 'Ignore apk-add-missing-no-cache for this line', 'Show documentation for apk-add-missing-no-cache']);
    assert.equal(list[0].isPreferred, true);
    assert.equal(edited(text, list[0].edit, uri), 'FROM alpine:3.21\nRUN apk add --no-cache curl\nRUN apk add git\n');
    assert.equal(edited(text, list[1].edit, uri), 'FROM alpine:3.21\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
    assert.equal(edited(text, list[2].edit, uri), 'FROM alpine:3.21\n# dockwise ignore=apk-add-missing-no-cache\nRUN apk add curl\nRUN apk add git\n');
    // This editor has no command of its own for rule pages: the server shows the shipped page (window/showDocument).
    assert.deepEqual(list[3].command, { title: 'Show documentation for apk-add-missing-no-cache', command: 'dockwise.server.showDocumentation', arguments: ['apk-add-missing-no-cache'] });
    const shown = editor.shown.length;
    assert.deepEqual(await editor.conn.sendRequest('workspace/executeCommand', list[3].command), { success: true });
    assert.deepEqual(editor.shown.slice(shown), [pathToFileURL(path.join(repoRoot, 'docs/rules/apk-add-missing-no-cache.md')).href]);
  });

  it('an editor that resolves code actions gets the fix-all edit of a rule only when it asks, and none for a changed document', async () => {
    const resolving = await startEditor({ rootUri: pathToFileURL(tmp).toString(), textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } });
    try {
      assert.equal((resolving.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const text = 'FROM alpine:3.21\nRUN apk add curl\nRUN apk add git\n';
      const uri = write('resolve/Dockerfile', text);
      const diags = await resolving.open(uri, text);
      const d = diags.find((x) => x.code === 'apk-add-missing-no-cache')!;
      const list: CodeAction[] = await resolving.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.deepEqual(list.map((a) => a.title), ['Add --no-cache', 'Fix all apk-add-missing-no-cache problems in this file', 'Ignore apk-add-missing-no-cache for this line', 'Show documentation for apk-add-missing-no-cache']);
      // The single fix's edit is cheap and comes at once; fix-all waits for codeAction/resolve.
      assert.ok(list[0].edit);
      assert.equal(list[1].edit, undefined);
      const resolved: CodeAction = await resolving.conn.sendRequest('codeAction/resolve', list[1]);
      assert.equal(edited(text, resolved.edit, uri), 'FROM alpine:3.21\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
      // Typed into since: the action no longer knows where its edits go, and resolves to none.
      await resolving.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# base\n' }]);
      const stale: CodeAction = await resolving.conn.sendRequest('codeAction/resolve', list[1]);
      assert.equal(stale.edit, undefined);
      assert.equal(stale.title, list[1].title);
    } finally {
      resolving.close();
    }
  });

  it('unsafe fixes say so and are not preferred', async () => {
    const text = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n';
    const uri = write('unsafe/Dockerfile', text);
    const diags = await editor.open(uri, text);
    const d = diags.find((x) => x.code === 'apt-get-missing-no-install-recommends')!;
    const [fix] = await actions(uri, diags, d);
    assert.match(fix.title, /unsafe/);
    assert.equal(fix.isPreferred, false);
  });

  it('a fix that creates a file is a workspace edit that creates it', async () => {
    const text = 'FROM node:22-slim\nCOPY . .\nUSER node\n';
    const uri = write('create/Dockerfile', text);
    const diags = await editor.open(uri, text);
    const d = diags.find((x) => x.code === 'missing-dockerignore')!;
    const [fix] = await actions(uri, diags, d);
    const changes = fix.edit!.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: uriOf('create/.dockerignore'), options: { ignoreIfExists: true } });
    assert.match((changes[1] as { edits: TextEdit[] }).edits[0].newText, /^\.git$/m);
  });

  it('source.fixAll.dockwise applies every safe fix to a fixed point', async () => {
    const text = 'FROM alpine:3.21\nMAINTAINER me\nRUN apk add curl\nENTRYPOINT echo hi\nUSER 1\n';
    const uri = write('fa/Dockerfile', text);
    await editor.open(uri, text);
    const list: CodeAction[] = await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.dockwise'] } });
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'source.fixAll.dockwise');
    assert.equal(edited(text, list[0].edit, uri), 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="me"\nRUN apk add --no-cache curl\nENTRYPOINT ["echo", "hi"]\nUSER 1\n');
  });
});

async function hover(uri: string, line: number, character: number): Promise<string> {
  const h: Hover | null = await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return h ? (h.contents as { value: string }).value : '';
}

describe('hover', () => {
  const text = '# dockwise global ignore=DL3059\nARG VERSION=22\nFROM node:${VERSION}-slim AS build\nENV APP=/srv\nWORKDIR $APP\nFROM openjdk:17\nCOPY --from=build /srv /srv\nMAINTAINER me\nWORKDIR $JAVA_HOME/lib\n';
  let uri: string;
  before(async () => { uri = write('h/Dockerfile', text); await editor.open(uri, text); });

  it('leads with the finding in two lines, then the links to the rule\'s page, then what the cursor is on', async () => {
    const page = pathToFileURL(path.join(repoRoot, 'docs/rules/maintainer-deprecated.md')).href;
    const h = await hover(uri, 7, 3);
    assert.ok(h.startsWith([
      `MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors · [\`maintainer-deprecated\`](${page})`,
      '',
      'MAINTAINER is deprecated',
      '',
      `[Documentation](${page}) · [Docker's page for MaintainerDeprecated](https://docs.docker.com/reference/build-checks/maintainer-deprecated/)`,
      '',
      '---',
      '',
      '**Build state at line 8**',
    ].join('\n')), h);
    // The rule's page is behind the link, not inlined.
    assert.doesNotMatch(h, /Problem:|Also known as/);
  });
  it('explains a rule in a pragma', async () => assert.match(await hover(uri, 0, 28), /consecutive-run/));
  it('explains a rule in a pragma in full: why, an example, aliases, profiles', async () => {
    const u = write('h-pragma/Dockerfile', 'FROM alpine:3.21\n# dockwise ignore=maintainer-deprecated\nMAINTAINER me\n');
    await editor.open(u, fs.readFileSync(new URL(u), 'utf8'));
    const h = await hover(u, 1, 25);
    assert.match(h, /^\*\*MAINTAINER is deprecated\*\* · `maintainer-deprecated`\n\nMAINTAINER has been deprecated since Docker 1\.13\./);
    assert.match(h, /Problem:\n```dockerfile\nFROM alpine:3\.21\nMAINTAINER Jane Doe <jane@example\.com>\n```/);
    assert.match(h, /MAINTAINER is deprecated[\s\S]*Also known as hadolint DL4000, BuildKit MaintainerDeprecated/);
    assert.match(h, /On in recommended \(info\), strict \(warning\), modern \(info\), hadolint \(error\), buildkit \(warning\)\. `info` by default: MAINTAINER still works; it is only deprecated\./);
  });
  it('links the rule\'s page shipped beside the server', async () => {
    const page = pathToFileURL(path.join(repoRoot, 'docs/rules/maintainer-deprecated.md')).href;
    assert.ok((await hover(uri, 7, 3)).includes(`[Documentation](${page}) · [Docker's page for MaintainerDeprecated](https://docs.docker.com/reference/build-checks/maintainer-deprecated/)`));
    assert.ok((await hover(uri, 0, 28)).includes(`[Documentation](${pathToFileURL(path.join(repoRoot, 'docs/rules/consecutive-run.md')).href})`));
  });
  it('explains a base image', async () => {
    assert.match(await hover(uri, 5, 8), /openjdk[\s\S]*Deprecated since 2022-07-01: use eclipse-temurin/);
    assert.match(await hover(uri, 2, 7), /node:22-slim[\s\S]*ARG defaults give/);
  });
  it('resolves a variable and says where it was set', async () => assert.match(await hover(uri, 4, 10), /`APP` = `\/srv`[\s\S]*ENV on line 4/));
  it('says when a variable comes from the base image\'s ENV', async () => assert.match(await hover(uri, 8, 10), /`JAVA_HOME` is set by the ENV of the base image, openjdk:17/));
  it('shows the stage behind --from', async () => assert.match(await hover(uri, 6, 14), /Stage \*\*build\*\*, line 3:[\s\S]*FROM node:\$\{VERSION\}-slim AS build/));
  it('explains keywords only when no Docker extension does', async () => {
    const plain = await startEditor({ configuration: false });
    const other = await startEditor({ configuration: false, initializationOptions: { dockerExtensionActive: true } });
    const u = 'untitled:kw';
    await plain.open(u, 'FROM alpine:3.21\nWORKDIR /app\n');
    await other.open(u, 'FROM alpine:3.21\nWORKDIR /app\n');
    const hoverAt = async (e: Editor, character: number) => ((await e.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character } })) as Hover | null);
    const kw = async (e: Editor) => ((await hoverAt(e, 2))!.contents as { value: string }).value;
    // The build state is Dockwise's own: beside a Docker extension it stays on the rest of the instruction, and
    // the keyword is the extension's alone.
    const state = [
      '**Build state at line 2**',
      '',
      '| | |',
      '|---|---|',
      '| Stage | `stage 0` ← `alpine:3.21` |',
      '| USER | `root` (the image\'s default) |',
      '| WORKDIR | `/app` (line 2) |',
      '| SHELL | `/bin/sh -c` (default) |',
      '| Platform | the platform the build targets |',
      '| ENV | `alpine:3.21` sets `PATH` |',
    ].join('\n');
    assert.equal(await kw(plain), `**WORKDIR**: Sets the working directory for the following instructions, creating it when needed.\n\n---\n\n${state}`);
    assert.equal(await hoverAt(other, 2), null);
    assert.equal(((await hoverAt(other, 9))!.contents as { value: string }).value, state);
    plain.close();
    other.close();
  });
});

describe('folding', () => {
  it('folds each stage, each multi-line instruction and # region blocks', async () => {
    const text = 'FROM node:22 AS build\nRUN npm ci && \\\n    npm run build\n\n# region runtime\nFROM node:22-slim\nCOPY --from=build /a /a\n# endregion\n';
    const uri = write('fold/Dockerfile', text);
    await editor.open(uri, text);
    const ranges: Array<{ startLine: number; endLine: number; kind?: string }> = await editor.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ':' + r.kind : ''}`).sort(), ['0-4', '1-2', '4-7:region', '5-7'].sort());
  });
});

describe('settings and config files', () => {
  it('dockwise.rules and dockwise.ignore take effect when settings change', async () => {
    const text = 'FROM alpine:3.21\nRUN mkdir /a\nRUN mkdir /b\nUSER 1\n';
    const uri = write('s/Dockerfile', text);
    let diags = await editor.open(uri, text);
    assert.ok(!diags.some((d) => d.code === 'consecutive-run'), 'off by default');
    editor.settings = { rules: { DL3059: 'error' } };
    let p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    diags = await p;
    assert.equal(diags.find((d) => d.code === 'consecutive-run')?.severity, 1);
    editor.settings = { rules: { DL3059: 'error' }, ignore: ['consecutive-run'] };
    p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!(await p).some((d) => d.code === 'consecutive-run'));
    editor.settings = {};
    p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await p;
  });

  it('a .hadolint.yaml added beside the file changes the diagnostics (the watched-file event, not a keystroke)', async () => {
    const text = 'FROM alpine:3.21\nRUN apk add curl\nRUN mkdir /b\nUSER 1\n';
    const uri = write('cfg/Dockerfile', text);
    const rule = 'apk-add-missing-no-cache';
    assert.ok((await editor.open(uri, text)).some((d) => d.code === rule));
    write('cfg/.hadolint.yaml', 'ignored: [DL3019]\n');
    // The config file is looked for once per document: a keystroke does not probe the folders again.
    const typed = await editor.change(uri, 2, [{ range: { start: { line: 3, character: 6 }, end: { line: 3, character: 6 } }, text: '\n' }]);
    assert.ok(typed.some((d) => d.code === rule));
    const p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('cfg/.hadolint.yaml'), type: 1 }] });
    assert.ok(!(await p).some((d) => d.code === rule));
  });

  it('a .dockerignore is read once per Dockerfile, and again after a watched-file event', async () => {
    const text = 'FROM node:22-slim\nCOPY dist/ ./dist/\nUSER node\n';
    const uri = write('ign/Dockerfile', text);
    write('ign/.dockerignore', 'node_modules\n');
    assert.ok(!(await editor.open(uri, text)).some((d) => d.code === 'copy-ignored-file'));
    // Changed on disk without an event: a keystroke still sees the file as it was read.
    write('ign/.dockerignore', 'node_modules\ndist\n');
    const typed = await editor.change(uri, 2, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: '\n' }]);
    assert.ok(!typed.some((d) => d.code === 'copy-ignored-file'));
    const p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('ign/.dockerignore'), type: 2 }] });
    const d = (await p).find((x) => x.code === 'copy-ignored-file');
    assert.equal(d?.range.start.line, 1);
  });

  it('dockwise.profile chooses the profile, over the config file\'s profile:; an unknown one is reported once', async () => {
    const text = 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\nUSER 1000\n';
    const pin = (diags: Diagnostic[]) => diags.filter((d) => d.code === 'apt-get-unpinned-package').map((d) => d.severity);
    const reconfigured = async (uri: string, settings: Record<string, unknown>) => {
      editor.settings = settings;
      const p = editor.nextDiagnostics(uri);
      void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return p;
    };
    const uri = write('prof/Dockerfile', text);
    assert.deepEqual(pin(await editor.open(uri, text)), [], 'off in recommended');
    assert.deepEqual(pin(await reconfigured(uri, { profile: 'strict' })), [2]);
    assert.deepEqual(pin(await reconfigured(uri, { profile: 'strict', rules: { DL3008: 'error' } })), [1], 'dockwise.rules over the profile');
    // A .dockwise.yaml with a profile: the setting still wins; without the setting, the file's profile applies.
    write('prof2/.dockwise.yaml', 'profile: hadolint\n');
    const uri2 = write('prof2/Dockerfile', text);
    assert.deepEqual(pin(await editor.open(uri2, text)), [1], 'the strict setting, with dockwise.rules');
    assert.deepEqual(pin(await reconfigured(uri2, { profile: 'recommended' })), []);
    assert.deepEqual(pin(await reconfigured(uri2, {})), [2], 'the config file\'s hadolint profile');
    const diags = await reconfigured(uri, { profile: 'stricter' });
    assert.deepEqual(pin(diags), [], 'an unknown profile: the default');
    const message = 'Dockwise: settings: dockwise.profile: unknown profile "stricter"; did you mean "strict"? Using recommended.';
    assert.equal(editor.messages.filter((m) => m === message).length, 2, 'one log line and one warning message');
    await reconfigured(uri, {});
  });

  it('a broken config file is reported once and defaults apply', async () => {
    write('bad/.dockwise.yaml', 'rules: [\n');
    const uri = write('bad/Dockerfile', 'FROM alpine:latest\n');
    const diags = await editor.open(uri, 'FROM alpine:latest\n');
    assert.ok(diags.some((d) => d.code === 'base-image-latest'));
    assert.equal(editor.messages.filter((m) => /bad\/\.dockwise\.yaml:\d+: not valid YAML/.test(m)).length, 2, 'one log line and one warning message');
  });
});

describe('rule pages, by what the editor can do', () => {
  const text = 'FROM alpine:3.21\nMAINTAINER me\n';
  const hoverOn = async (e: Editor, uri: string) => ((await e.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } })) as Hover).contents as { value: string };
  const docActions = async (e: Editor, uri: string, d: Diagnostic) => ((await e.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[]).filter((a) => a.title.startsWith('Show documentation'));

  it('VS Code\'s client: its URI handler for diagnostics, its command for hovers and code actions', async () => {
    const e = await startEditor({ configuration: false, initializationOptions: { documentation: { ruleUri: 'vscode://dockwise.dockwise/rule/', command: 'dockwise.showDocumentation' } } });
    const uri = 'untitled:vscode';
    const d = (await e.open(uri, text)).find((x) => x.code === 'maintainer-deprecated')!;
    assert.equal(d.codeDescription?.href, 'vscode://dockwise.dockwise/rule/maintainer-deprecated');
    assert.ok((await hoverOn(e, uri)).value.includes('[Documentation](command:dockwise.showDocumentation?%5B%22maintainer-deprecated%22%5D)'));
    assert.deepEqual((await docActions(e, uri, d)).map((a) => a.command), [{ title: 'Show documentation for maintainer-deprecated', command: 'dockwise.showDocumentation', arguments: ['maintainer-deprecated'] }]);
    e.close();
  });

  it('an editor that does not announce window/showDocument gets the page\'s file URI, and the server\'s action (test/lsp/other-editors.test.ts runs it)', async () => {
    const e = await startEditor({ configuration: false, showDocument: false });
    const uri = 'untitled:plain';
    const d = (await e.open(uri, text)).find((x) => x.code === 'maintainer-deprecated')!;
    assert.equal(d.codeDescription?.href, pathToFileURL(path.join(repoRoot, 'docs/rules/maintainer-deprecated.md')).href);
    assert.deepEqual((await docActions(e, uri, d)).map((a) => a.command), [{ title: 'Show documentation for maintainer-deprecated', command: 'dockwise.server.showDocumentation', arguments: ['maintainer-deprecated'] }]);
    e.close();
  });

  it('without the pages beside it the server links nothing, rather than something dead', async () => {
    const e = await startEditor({ configuration: false, server: { rulePages: undefined } });
    const uri = 'untitled:nopages';
    const d = (await e.open(uri, text)).find((x) => x.code === 'maintainer-deprecated')!;
    assert.equal(d.codeDescription, undefined);
    const h = (await hoverOn(e, uri)).value;
    assert.ok(h.includes('MAINTAINER') && !h.includes('[Documentation]'), h);
    assert.deepEqual(await docActions(e, uri, d), []);
    // No page to open: the page's Markdown, as for an editor that cannot open one.
    assert.equal(await e.conn.sendRequest('workspace/executeCommand', { command: 'dockwise.server.showDocumentation', arguments: ['maintainer-deprecated'] }), ruleMarkdown(findRules('maintainer-deprecated')[0], 'en'));
    assert.deepEqual(e.shown, []);
    e.close();
  });
});

describe('shellcheck', () => {
  it('runs only when enabled, adds SC findings at their place after the engine\'s', async (t) => {
    if (!(await shellcheckAvailable())) return t.skip('shellcheck is not installed');
    const text = 'FROM debian:12-slim\nRUN echo $1\nUSER 1\n';
    const uri = write('sc/Dockerfile', text);
    assert.ok(!(await editor.open(uri, text)).some((d) => String(d.code).startsWith('SC')));
    editor.settings = { shellcheck: { enable: true } };
    const first = editor.nextDiagnostics(uri);
    const second = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await first;
    const d = (await second).find((x) => x.code === 'SC2086');
    assert.deepEqual(d?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
    // ShellCheck documents its codes; Dockwise has no page for them.
    assert.equal(d?.codeDescription?.href, 'https://www.shellcheck.net/wiki/SC2086');
    editor.settings = {};
    const p = editor.nextDiagnostics(uri);
    void editor.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await p;
  });
});

describe('robustness', () => {
  it('a rule that throws is logged once and the other findings are still published', async () => {
    const boom = defineRule({ meta: { id: 'test-throws', aliases: {}, category: 'correctness', status: 'stable', defaultSeverity: 'warning', docs: { summary: 's', why: 'w', examples: [{ bad: '', good: '' }], references: [] } }, check() { throw new Error('kaboom'); } });
    const e = await startEditor({ configuration: false, server: { extraRules: [boom] } });
    const d1 = await e.open('untitled:x', 'FROM alpine:latest\n');
    assert.ok(d1.some((d) => d.code === 'base-image-latest'));
    await e.change('untitled:x', 2, [{ text: 'FROM alpine:latest\n\n' }]);
    assert.equal(e.messages.filter((m) => m.includes('rule test-throws failed')).length, 1);
    e.close();
  });

  it('answers requests about unknown documents and bad positions without dying', async () => {
    assert.equal(await editor.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope' }, position: { line: 99, character: 99 } }), null);
    assert.deepEqual(await editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nope' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    const uri = write('ok/Dockerfile', 'FROM alpine:latest\n');
    assert.ok((await editor.open(uri, 'FROM alpine:latest\n')).length > 0);
  });
});
