// Beside Docker DX: the table of BuildKit checks the client hides Dockwise's diagnostics by, and Dockwise's fixes
// offered on DX's diagnostic of the same check.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { allRules } from '../../server/src/engine';
import { initNodeShellParser } from '../../server/src/host/node';
import { dockerDxChecks } from '../../server/src/lsp/docker-dx';
import { startEditor, type Editor } from './harness';

let tmp: string;
let editor: Editor;

before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-dx-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg');
  editor = await startEditor({ rootUri: pathToFileURL(tmp).toString() });
});
after(() => { editor.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

const TEXT = 'FROM node:24.11-bookworm-slim\nWORKDIR /app\nCOPY server.js .\nUSER node\nCMD node server.js\n';
let opened = 0;
async function open(): Promise<{ uri: string; ours: Diagnostic }> {
  const uri = pathToFileURL(path.join(tmp, `d${++opened}`, 'Dockerfile')).toString();
  const diagnostics = await editor.open(uri, TEXT);
  assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`), ['shell-form-cmd 4:4-4:18']);
  return { uri, ours: diagnostics[0] };
}

/** As Docker DX reports JSONArgsRecommended: the instruction's whole line, a warning, a link to Docker's docs. */
function dx(code: string, line: number, length: number): Diagnostic {
  return {
    range: { start: { line, character: 0 }, end: { line, character: length } },
    severity: 2,
    code,
    codeDescription: { href: `https://docs.docker.com/go/dockerfile/rule/${code.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}/` },
    source: 'docker-language-server',
    message: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  };
}

async function quickFixes(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return editor.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
}

const brief = (a: CodeAction) => ({ title: a.title, on: a.diagnostics?.map((d) => `${d.source}/${d.code}`) });

describe('Docker DX', () => {
  it('the server names each rule that makes a BuildKit check, and the source of DX\'s diagnostics', () => {
    const { source, checks } = dockerDxChecks();
    assert.equal(source, 'docker-language-server');
    assert.equal(checks['shell-form-cmd'], 'JSONArgsRecommended');
    assert.equal(checks['maintainer-deprecated'], 'MaintainerDeprecated');
    const withAlias = allRules.filter((r) => r.meta.aliases.buildkit).map((r) => r.meta.id).sort();
    assert.deepEqual(Object.keys(checks).sort(), withAlias);
    assert.ok(withAlias.length >= 20, `only ${withAlias.length} rules name a BuildKit check`);
  });

  it('Dockwise\'s fixes are offered on DX\'s diagnostic of the same check, when Dockwise\'s own is not shown', async () => {
    const { uri, ours } = await open();
    const theirs = dx('JSONArgsRecommended', 4, 18);
    const onOurs = (await quickFixes(uri, ours.range, [ours])).filter((a) => a.edit);
    const fixTitles = onOurs.filter((a) => !a.title.startsWith('Ignore ')).map((a) => a.title);
    const title = 'Use exec form: CMD ["node", "server.js"] (unsafe: the base image\'s ENTRYPOINT, if any, receives other arguments)';
    assert.deepEqual(fixTitles, [title]);
    const onTheirs = await quickFixes(uri, theirs.range, [theirs]);
    assert.deepEqual(onTheirs.map(brief), [{ title, on: ['docker-language-server/JSONArgsRecommended'] }]);
    assert.deepEqual(onTheirs[0].edit, onOurs[0].edit, 'the same edit as on Dockwise\'s diagnostic');
    assert.equal(onTheirs[0].isPreferred, false, 'an unsafe fix, as on Dockwise\'s diagnostic');
  });

  it('with both diagnostics at the cursor, each fix is offered once, on Dockwise\'s', async () => {
    const { uri, ours } = await open();
    const theirs = dx('JSONArgsRecommended', 4, 18);
    const both = await quickFixes(uri, theirs.range, [theirs, ours]);
    assert.deepEqual(both.map(brief), (await quickFixes(uri, ours.range, [ours])).map(brief));
  });

  it('nothing on DX\'s diagnostics of another check, of another line, or of a check Dockwise does not find here', async () => {
    const { uri } = await open();
    assert.deepEqual(await quickFixes(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 18 } }, [dx('StageNameCasing', 4, 18)]), []);
    assert.deepEqual(await quickFixes(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } }, [dx('JSONArgsRecommended', 3, 8)]), []);
    assert.deepEqual(await quickFixes(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } }, [dx('WorkdirRelativePath', 1, 12)]), []);
    // Another tool's diagnostic with a BuildKit name as its code is not DX's.
    assert.deepEqual(await quickFixes(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 18 } }, [{ ...dx('JSONArgsRecommended', 4, 18), source: 'hadolint' }]), []);
  });
});
