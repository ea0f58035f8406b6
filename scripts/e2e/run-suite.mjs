#!/usr/bin/env node
// The real-editor suite (test/e2e, compiled to out/test/e2e) through @vscode/test-electron's runTests,
// exactly as it would run in desktop VS Code: set VSCODE_EXECUTABLE to a VS Code binary to use one;
// otherwise it runs in code-server (set up into .e2e/ by setup.mjs) through code-server-as-vscode.mjs.
// The workspace is a throwaway copy of test/fixtures/e2e-workspace.
//
//   DOCKWISE_E2E_GREP     only tests whose full title matches (a regular expression)
//   DOCKWISE_E2E_TIMEOUT  seconds before a hung session is stopped and fails (default 300)
//   DOCKWISE_E2E_KEEP=1   keep the temporary workspace and profile
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

const run = makeTempDir('dockwise-e2e-');
const workspace = path.join(run, 'workspace');
fs.cpSync(path.join(root, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
const resultsFile = path.join(run, 'results.json');
const groupsDir = path.join(run, 'groups');
process.env.DOCKWISE_E2E_GROUPS = groupsDir; // the stand-in registers code-server and Chromium here
process.env.DOCKWISE_E2E_ARTIFACTS ??= path.join(e2eDir, 'artifacts', 'suite');

// Whatever happens to runTests, the session cannot outlive its timeout by more than a minute.
const hardTimer = setTimeout(async () => {
  console.error(`e2e suite: still running ${timeoutS + 60}s after the start; stopping it`);
  await finish(124);
}, (timeoutS + 60) * 1000);

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
  let results;
  try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* none */ }
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
log('suite', `running test/e2e in ${executable === shim ? 'code-server 4.100.3 (VS Code 1.100.3)' : executable}`);
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${path.join(run, 'user-data')}`, `--extensions-dir=${path.join(run, 'extensions')}`],
    extensionTestsEnv: {
      DOCKWISE_E2E_RESULTS: resultsFile,
      DOCKWISE_E2E_TIMEOUT: String(timeoutS),
      ...(process.env.DOCKWISE_E2E_GREP ? { DOCKWISE_E2E_GREP: process.env.DOCKWISE_E2E_GREP } : {}),
    },
  });
} catch (e) {
  code = e?.code ?? 1;
  console.error(`e2e suite: ${e?.message ?? e}`);
}
await finish(code);
