// `npm test`: builds, lints, then runs every suite (unit/engine/LSP/CLI/grammar via node --test, then the suites
// registered in scripts/test-suites.json such as the real-editor tests) and ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failingTests } from './tap-failures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const results = [];
function run(name, cmd, args, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout ?? '');
  const out = r.stdout ?? '';
  const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? NaN);
  const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? NaN);
  results.push({ name, ok: r.status === 0, pass, fail, failing: failingTests(out), seconds: ((Date.now() - t0) / 1000).toFixed(1) });
  return r.status === 0;
}

if (!run('build', process.execPath, ['scripts/build.mjs'])) finish();
// Our own code's lint (eslint.config.mjs); a failure is reported in the summary but the tests still run.
const eslintPkg = createRequire(path.join(root, 'package.json')).resolve('eslint/package.json');
run('lint', process.execPath, [path.join(path.dirname(eslintPkg), JSON.parse(fs.readFileSync(eslintPkg, 'utf8')).bin.eslint), '.']);

// ShellCheck is optional (its tests skip without it); install it from Debian when we can, never fail on it.
if (spawnSync('sh', ['-c', 'command -v shellcheck'], { encoding: 'utf8' }).status !== 0 && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
  console.log('# installing shellcheck from Debian for the ShellCheck tests');
  const apt = spawnSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends shellcheck >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends shellcheck >/dev/null 2>&1)'], { stdio: 'inherit', timeout: 300000 });
  if (apt.status !== 0) console.log('# shellcheck could not be installed; its tests will be skipped');
}

// The digest tests run a registry on 127.0.0.1: Debian's docker-registry, and apache2-utils' htpasswd for its
// private (bcrypt) users. Installed the same way when missing; never fail on it (the tests skip and say why).
if (spawnSync('sh', ['-c', 'command -v docker-registry && command -v htpasswd'], { encoding: 'utf8' }).status !== 0 && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
  console.log('# installing docker-registry and apache2-utils from Debian for the registry tests');
  const packages = 'docker-registry apache2-utils';
  const apt = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages} >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages} >/dev/null 2>&1)`], { stdio: 'inherit', timeout: 300000 });
  if (apt.status !== 0) console.log('# docker-registry could not be installed; the registry tests will be skipped');
}

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : findTests(p);
    return e.name.endsWith('.test.js') ? [p] : [];
  });
}
const unit = findTests('out/test').sort();
// node --test given no files would look for tests on its own; none compiled means the build is broken.
if (!unit.length) {
  console.error('test: the build compiled no tests to out/test/');
  results.push({ name: 'unit', ok: false, failing: ['no compiled tests in out/test/'] });
  finish();
}
// Only a hang trips this guard (test/support/hang-guard.ts): a test never judges speed by the clock.
const { HANG_GUARD_MS } = await import(pathToFileURL(path.join(root, 'out/test/support/hang-guard.js')).href);
run('unit', process.execPath, ['--test', '--test-reporter=tap', `--test-timeout=${HANG_GUARD_MS}`, ...unit]);

// Further suites (e.g. the real-editor tests) register themselves here: [{ "name", "command": [..] }].
const extra = fs.existsSync('scripts/test-suites.json') ? JSON.parse(fs.readFileSync('scripts/test-suites.json', 'utf8')) : [];
for (const s of extra) {
  if (process.env.DOCKWISE_SKIP_SUITES?.split(',').includes(s.name)) {
    results.push({ name: s.name, ok: true, skipped: true });
    continue;
  }
  run(s.name, s.command[0] === 'node' ? process.execPath : s.command[0], s.command.slice(1));
}
finish();

function finish() {
  const failed = results.filter((r) => !r.ok);
  const parts = results.map((r) => `${r.name} ${r.skipped ? 'skipped (DOCKWISE_SKIP_SUITES)' : r.ok ? 'ok' : 'FAILED'}${Number.isNaN(r.pass ?? NaN) ? '' : ` ${r.pass} passed/${r.fail} failed`} (${r.seconds ?? 0}s)`);
  // The failing tests by name, so the one line says what to look at.
  const names = failed.flatMap((r) => r.failing ?? []);
  const shown = names.slice(0, 10).map((n) => (n.length > 160 ? `${n.slice(0, 157)}…` : n));
  const failing = names.length ? ` — failing: ${shown.join(' | ')}${names.length > shown.length ? ` | and ${names.length - shown.length} more` : ''}` : '';
  console.log(`\nSUMMARY: ${failed.length ? 'FAIL' : 'PASS'} — ${parts.join('; ')}${failing}`);
  process.exit(failed.length ? 1 : 0);
}
