// `npm run release -- <version>` makes a release's artefacts and uploads nothing. It checks the version
// (MAJOR.MINOR.PATCH, above the current one), the CHANGELOG.md entry and a clean git tree before it changes
// anything; then it bumps package.json, package-lock.json and the version pins in the docs, builds, makes the
// .vsix (vsce, offline) and the npm tarball (npm pack), and prints their paths, sizes and SHA-256 sums. If a
// step fails, the files it changed are put back.
//
// Usage: node scripts/release.mjs <version> [--out-dir DIR] [--allow-dirty]
//                                  [--base-content-url URL --base-images-url URL]
// The base URLs (the public repository at the release's tag) make the README's relative links absolute in the
// .vsix, as the Marketplace and Open VSX web pages need; without them the links stay relative.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix, vsceArgs } from './vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Files whose version pins follow the release: `dockwise@1.2.3`, `dockwise@v1.2.3` and `rev: v1.2.3`.
const PINNED_DOCS = ['README.md', 'docs/cli.md'];

class ReleaseError extends Error {}

/** [major, minor, patch] of a MAJOR.MINOR.PATCH version, or undefined. */
export function parseVersion(v) {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(v);
  return m ? m.slice(1).map(Number) : undefined;
}

export function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** Why `version` cannot follow `current`, or undefined when it can. */
export function versionProblem(version, current) {
  if (!version) return 'Say which version to release: npm run release -- <MAJOR.MINOR.PATCH>';
  if (!parseVersion(version)) {
    const semverish = /^\d+\.\d+\.\d+[-+]/.test(version);
    return semverish
      ? `"${version}" has a pre-release or build suffix; the VS Code Marketplace accepts only MAJOR.MINOR.PATCH`
      : `"${version}" is not a version: use MAJOR.MINOR.PATCH, such as 1.4.0`;
  }
  if (compareVersions(version, current) <= 0) return `${version} is not greater than the current version, ${current}`;
  return undefined;
}

/** Why CHANGELOG.md cannot go out with `version`, or undefined. */
export function changelogProblem(text, version) {
  const lines = text.split(/\r?\n/);
  const esc = version.replace(/\./g, '\\.');
  const at = lines.findIndex((l) => new RegExp(`^## \\[?${esc}\\]?(\\s|$)`).test(l));
  if (at < 0) return `CHANGELOG.md has no "## ${version}" entry: add one that says what changed, then run the release again`;
  const end = lines.findIndex((l, i) => i > at && /^## /.test(l));
  const body = lines.slice(at + 1, end < 0 ? undefined : end);
  if (!body.some((l) => l.trim())) return `CHANGELOG.md's "## ${version}" entry is empty: say what changed, then run the release again`;
  return undefined;
}

/** Uncommitted changes that would end up in the artefacts (CHANGELOG.md may be edited for the release). */
function dirtyFiles() {
  const r = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .filter((f) => f !== 'CHANGELOG.md' && f !== 'node_modules'); // node_modules may be a symlink, which .gitignore's `node_modules/` misses
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function npm(args) {
  // Under `npm run`, the same npm that runs us; otherwise the one on PATH.
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli)
    ? spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, shell: process.platform === 'win32' });
}

function main(argv) {
  const opts = { allowDirty: false, outDir: path.join(root, 'release') };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--allow-dirty') opts.allowDirty = true;
    else if (argv[i] === '--out-dir') opts.outDir = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--base-content-url') opts.baseContentUrl = argv[++i] ?? '';
    else if (argv[i] === '--base-images-url') opts.baseImagesUrl = argv[++i] ?? '';
    else if (argv[i].startsWith('-')) throw new ReleaseError(`unknown option ${argv[i]}\nUsage: npm run release -- <version> [--out-dir DIR] [--allow-dirty] [--base-content-url URL --base-images-url URL]`);
    else positional.push(argv[i]);
  }
  const version = positional[0]?.replace(/^v(?=\d)/, '');
  const pkgFile = path.join(root, 'package.json');
  const lockFile = path.join(root, 'package-lock.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const current = pkg.version;

  // Every check before anything changes.
  try {
    vsceArgs(opts);
  } catch (e) {
    throw new ReleaseError(e.message);
  }
  const problem = versionProblem(version, current) ?? changelogProblem(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (problem) throw new ReleaseError(problem);
  const dirty = dirtyFiles();
  if (dirty === undefined) console.warn('release: warning: not a git checkout, so whether the tree is committed cannot be checked');
  else if (dirty.length && !opts.allowDirty) {
    const shown = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '');
    throw new ReleaseError(`the working tree has uncommitted changes (${shown}): commit or stash them so the artefacts match a commit, or pass --allow-dirty`);
  }

  const originals = new Map();
  const write = (file, text) => {
    if (!originals.has(file)) originals.set(file, fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, text);
  };
  try {
    write(pkgFile, JSON.stringify({ ...pkg, version }, null, 2) + '\n');
    if (fs.existsSync(lockFile)) {
      const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
      lock.version = version;
      if (lock.packages?.['']) lock.packages[''].version = version;
      write(lockFile, JSON.stringify(lock, null, 2) + '\n');
    }
    const pin = new RegExp(`(dockwise@v?|rev: v)${current.replace(/\./g, '\\.')}(?![\\d.])`, 'g');
    for (const rel of PINNED_DOCS) {
      const file = path.join(root, rel);
      const text = fs.readFileSync(file, 'utf8');
      const bumped = text.replace(pin, `$1${version}`);
      if (bumped !== text) write(file, bumped);
    }
    console.log(`release: ${current} -> ${version}; building`);

    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new ReleaseError('the build failed');

    fs.mkdirSync(opts.outDir, { recursive: true });
    const vsix = path.join(opts.outDir, `${pkg.name}-${version}.vsix`);
    const v = packageVsix(vsix, { cwd: root, baseContentUrl: opts.baseContentUrl, baseImagesUrl: opts.baseImagesUrl });
    if (!v.ok) throw new ReleaseError(`vsce package failed${v.warnings.length ? ` with warnings:\n  ${v.warnings.join('\n  ')}` : ''}\n${v.output.slice(-3000)}`);

    // The build above made dist/; `prepare` would only make it again.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', opts.outDir]);
    if (pack.status !== 0) throw new ReleaseError(`npm pack failed:\n${pack.stderr}`);
    const tgz = path.join(opts.outDir, JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].filename);

    const artefacts = [vsix, tgz].map((file) => ({ file, size: fs.statSync(file).size, sha256: sha256(file) }));
    fs.writeFileSync(path.join(opts.outDir, `${pkg.name}-${version}.sha256`), artefacts.map((a) => `${a.sha256}  ${path.basename(a.file)}\n`).join(''));
    const rel = (f) => path.relative(process.cwd(), f) || f;
    console.log(`\nrelease: ${pkg.name} ${version} is ready; nothing was uploaded.`);
    for (const a of artefacts) console.log(`  ${rel(a.file)}  ${a.size} bytes (${(a.size / 1024).toFixed(0)} KB)  sha256 ${a.sha256}`);
    const changed = [...[...originals.keys()].map((f) => path.relative(root, f)), 'CHANGELOG.md'].join(', ');
    console.log(`\nNext: commit ${changed} as "Release ${version}", tag it v${version}, then publish:`);
    console.log(`  npx vsce publish --packagePath ${rel(vsix)}\n  npm publish ${rel(tgz)}`);
  } catch (e) {
    for (const [file, text] of originals) fs.writeFileSync(file, text);
    if (originals.size) console.error(`release: put back ${[...originals.keys()].map((f) => path.relative(root, f)).join(', ')}`);
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ReleaseError)) throw e;
    console.error(`release: ${e.message}`);
    process.exit(1);
  }
}
