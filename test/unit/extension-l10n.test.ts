// The extension's own strings in other languages, the standard VS Code way: package.json names its user-visible
// strings as %key%, package.nls.json holds them in English and package.nls.<lang>.json in each language; the
// client's messages go through vscode.l10n.t(English), whose translations are l10n/bundle.l10n.<lang>.json (package.json
// `l10n`). A key left out shows the raw %key% or the English in that language; a key left over is a translation
// of nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nlsFiles = fs.readdirSync(root).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f)).sort();
const nls: Record<string, Record<string, string>> = Object.fromEntries(['package.nls.json', ...nlsFiles].map((f) => [f, readJson(f)]));
const en = nls['package.nls.json'];

/** Every string in a JSON value, with where it is. */
function strings(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

const refs = strings(manifest).flatMap(({ at, text }) => {
  const m = /^%([^%\s]+)%$/.exec(text);
  return m ? [{ at, key: m[1] }] : [];
});

/** The `code` spans and link targets of a Markdown text: what no translation may change. */
const untranslated = (md: string) => [...md.matchAll(/`[^`]+`|\]\([^)]+\)/g)].map((m) => m[0]).sort();

/** The {n} placeholders of a message, sorted and without repeats. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('the manifest\'s strings (package.nls*.json)', () => {
  it('there is a translation besides English, Korean among them', () => {
    assert.ok(nlsFiles.includes('package.nls.ko.json'), nlsFiles.join(' '));
  });

  it('every user-visible string of contributes is a %key% (the dockwise.profile choices excepted: scripts/generate-docs.mjs writes them)', () => {
    const c = manifest.contributes;
    const visible: { at: string; text: string }[] = [
      ...c.commands.flatMap((cmd: Record<string, string>, i: number) => ['title', 'shortTitle', 'category'].filter((f) => f in cmd).map((f) => ({ at: `commands[${i}].${f}`, text: cmd[f] }))),
      { at: 'configuration.title', text: c.configuration.title },
      ...Object.entries(c.configuration.properties as Record<string, Record<string, unknown>>).flatMap(([id, p]) =>
        ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'enumDescriptions', 'markdownEnumDescriptions']
          .filter((f) => f in p && !(id === 'dockwise.profile' && /EnumDescriptions$/i.test(f)))
          .flatMap((f) => strings(p[f], `configuration.properties.${id}.${f}`))),
    ];
    assert.ok(visible.length >= 15, `only ${visible.length} strings`);
    assert.deepEqual(visible.filter(({ text }) => !/^%[^%\s]+%$/.test(text)).map(({ at, text }) => `${at}: ${text}`), []);
  });

  it('every %key% in package.json is in package.nls.json and in every translation', () => {
    assert.ok(refs.length >= 15, `only ${refs.length} references`);
    const missing = Object.entries(nls).flatMap(([file, table]) => refs.filter(({ key }) => !Object.hasOwn(table, key)).map(({ at, key }) => `${file}: ${key} (${at})`));
    assert.deepEqual(missing, []);
  });

  it('every translation has the same keys as package.nls.json, none of them empty, and package.json uses them all', () => {
    const used = new Set(refs.map((r) => r.key));
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'keys package.json does not use');
    for (const [file, table] of Object.entries(nls)) {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), file);
      assert.deepEqual(Object.entries(table).filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k), [], `${file}: empty values`);
    }
  });

  it('a translation keeps the code and the link targets of the English as they are', () => {
    for (const file of nlsFiles) {
      const changed = Object.keys(en).filter((k) => JSON.stringify(untranslated(nls[file][k])) !== JSON.stringify(untranslated(en[k])));
      assert.deepEqual(changed.map((k) => `${k}: ${untranslated(en[k]).join(' ')} ≠ ${untranslated(nls[file][k]).join(' ')}`), [], file);
    }
  });
});

describe('the client\'s messages (vscode.l10n.t and l10n/)', () => {
  const clientDir = path.join(root, 'client/src');
  const sources = fs.readdirSync(clientDir).filter((f) => f.endsWith('.ts')).sort();

  /** Every l10n.t(…) call of the client: its message (a literal, else undefined) and how many values it passes. */
  const calls = sources.flatMap((f) => {
    const file = path.join(clientDir, f);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: { where: string; message: string | undefined; args: number }[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 't' && /(^|\.)l10n$/.test(n.expression.expression.getText(source))) {
        const first = n.arguments[0];
        const where = `client/src/${f}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`;
        found.push({ where, message: first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined, args: n.arguments.length - 1 });
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
    return found;
  });

  const l10nDir = path.join(root, manifest.l10n ?? '');
  const bundles = fs.existsSync(l10nDir) ? fs.readdirSync(l10nDir).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f)).sort() : [];
  const bundle = (f: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(l10nDir, f), 'utf8'));

  it('package.json names the l10n folder, which holds the Korean bundle', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(bundles.includes('bundle.l10n.ko.json'), bundles.join(' '));
  });

  it('every message is a literal (the key the bundles are looked up by) whose {n} values are all passed', () => {
    assert.ok(calls.length >= 2, `only ${calls.length} vscode.l10n.t calls`);
    assert.deepEqual(calls.filter((c) => c.message === undefined).map((c) => c.where), [], 'a message that is not a string literal');
    const short = calls.filter((c) => c.message !== undefined && placeholders(c.message).some((n) => n >= c.args));
    assert.deepEqual(short.map((c) => `${c.where}: ${c.message}`), [], 'a {n} without its value');
  });

  it('every message has a translation in every bundle, with the same {n} placeholders, and no bundle key is unused', () => {
    const messages = new Set(calls.flatMap((c) => (c.message === undefined ? [] : [c.message])));
    for (const f of bundles) {
      const table = bundle(f);
      assert.deepEqual([...messages].filter((m) => !Object.hasOwn(table, m)), [], `${f}: missing`);
      assert.deepEqual(Object.keys(table).filter((k) => !messages.has(k)), [], `${f}: unused`);
      assert.deepEqual(Object.entries(table).filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k), [], `${f}: empty`);
      const differ = Object.entries(table).filter(([k, v]) => JSON.stringify(placeholders(k)) !== JSON.stringify(placeholders(v)));
      assert.deepEqual(differ.map(([k, v]) => `${k} → ${v}`), [], `${f}: placeholders differ`);
    }
  });
});
