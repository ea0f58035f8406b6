// ThirdPartyNotices.txt (written by the build) covers every package the bundles and WASM files contain: the
// test bundles again to see which packages are in each bundle, and reads each package's licence files
// itself, so a generator that drops a package, a bundle or a licence text fails here.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../..');
const noticesFile = path.join(root, 'ThirdPartyNotices.txt');
// Copyleft and source-available licences must never reach the allow-list.
const NEVER = /^(A?GPL|LGPL|MPL|EPL|EUPL|CDDL|SSPL|CC-BY-SA|OSL|CPAL|BUSL)/i;

type Bundles = { bundles(version: string): esbuild.BuildOptions[]; wasmFiles: { package: string; file: string }[] };
type Notices = {
  ALLOWED_LICENSES: string[];
  licenseAllowed(expr: unknown, allowed?: string[]): boolean;
  collectPackages(o: { metafiles: Record<string, { inputs: Record<string, unknown> }>; wasm?: Record<string, string>; cwd: string }): { name: string; version: string; license: string }[];
  noticeProblems(p: unknown[]): string[];
};
const load = <T>(name: string): Promise<T> => import(pathToFileURL(path.join(root, 'scripts', name)).href) as Promise<T>;

interface Pkg { name: string; version: string; license: unknown; dir: string; texts: string[]; in: Set<string> }

function packageDir(file: string): string | undefined {
  const parts = path.resolve(root, file).split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || file.startsWith('(')) return undefined;
  return parts.slice(0, i + (parts[i + 1].startsWith('@') ? 3 : 2)).join(path.sep);
}

function licenceTexts(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying)/i.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim());
}

function allowed(expr: unknown, list: string[]): boolean {
  if (typeof expr !== 'string') return false;
  const ids = expr.replace(/[()]/g, ' ').trim();
  if (/\sOR\s/.test(ids)) return ids.split(/\s+OR\s+/).some((x) => allowed(x, list));
  return ids.split(/\s+AND\s+/).every((x) => list.includes(x.trim()));
}

describe('third-party notices', () => {
  let notices = '';
  let ALLOWED: string[] = [];
  const packages = new Map<string, Pkg>();

  before(async () => {
    assert.ok(fs.existsSync(noticesFile), 'ThirdPartyNotices.txt is missing: run node scripts/build.mjs');
    notices = fs.readFileSync(noticesFile, 'utf8');
    const { bundles, wasmFiles } = await load<Bundles>('bundles.mjs');
    ALLOWED = (await load<Notices>('notices.mjs')).ALLOWED_LICENSES;
    const pkgJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const note = (dir: string, output: string) => {
      const j = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const p = packages.get(dir) ?? { name: j.name, version: j.version, license: j.license, dir, texts: licenceTexts(dir), in: new Set<string>() };
      p.in.add(output);
      packages.set(dir, p);
    };
    const cwd = process.cwd();
    process.chdir(root); // the bundle options hold paths relative to the repository
    try {
      for (const opts of bundles(pkgJson.version)) {
        const r = await esbuild.build({ ...opts, write: false, metafile: true, logLevel: 'silent' });
        for (const input of Object.keys(r.metafile!.inputs)) {
          const dir = packageDir(input);
          if (dir) note(dir, opts.outfile!);
        }
      }
    } finally {
      process.chdir(cwd);
    }
    const shipped = fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.wasm'));
    for (const file of shipped) {
      const w = wasmFiles.find((x) => x.file === file);
      assert.ok(w, `dist/${file} is not in scripts/bundles.mjs's wasmFiles, so no notice says where it comes from`);
      note(packageDir(require.resolve(`${w.package}/${w.file}`, { paths: [root] }))!, `dist/${file}`);
    }
  });

  it('the bundles contain the packages we expect, so the check below has something to check', () => {
    const names = new Set([...packages.values()].map((p) => p.name));
    for (const n of ['yaml', 'dockerfile-ast', 'web-tree-sitter', 'tree-sitter-bash', 'vscode-languageclient', 'vscode-languageserver']) assert.ok(names.has(n), n);
  });

  it('every bundled package is listed with its version, licence, the files it is in and its licence text', () => {
    for (const p of packages.values()) {
      const head = `${p.name} ${p.version} (${p.license})`;
      const at = notices.indexOf(`\n${head}\n`);
      assert.ok(at >= 0, `no entry "${head}" in ThirdPartyNotices.txt`);
      const next = notices.indexOf(`\n${'='.repeat(80)}`, at + 1);
      const entry = notices.slice(at, next < 0 ? undefined : next);
      const listed = /\nIn: (.*)\n/.exec(entry)?.[1].split(', ') ?? [];
      for (const output of p.in) assert.ok(listed.includes(output), `${head} is in ${output}, but its entry says In: ${listed.join(', ')}`);
      assert.ok(p.texts.length > 0, `${p.name}@${p.version} (${p.dir}) ships no LICENSE, LICENCE or COPYING file`);
      for (const t of p.texts) assert.ok(entry.includes(t), `the licence text of ${p.name}@${p.version} is not in its entry`);
    }
  });

  it('every bundled package is under a licence on the allow-list, and the list holds no copyleft licence', () => {
    for (const id of ALLOWED) assert.doesNotMatch(id, NEVER);
    for (const p of packages.values()) assert.ok(allowed(p.license, ALLOWED), `${p.name}@${p.version} is licensed ${JSON.stringify(p.license)}, not on the allow-list`);
  });

  it('the notices name no package the bundles do not contain', () => {
    const heads = [...notices.matchAll(/^={80}\n(\S+) (\S+) \(/gm)].map((m) => `${m[1]}@${m[2]}`);
    const expected = new Set([...packages.values()].map((p) => `${p.name}@${p.version}`));
    assert.deepEqual([...new Set(heads)].sort(), [...expected].sort());
  });
});

describe('the notices generator refuses what we cannot ship', () => {
  it('evaluates SPDX expressions against the allow-list', async () => {
    const { licenseAllowed } = await load<Notices>('notices.mjs');
    assert.equal(licenseAllowed('MIT'), true);
    assert.equal(licenseAllowed('(MIT OR GPL-3.0-or-later)'), true);
    assert.equal(licenseAllowed('MIT AND GPL-2.0-only'), false);
    assert.equal(licenseAllowed('GPL-3.0-only'), false);
    assert.equal(licenseAllowed([{ type: 'MIT' }]), true);
    assert.equal(licenseAllowed(undefined), false);
    assert.equal(licenseAllowed('SEE LICENSE IN LICENSE.txt'), false);
  });

  it('reports a package without a licence file and one with a licence off the list', async () => {
    const { collectPackages, noticeProblems } = await load<Notices>('notices.mjs');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-notices-'));
    try {
      const mk = (name: string, license: string, text?: string) => {
        fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
        fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license }));
        if (text) fs.writeFileSync(path.join(dir, 'node_modules', name, 'LICENSE'), text);
      };
      mk('ok', 'MIT', 'MIT text');
      mk('nolicence', 'MIT');
      mk('copyleft', 'GPL-3.0-only', 'GPL text');
      const inputs = { 'src/a.ts': {}, 'node_modules/ok/index.js': {}, 'node_modules/nolicence/index.js': {}, 'node_modules/copyleft/lib/x.js': {} };
      const problems = noticeProblems(collectPackages({ metafiles: { 'dist/a.js': { inputs } }, cwd: dir }));
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems.find((p) => p.startsWith('nolicence@1.0.0')) ?? '', /no LICENSE, LICENCE or COPYING file/);
      assert.match(problems.find((p) => p.startsWith('copyleft@1.0.0')) ?? '', /"GPL-3\.0-only", which is not on the allow-list/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
