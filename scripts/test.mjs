// `npm test`: builds, then runs every suite (unit/engine/LSP/CLI/grammar via node --test, then the suites
// registered in scripts/test-suites.json such as the real-editor tests) and ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  results.push({ name, ok: r.status === 0, pass, fail, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
  return r.status === 0;
}

if (!run('build', process.execPath, ['scripts/build.mjs'])) finish();

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : findTests(p);
    return e.name.endsWith('.test.js') ? [p] : [];
  });
}
const unit = findTests('out/test').sort();
run('unit', process.execPath, ['--test', '--test-reporter=tap', ...unit]);

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
  console.log(`\nSUMMARY: ${failed.length ? 'FAIL' : 'PASS'} — ${parts.join('; ')}`);
  process.exit(failed.length ? 1 : 0);
}
