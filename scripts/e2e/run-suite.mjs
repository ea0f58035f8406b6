#!/usr/bin/env node
// The real-editor suite (test/e2e, compiled to out/test/e2e) through @vscode/test-electron's runTests,
// exactly as it would run in desktop VS Code: set VSCODE_EXECUTABLE to a VS Code binary to use one;
// otherwise it runs in code-server (set up into .e2e/ by setup.mjs) through code-server-as-vscode.mjs.
// Two sessions, each in a throwaway copy of test/fixtures/e2e-workspace: Dockwise alone (every test but
// docker-dx.e2e.ts), then Dockwise beside a stand-in for Docker DX (test/fixtures/docker-dx-stub, id docker.docker),
// which changes what Dockwise shows, so only docker-dx.e2e.ts runs there.
//
//   DOCKWISE_E2E_GREP     only tests whose full title matches (a regular expression)
//   DOCKWISE_E2E_SESSION  only this session (main or docker-dx)
//   DOCKWISE_E2E_TIMEOUT  seconds before a hung session is stopped and fails (default 300)
//   DOCKWISE_E2E_KEEP=1   keep the temporary workspaces and profiles
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { e2eDir, log, makeTempDir, reapRegisteredGroups, removeDir, root, runProcess, seconds } from './lib.mjs';
import { ensureE2E, SetupError } from './setup.mjs';

const require = createRequire(path.join(root, 'package.json'));
const started = performance.now();
const shim = path.join(root, 'scripts/e2e/code-server-as-vscode.mjs');
const executable = process.env.VSCODE_EXECUTABLE || shim;
const testsIndex = path.join(root, 'out/test/e2e/index.js');
const timeoutS = seconds('DOCKWISE_E2E_TIMEOUT', 300);

let setupSeconds = 0;
if (executable === shim) {
  try {
    setupSeconds = (await ensureE2E()).seconds;
  } catch (e) {
    console.error(e instanceof SetupError ? e.message : e);
    process.exit(2);
  }
}
// Always: the build is incremental, and checks that dist/ holds every bundle (a stale or partial dist/ is not tested).
log('suite', 'building');
const b = await runProcess(process.execPath, ['scripts/build.mjs'], { echo: true });
if (b.code !== 0) process.exit(1);
if (!fs.existsSync(testsIndex)) { log('suite', `the build wrote no ${path.relative(root, testsIndex)}`); process.exit(1); }

// `installed`: extension folders copied into the session's extensions folder (the workbench loads only one
// development extension from its URL payload), as `code --install-extension` would put them.
const SESSIONS = [
  { name: 'main', installed: [], env: {} },
  { name: 'docker-dx', installed: [path.join(root, 'test/fixtures/docker-dx-stub')], env: { DOCKWISE_E2E_DOCKER_DX: '1' } },
];
const sessions = SESSIONS.filter((s) => !process.env.DOCKWISE_E2E_SESSION || s.name === process.env.DOCKWISE_E2E_SESSION);
if (!sessions.length) { log('suite', `no session is named ${process.env.DOCKWISE_E2E_SESSION} (${SESSIONS.map((s) => s.name).join(', ')})`); process.exit(2); }

const run = makeTempDir('dockwise-e2e-');
const groupsDir = path.join(run, 'groups');
process.env.DOCKWISE_E2E_GROUPS = groupsDir; // the stand-in registers code-server and Chromium here
process.env.DOCKWISE_E2E_ARTIFACTS ??= path.join(e2eDir, 'artifacts', 'suite');
const resultsFile = (session) => path.join(run, session.name, 'results.json');

// Whatever happens to runTests, no session can outlive its timeout by more than a minute.
const hardTimer = setTimeout(async () => {
  console.error(`e2e suite: still running ${(timeoutS + 60) * sessions.length}s after the start; stopping it`);
  await finish(124);
}, (timeoutS + 60) * sessions.length * 1000);

async function killChildren() {
  if (process.platform !== 'linux') return;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) process.kill(Number(entry), 'SIGKILL');
    } catch { /* gone */ }
  }
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  clearTimeout(hardTimer);
  await killChildren();
  const leaked = await reapRegisteredGroups(groupsDir);
  if (leaked.length) console.error(`e2e suite: stopped processes the session left behind: ${leaked.join(', ')}`);
  // A session that wrote no results fails the suite; one whose tests the grep left out wrote none passed.
  let results = { passed: 0, failed: 0, tests: [] };
  for (const session of sessions) {
    let r;
    try { r = JSON.parse(fs.readFileSync(resultsFile(session), 'utf8')); } catch { /* none */ }
    if (!r) { results = undefined; break; }
    results = { passed: results.passed + r.passed, failed: results.failed + r.failed, tests: [...results.tests, ...r.tests] };
  }
  if (results) {
    console.log(`# pass ${results.passed}\n# fail ${results.failed}`);
    for (const t of results.tests.filter((x) => x.state === 'failed')) console.log(`# FAILED: ${t.title}`);
  } else {
    console.log('# pass 0\n# fail 1');
    console.log('# FAILED: the suite produced no results (it did not start, crashed or hung; see above)');
  }
  const ok = code === 0 && results && results.failed === 0 && results.passed > 0;
  log('suite', `${ok ? 'PASSED' : 'FAILED'}: ${results ? `${results.passed} passed, ${results.failed} failed` : 'no results'}; setup ${setupSeconds.toFixed(1)}s, total ${((performance.now() - started) / 1000).toFixed(1)}s`);
  if (process.env.DOCKWISE_E2E_KEEP) log('suite', `kept ${run}`);
  else removeDir(run);
  process.exit(ok ? 0 : code || 1);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void finish(130));

const { runTests } = require('@vscode/test-electron');
let code = 0;
for (const session of sessions) {
  log('suite', `running test/e2e (session ${session.name}) in ${executable === shim ? 'code-server 4.100.3 (VS Code 1.100.3)' : executable}`);
  const dir = path.join(run, session.name);
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  const extensions = path.join(dir, 'extensions');
  for (const ext of session.installed) {
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    fs.cpSync(ext, path.join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsIndex,
      // The session's own extensions folder holds only what it installs.
      launchArgs: [workspace, ...(session.installed.length ? [] : ['--disable-extensions']), `--user-data-dir=${path.join(dir, 'user-data')}`, `--extensions-dir=${extensions}`],
      extensionTestsEnv: {
        DOCKWISE_E2E_RESULTS: resultsFile(session),
        DOCKWISE_E2E_TIMEOUT: String(timeoutS),
        ...session.env,
        ...(process.env.DOCKWISE_E2E_GREP ? { DOCKWISE_E2E_GREP: process.env.DOCKWISE_E2E_GREP } : {}),
      },
    });
  } catch (e) {
    code ||= e?.code ?? 1;
    console.error(`e2e suite (session ${session.name}): ${e?.message ?? e}`);
  }
}
await finish(code);
