#!/usr/bin/env node
// Installs what the real-editor tests need, idempotently: Debian packages (when missing, as root or
// with password-less sudo), then code-server (VS Code 1.100.3) and playwright-core into the
// git-ignored .e2e/ folder. When .e2e/stamp.json matches, it only checks that Chromium is there (~0 s).
//
// code-server from npm needs four workarounds offline (see docs in the shared reference):
//   1. its postinstall refuses to run as root without npm_config_unsafe_perm=true;
//   2. kerberos builds from source: needs libkrb5-dev (gssapi.h);
//   3. @vscode/ripgrep downloads rg from GitHub: we seed its download cache with Debian's rg;
//   4. node-pty's postinstall runs `npx node-gyp`: npm_config_yes=true lets npx fetch it from npm.
// Native modules build against the Node headers (npm_config_nodedir), never downloaded from nodejs.org.
//
// Usage: node scripts/e2e/setup.mjs [--force]     (exit 0 ready, 2 something is missing: it says what)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSIONS, codeServerEntry, e2eDir, findChromium, log, runProcess, sleep } from './lib.mjs';

const SETUP_REVISION = 1; // bump when the install recipe changes
const RIPGREP = { pkg: '1.15.11', tag: 'v13.0.0-10', asset: 'x86_64-unknown-linux-musl' };
const stampFile = path.join(e2eDir, 'stamp.json');

export class SetupError extends Error {}

function wantedStamp() {
  return { revision: SETUP_REVISION, codeServer: VERSIONS.codeServer, playwrightCore: VERSIONS.playwrightCore, nodeAbi: process.versions.modules, platform: `${process.platform}-${process.arch}` };
}

// Files that only exist when code-server's postinstall (lib/vscode's npm install and its native builds) really ran.
const installedMarkers = [
  codeServerEntry,
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/out/server-main.js',
  'node_modules/playwright-core/package.json',
].map((p) => path.resolve(e2eDir, p));

function stampValid() {
  try {
    const have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    const want = wantedStamp();
    return Object.keys(want).every((k) => have[k] === want[k]) && installedMarkers.every((m) => fs.existsSync(m));
  } catch {
    return false;
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function nodeHeadersDir() {
  const candidates = [process.env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local'];
  return candidates.find((d) => d && fs.existsSync(path.join(d, 'include/node/node.h')));
}

/** What is missing, as [description, Debian package]; `needBuild` adds the tools the install needs. */
function missingPrerequisites(needBuild) {
  const missing = [];
  if (!findChromium()) missing.push(['Chromium (/usr/bin/chromium)', 'chromium']);
  // The Korean UI run and its screenshots: without a Hangul font Chromium draws boxes.
  if (!fs.existsSync('/usr/share/fonts/truetype/nanum')) missing.push(['a Korean font (Nanum)', 'fonts-nanum']);
  if (!needBuild) return missing;
  if (!has('rg')) missing.push(['ripgrep (rg), seeded into @vscode/ripgrep\'s download cache', 'ripgrep']);
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push(['Kerberos headers (gssapi/gssapi.h) for the kerberos module', 'libkrb5-dev']);
  if (!has('make') || !has('g++') || !has('cc')) missing.push(['a C/C++ toolchain (make, cc, g++) for node-gyp', 'build-essential']);
  if (!has('pkg-config')) missing.push(['pkg-config', 'pkg-config']);
  if (!has('python3')) missing.push(['python3 for node-gyp', 'python3']);
  return missing;
}

async function aptInstall(packages) {
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!has('apt-get') || (!isRoot && !sudo)) return false;
  const prefix = isRoot ? [] : ['sudo', '-n', 'env'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('setup', `apt-get install ${packages.join(' ')}`);
  const run = (args) => runProcess(prefix.length ? prefix[0] : 'apt-get', prefix.length ? [...prefix.slice(1), 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] : args, { env, timeoutMs: 900000 });
  let r = await run(['install', '-y', ...packages]);
  if (r.code !== 0) {
    const u = await run(['update']);
    if (u.code !== 0) throw new SetupError(`apt-get update failed:\n${u.output.slice(-3000)}`);
    r = await run(['install', '-y', ...packages]);
  }
  if (r.code !== 0) throw new SetupError(`apt-get install ${packages.join(' ')} failed:\n${r.output.slice(-3000)}`);
  return true;
}

function explainMissing(missing, extra = []) {
  const pkgs = [...new Set(missing.map(([, p]) => p))];
  return [
    'The real-editor tests cannot run on this machine yet. Missing:',
    ...missing.map(([what, pkg]) => `  - ${what}  (Debian package: ${pkg})`),
    ...extra,
    '',
    `Install them (needs root), e.g.:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`,
    'then run `node scripts/e2e/setup.mjs` (or `npm test`) again.',
    'To skip these suites instead: DOCKWISE_SKIP_SUITES=e2e-suite,e2e-ui,e2e-ui-ko,e2e-web npm test',
  ].join('\n');
}

/** A lock directory, so two `npm test` runs never install into .e2e/ at the same time. */
async function withLock(fn) {
  const lock = path.join(e2eDir, '.setup.lock');
  fs.mkdirSync(e2eDir, { recursive: true });
  const until = Date.now() + 15 * 60000;
  for (;;) {
    try { fs.mkdirSync(lock); fs.writeFileSync(path.join(lock, 'pid'), String(process.pid)); break; } catch { /* held */ }
    let holder = NaN;
    try { holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being created */ }
    let alive = false;
    try { if (holder) { process.kill(holder, 0); alive = true; } } catch { /* dead */ }
    if (holder && !alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
    if (Date.now() > until) throw new SetupError(`another setup (pid ${holder}) has held ${lock} for 15 minutes`);
    await sleep(1000);
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

async function installCodeServer() {
  const nodedir = nodeHeadersDir();
  if (!nodedir) {
    throw new SetupError(explainMissing([], [`  - the Node.js headers (include/node/node.h) for ${process.execPath}: node-gyp would download them from nodejs.org.`,
      '    Debian/NodeSource packages ship them in /usr/include/node; or set npm_config_nodedir to a Node tree that has include/node.']));
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new SetupError(`code-server ${VERSIONS.codeServer} needs Node.js 20 (its postinstall refuses others); this is ${process.version}.`);

  // Start clean: npm does not rerun install scripts of a package that is already there, so a half-done
  // earlier install would stay half-done.
  for (const p of ['node_modules', 'package-lock.json', 'stamp.json', 'tmp']) fs.rmSync(path.join(e2eDir, p), { recursive: true, force: true });
  fs.writeFileSync(path.join(e2eDir, 'package.json'), JSON.stringify({
    name: 'dockwise-e2e', private: true, description: 'Installed by scripts/e2e/setup.mjs; git-ignored.',
    dependencies: { 'code-server': VERSIONS.codeServer, 'playwright-core': VERSIONS.playwrightCore },
    allowScripts: { 'code-server': true, argon2: true },
  }, null, 2));

  // Workaround 3: @vscode/ripgrep looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before going to GitHub.
  const tmp = path.join(e2eDir, 'tmp');
  const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP.pkg}`);
  const stage = path.join(tmp, 'rg-stage');
  fs.mkdirSync(cache, { recursive: true });
  fs.mkdirSync(stage, { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const tar = spawnSync('tar', ['czf', path.join(cache, `ripgrep-${RIPGREP.tag}-${RIPGREP.asset}.tar.gz`), '-C', stage, 'rg'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new SetupError(`could not seed the ripgrep cache: ${tar.stderr}`);

  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_nodedir: nodedir, // workaround 5: build native modules against local headers
    npm_config_unsafe_perm: 'true', // workaround 1
    npm_config_yes: 'true', // workaround 4
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
  const logFile = path.join(e2eDir, 'install.log');
  log('setup', `npm install code-server@${VERSIONS.codeServer} playwright-core@${VERSIONS.playwrightCore} into .e2e/ (about a minute; log: .e2e/install.log)`);
  const npm = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const r = await runProcess(npm[0], [...npm[1], 'install', '--foreground-scripts', '--no-audit', '--no-fund'], { cwd: e2eDir, env, logFile, timeoutMs: 20 * 60000 });
  const missingMarkers = installedMarkers.filter((m) => !fs.existsSync(m));
  if (r.code !== 0 || missingMarkers.length) {
    const hints = [];
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(r.output)) hints.push('A download was attempted and failed (no network?): see the lines above.');
    if (/gssapi\.h/.test(r.output)) hints.push('kerberos needs libkrb5-dev.');
    if (/allowScripts|install-scripts/.test(r.output) && missingMarkers.length) hints.push('npm may have blocked install scripts: run `npm install-scripts approve code-server argon2` in .e2e/.');
    throw new SetupError(`installing code-server failed (npm exit ${r.code}${missingMarkers.length ? `; missing ${missingMarkers.map((m) => path.relative(e2eDir, m)).join(', ')}` : ''}).\n${hints.join('\n')}\n--- last lines of .e2e/install.log ---\n${r.output.split('\n').slice(-40).join('\n')}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(stampFile, JSON.stringify({ ...wantedStamp(), installedAt: new Date().toISOString() }, null, 2));
}

/** Makes sure everything is in place; throws SetupError with a readable explanation when it cannot. */
export async function ensureE2E({ force = false } = {}) {
  const started = performance.now();
  if (!force && stampValid() && !missingPrerequisites(false).length) return { seconds: 0, installed: false };
  const canInstall = process.getuid?.() === 0 || (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0);
  if (!canInstall || !has('apt-get')) {
    // Say everything that is missing at once, before touching anything.
    const missing = missingPrerequisites(force || !stampValid());
    if (missing.length) throw new SetupError(explainMissing(missing, has('apt-get') ? ['  (not root, and no password-less sudo: cannot run apt-get)'] : ['  (no apt-get on this machine: install the equivalents with its package manager)']));
  }
  try {
    fs.mkdirSync(e2eDir, { recursive: true });
    fs.accessSync(e2eDir, fs.constants.W_OK);
  } catch (e) {
    throw new SetupError(`cannot write ${e2eDir} (${e.code}): the real-editor tests install code-server there.`);
  }
  return withLock(async () => {
    const needBuild = force || !stampValid();
    let missing = missingPrerequisites(needBuild);
    if (missing.length) {
      if (!(await aptInstall([...new Set(missing.map(([, p]) => p))]))) throw new SetupError(explainMissing(missing));
      missing = missingPrerequisites(needBuild);
      if (missing.length) throw new SetupError(explainMissing(missing));
    }
    if (needBuild) await installCodeServer();
    const s = (performance.now() - started) / 1000;
    log('setup', `ready in ${s.toFixed(1)}s`);
    return { seconds: s, installed: needBuild };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const t = performance.now();
    const r = await ensureE2E({ force: process.argv.includes('--force') });
    log('setup', r.installed ? `installed (${r.seconds.toFixed(1)}s)` : `already set up (${((performance.now() - t) / 1000).toFixed(2)}s)`);
  } catch (e) {
    console.error(e instanceof SetupError ? e.message : e);
    process.exit(2);
  }
}
