// `npm run release -- <version>` (scripts/release.mjs): the checks it makes before changing anything, putting
// files back when a step fails, and one real run in a copy of the repository that builds both artefacts,
// whose contents are then checked as a user would get them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brokenLinks, copyRepo, git, readTgz, readZip, root } from '../support/packaging';

const current: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const next = current.replace(/\d+$/, (p) => String(Number(p) + 1));

function release(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(cwd, 'scripts/release.mjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
}

function withChangelogEntry(dir: string, version: string, body = '- What changed.\n') {
  const file = path.join(dir, 'CHANGELOG.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^# Changelog\n/, `# Changelog\n\n## ${version}\n\n${body}`));
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('release: checks made before anything changes', () => {
  let dir = '';
  const tracked = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'docs/cli.md', 'README.md'];
  const snapshot = () => Object.fromEntries(tracked.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

  before(() => {
    // Just what the checks read: no build script, so a run that gets past them fails at the build.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-release-checks-'));
    for (const f of [...tracked, 'scripts/release.mjs', 'scripts/vsix.mjs']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(root, f), path.join(dir, f));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refused: [string, string[], RegExp][] = [
    ['no version', [], /Say which version to release/],
    ['the current version', [current], new RegExp(`${current.replace(/\./g, '\\.')} is not greater than the current version`)],
    ['a lower version', ['0.0.1'], /is not greater than the current version/],
    ['a pre-release', [`${next}-beta.1`], /pre-release or build suffix; the VS Code Marketplace accepts only MAJOR\.MINOR\.PATCH/],
    ['two numbers', ['1.2'], /"1\.2" is not a version: use MAJOR\.MINOR\.PATCH/],
    ['a leading zero', ['01.2.3'], /is not a version/],
    ['no CHANGELOG entry', [next], new RegExp(`CHANGELOG\\.md has no "## ${next.replace(/\./g, '\\.')}" entry`)],
    ['an unknown option', [next, '--yes'], /unknown option --yes/],
    ['one base URL without the other', [next, '--base-content-url', 'https://example.com/dockwise/blob/v1'], /give both --base-content-url and --base-images-url, or neither/],
    ['a base URL that is not https', [next, '--base-content-url', 'http://example.com/a', '--base-images-url', 'http://example.com/b'], /http:\/\/example\.com\/a is not an https:\/\/ URL/],
    ['a leading v, read without it (and no entry)', [`v${next}`], new RegExp(`no "## ${next.replace(/\./g, '\\.')}" entry`)],
  ];
  for (const [name, args, message] of refused) {
    it(`refuses ${name} and changes nothing`, () => {
      const before = snapshot();
      const r = release(dir, args);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.deepEqual(snapshot(), before);
    });
  }

  it('refuses an empty CHANGELOG entry', () => {
    const original = fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
    try {
      withChangelogEntry(dir, next, '');
      const r = release(dir, [next]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /entry is empty/);
    } finally {
      fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), original);
    }
  });

  it('refuses uncommitted changes in a git checkout, except in CHANGELOG.md, unless --allow-dirty', () => {
    const original = snapshot();
    const gitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-release-git-'));
    try {
      fs.cpSync(dir, gitDir, { recursive: true });
      git(gitDir, ['-c', 'init.defaultBranch=main', 'init', '-q']);
      git(gitDir, ['add', '-A']);
      git(gitDir, ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'x']);
      withChangelogEntry(gitDir, next);
      fs.appendFileSync(path.join(gitDir, 'README.md'), '\nedited\n');
      const r = release(gitDir, [next]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /uncommitted changes \(README\.md\): commit or stash them/);
      assert.doesNotMatch(r.stderr, /CHANGELOG/);
      // With --allow-dirty it goes on to the build, which this copy lacks: the bump is put back.
      const forced = release(gitDir, [next, '--allow-dirty']);
      assert.equal(forced.status, 1);
      assert.match(forced.stderr, /the build failed/);
      const putBack = /put back (.*)/.exec(forced.stderr)?.[1].split(', ') ?? [];
      for (const f of ['package.json', 'package-lock.json', 'docs/cli.md']) assert.ok(putBack.includes(f), `${f} not in "put back ${putBack.join(', ')}"`);
      for (const f of ['package.json', 'package-lock.json', 'docs/cli.md']) assert.equal(fs.readFileSync(path.join(gitDir, f), 'utf8'), original[f], f);
    } finally {
      fs.rmSync(gitDir, { recursive: true, force: true });
    }
  });

  it('accepts "## [x.y.z] - date" entries, and compares versions as numbers', async () => {
    const m = await import(pathToFileURL(path.join(root, 'scripts/release.mjs')).href) as {
      changelogProblem(text: string, v: string): string | undefined;
      versionProblem(v: string | undefined, current: string): string | undefined;
    };
    assert.equal(m.changelogProblem('# Changelog\n\n## [1.10.0] - 2026-01-02\n\n- x\n\n## 1.9.0\n', '1.10.0'), undefined);
    assert.match(m.changelogProblem('## 1.10.0\n## 1.9.0\n- x\n', '1.10.0') ?? '', /empty/);
    assert.match(m.changelogProblem('## 1.10.01\n- x\n', '1.10.0') ?? '', /no "## 1\.10\.0" entry/);
    assert.equal(m.versionProblem('1.10.0', '1.9.9'), undefined);
    assert.match(m.versionProblem('1.9.10', '1.10.0') ?? '', /not greater/);
    assert.equal(m.versionProblem('2.0.0', '1.99.99'), undefined);
  });
});

describe('release: a run in a copy of the repository', () => {
  let work = '';
  let out = '';
  let run: ReturnType<typeof release>;
  let vsix = new Map<string, Buffer>();
  let tgz = new Map<string, Buffer>();
  const vsixFile = () => path.join(out, `dockwise-${next}.vsix`);
  const tgzFile = () => path.join(out, `dockwise-${next}.tgz`);

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-release-'));
    const repo = path.join(work, 'repo');
    out = path.join(work, 'out');
    copyRepo(repo);
    withChangelogEntry(repo, next);
    run = release(repo, [next, '--out-dir', out]);
    assert.equal(run.status, 0, `release failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    vsix = await readZip(vsixFile());
    tgz = readTgz(tgzFile(), path.join(work, 'tgz'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints each artefact with its size and SHA-256, and writes the sums file', () => {
    for (const file of [vsixFile(), tgzFile()]) {
      const line = run.stdout.split('\n').find((l) => l.includes(path.basename(file)) && l.includes('sha256'));
      assert.ok(line, `no line for ${path.basename(file)} in:\n${run.stdout}`);
      assert.match(line, new RegExp(`\\b${fs.statSync(file).size} bytes\\b`));
      assert.match(line, new RegExp(`sha256 ${sha(file)}$`));
    }
    assert.equal(fs.readFileSync(path.join(out, `dockwise-${next}.sha256`), 'utf8'), `${sha(vsixFile())}  dockwise-${next}.vsix\n${sha(tgzFile())}  dockwise-${next}.tgz\n`);
    assert.match(run.stdout, /nothing was uploaded/);
  });

  it('vsce warned about nothing and asked nothing', () => {
    assert.doesNotMatch(run.stdout + run.stderr, /WARNING|\[y\/N\]/);
  });

  it('bumped the version everywhere it is written, and the built command reports it', () => {
    const repo = path.join(work, 'repo');
    assert.equal(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version, next);
    const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
    assert.deepEqual([lock.version, lock.packages[''].version], [next, next]);
    const cli = fs.readFileSync(path.join(repo, 'docs/cli.md'), 'utf8');
    assert.ok(!cli.includes(`dockwise@${current}`) && !cli.includes(`@v${current}`) && cli.includes(`dockwise@${next}`), 'docs/cli.md still pins the old version');
    assert.equal(JSON.parse(vsix.get('extension/package.json')!.toString()).version, next);
    assert.equal(JSON.parse(tgz.get('package/package.json')!.toString()).version, next);
    const v = spawnSync(process.execPath, [path.join(work, 'tgz/package/dist/cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout.trim(), next);
  });

  it('the .vsix holds the extension and the server (desktop and web), the grammars, the rule pages, the extension\'s translations, the notices, the licence and the icon, and nothing else of ours', () => {
    const rules = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md'));
    assert.ok(rules.length > 50);
    const manifest = JSON.parse(vsix.get('extension/package.json')!.toString());
    // The manifest's strings (package.nls*.json, English included) and the client's translations (the `l10n` folder).
    const nls = fs.readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
    assert.ok(nls.includes('package.nls.json') && nls.length > 1, nls.join(' '));
    assert.equal(manifest.l10n, './l10n');
    const l10n = fs.readdirSync(path.join(root, 'l10n')).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f));
    assert.ok(l10n.length > 0);
    const want = ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/dist/extension-web.js', 'extension/dist/server-web.js', 'extension/dist/web-tree-sitter.wasm', 'extension/dist/tree-sitter-bash.wasm',
      'extension/syntaxes/dockerfile.tmLanguage.json', 'extension/ThirdPartyNotices.txt', 'extension/LICENSE.txt', `extension/${manifest.icon}`,
      ...rules.map((r) => `extension/docs/rules/${r}`), ...rules.map((r) => `extension/docs/rules/ko/${r}`), ...nls.map((f) => `extension/${f}`), ...l10n.map((f) => `extension/l10n/${f}`)];
    for (const f of want) assert.ok(vsix.has(f), `${f} is not in the .vsix`);
    // One .vsix for desktop and web: the web extension host runs `browser`.
    assert.deepEqual([manifest.main, manifest.browser], ['./dist/extension.js', './dist/extension-web.js']);
    assert.match(vsix.get('extension.vsixmanifest')!.toString(), new RegExp(`<Icon>extension/${manifest.icon}</Icon>`));
    assert.match(vsix.get('extension/ThirdPartyNotices.txt')!.toString(), new RegExp(`^Third-party notices for Dockwise ${next}\\n`));
    const strays = [...vsix.keys()].filter((f) => /^extension\/(server|client|test|scripts|out|node_modules|examples|ecosystem)\/|\.ts$|\.map$|^extension\/dist\/cli(-main)?\.js$/.test(f));
    assert.deepEqual(strays, []);
  });

  it('the npm package holds the command, the server, the grammars, the rule pages, README, LICENSE and the notices, and no sources or tests', () => {
    const rules = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md'));
    const want = ['package/dist/cli.js', 'package/dist/cli-main.js', 'package/dist/server.js', 'package/dist/server-main.js', 'package/dist/web-tree-sitter.wasm', 'package/dist/tree-sitter-bash.wasm',
      'package/README.md', 'package/LICENSE', 'package/CHANGELOG.md', 'package/ThirdPartyNotices.txt', ...rules.map((r) => `package/docs/rules/${r}`), ...rules.map((r) => `package/docs/rules/ko/${r}`)];
    for (const f of want) assert.ok(tgz.has(f), `${f} is not in the npm package`);
    assert.deepEqual([...tgz.keys()].filter((f) => /-web\.js$/.test(f)), [], 'the web extension\'s bundles are the .vsix\'s only');
    const strays = [...tgz.keys()].filter((f) => !/^package\/(dist\/[^/]+\.(js|wasm)|docs\/([^/]+\.md|rules\/(ko\/)?[^/]+\.md|images\/[^/]+\.png)|bench\/results\.md|README\.md|LICENSE|CHANGELOG\.md|ThirdPartyNotices\.txt|package\.json)$/.test(f));
    assert.deepEqual(strays, []);
    const pkg = JSON.parse(tgz.get('package/package.json')!.toString());
    assert.equal(pkg.dependencies, undefined, 'the bundles need no installed packages');
  });

  it('the README in each artefact has no relative link or image whose target the artefact lacks', () => {
    const under = (files: Map<string, Buffer>, prefix: string) => new Map([...files].filter(([f]) => f.startsWith(prefix)).map(([f, b]) => [f.slice(prefix.length), b]));
    const inVsix = under(vsix, 'extension/');
    const inTgz = under(tgz, 'package/');
    assert.deepEqual(brokenLinks(inVsix.get('readme.md')!.toString(), inVsix), []);
    assert.deepEqual(brokenLinks(inTgz.get('README.md')!.toString(), inTgz), []);
    // vsce kept the links relative: no rewriting to a repository.
    assert.equal(inVsix.get('readme.md')!.toString(), fs.readFileSync(path.join(work, 'repo/README.md'), 'utf8'));
  });

  it('given the public base URLs, the .vsix README links and shows its images under them, as the web Marketplace needs', async () => {
    const repo = path.join(work, 'repo');
    const { packageVsix } = await import(pathToFileURL(path.join(repo, 'scripts/vsix.mjs')).href);
    const file = path.join(out, 'web.vsix');
    const content = 'https://example.com/dockwise/blob/v1';
    const images = 'https://example.com/dockwise/raw/v1';
    const r = packageVsix(file, { cwd: repo, baseContentUrl: content, baseImagesUrl: images });
    assert.equal(r.ok, true, r.output);
    const readme = (await readZip(file)).get('extension/readme.md')!.toString();
    const targets = [...readme.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => [m[1], m[2]]).filter(([, t]) => !t.startsWith('#'));
    const images_ = targets.filter(([bang]) => bang).map(([, t]) => t);
    assert.ok(images_.length > 0 && images_.every((t) => t.startsWith(`${images}/docs/images/`)), images_.join(' '));
    assert.ok(targets.some(([, t]) => t.startsWith(`${content}/docs/rules/`)), 'rule pages are linked under the content URL');
    assert.deepEqual(targets.filter(([, t]) => !/^[a-z]+:/.test(t)), [], 'relative links left');
  });

  it('the README shows a screenshot before its first section, and the .vsix ships it', () => {
    const readme = vsix.get('extension/readme.md')!.toString();
    const top = readme.slice(0, readme.indexOf('\n## '));
    const img = /!\[[^\]]*\]\(([^)]+\.png)\)/.exec(top);
    assert.ok(img, 'no screenshot above the first section');
    assert.ok(vsix.has(`extension/${img[1]}`), img[1]);
  });
});
