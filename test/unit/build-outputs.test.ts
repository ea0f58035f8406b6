// The build (scripts/build.mjs) fails instead of silently shipping less: a bundle whose entry file was
// renamed, a package.json entry point (main, bin, browser) that no bundle produces, a file missing from dist/
// after building. Checked through scripts/bundles.mjs and by running the build itself in a small copy.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

type Pkg = { version: string; main?: unknown; bin?: unknown; browser?: unknown };
type BundlesModule = {
  bundles(version: string): { entryPoints: string[]; outfile: string }[];
  producedFiles(version: string): string[];
  entryPoints(pkg: Pkg): [string, unknown][];
  planProblems(pkg: Pkg, root: string): string[];
  outputProblems(version: string, root: string): string[];
};
let m: BundlesModule;
before(async () => {
  m = await import(pathToFileURL(path.join(root, 'scripts/bundles.mjs')).href) as BundlesModule;
});

describe('package.json entry points and the bundles', () => {
  it('this repository: every entry file exists and main, browser and each bin are files the build writes', () => {
    assert.deepEqual(m.planProblems(pkg, root), []);
    const fields = m.entryPoints(pkg).map(([f]) => f);
    assert.ok(fields.includes('main') && fields.includes('browser') && fields.includes('bin.dockwise') && fields.includes('bin.dockwise-language-server'), fields.join(', '));
  });

  it('after the build, dist/ holds every bundle and WASM file (npm test builds first: a missing one fails here)', () => {
    assert.deepEqual(m.outputProblems(pkg.version, root), []);
    assert.deepEqual(m.producedFiles(pkg.version).filter((f) => f.endsWith('.js')).sort(), ['dist/cli-main.js', 'dist/cli.js', 'dist/extension-web.js', 'dist/extension.js', 'dist/server-main.js', 'dist/server-web.js', 'dist/server.js']);
  });

  it('a main, bin or browser that names a file no bundle produces is a problem, each named by its field', () => {
    const base = { version: pkg.version };
    assert.match(m.planProblems({ ...base, main: './dist/ext.js' }, root).join('\n'), /^package\.json main is "\.\/dist\/ext\.js", which the build does not produce/);
    const bin = m.planProblems({ ...base, main: './dist/extension.js', bin: { dockwise: 'dist/cli.js', 'dockwise-ls': 'dist/lsp.js' } }, root);
    assert.deepEqual(bin.map((p) => p.split(',')[0]), ['package.json bin.dockwise-ls is "dist/lsp.js"']);
    assert.match(m.planProblems({ ...base, bin: 'bin/dockwise' }, root).join('\n'), /^package\.json bin is "bin\/dockwise"/);
    assert.match(m.planProblems({ ...base, browser: './dist/web.js' }, root).join('\n'), /^package\.json browser is "\.\/dist\/web\.js"/);
    assert.match(m.planProblems({ ...base, browser: { './a.js': './dist/b.js', fs: false } }, root).join('\n'), /^package\.json browser\["\.\/a\.js"\] is "\.\/dist\/b\.js"/);
    assert.match(m.planProblems({ ...base, main: 42 }, root).join('\n'), /main is not a file path: 42/);
  });

  it('accepts the forms Node and VS Code resolve to a produced file: ./, no ./, no .js', () => {
    for (const main of ['./dist/extension.js', 'dist/extension.js', './dist/extension', 'dist/../dist/extension.js']) {
      assert.deepEqual(m.planProblems({ version: pkg.version, main }, root), [], main);
    }
  });

  it('a missing file in dist/ is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-dist-'));
    try {
      fs.mkdirSync(path.join(dir, 'dist'));
      for (const f of m.producedFiles(pkg.version)) if (f !== 'dist/server.js') fs.writeFileSync(path.join(dir, f), 'x');
      fs.mkdirSync(path.join(dir, 'dist/server.js')); // a folder is not the bundle
      assert.deepEqual(m.outputProblems(pkg.version, dir), ['dist/server.js was not written by the build']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/build.mjs refuses before compiling anything', () => {
  let dir = '';
  // Just the build scripts, package.json and the entry files (empty: the build stops before reading them).
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-build-'));
    fs.cpSync(path.join(root, 'scripts'), path.join(dir, 'scripts'), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function build(change: { drop?: string; pkg?: Partial<Pkg> }) {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, ...change.pkg }));
    fs.rmSync(path.join(dir, 'client'), { recursive: true, force: true });
    fs.rmSync(path.join(dir, 'server'), { recursive: true, force: true });
    for (const b of m.bundles(pkg.version)) {
      for (const e of b.entryPoints) {
        if (e === change.drop) continue;
        fs.mkdirSync(path.dirname(path.join(dir, e)), { recursive: true });
        fs.writeFileSync(path.join(dir, e), '');
      }
    }
    return spawnSync(process.execPath, [path.join(dir, 'scripts/build.mjs')], { cwd: dir, encoding: 'utf8' });
  }

  it('when a bundle\'s entry file was renamed', () => {
    const r = build({ drop: 'server/src/lsp/main.ts' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /dist\/server-main\.js is built from server\/src\/lsp\/main\.ts, which does not exist/);
    assert.equal(fs.existsSync(path.join(dir, 'out')) || fs.existsSync(path.join(dir, 'dist')), false, 'nothing was built');
  });

  it('when package.json\'s main names a file the build does not produce', () => {
    const r = build({ pkg: { main: './dist/client.js' } });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /package\.json main is "\.\/dist\/client\.js", which the build does not produce/);
  });

  it('when a bin names one', () => {
    const r = build({ pkg: { bin: { dockwise: 'dist/dockwise.js' } } });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /package\.json bin\.dockwise is "dist\/dockwise\.js"/);
  });
});
