// The real-editor suite's entry point: VS Code (desktop, or code-server through
// scripts/e2e/code-server-as-vscode.mjs) loads this module in the extension host as
// --extensionTestsPath and awaits run(). Mocha (tdd) runs every *.e2e.js beside it, in name order;
// docker-dx.e2e.js runs alone, in the session where a stand-in for Docker DX is installed too.
//
//   DOCKWISE_E2E_GREP       only tests whose full title matches this regular expression (none may match)
//   DOCKWISE_E2E_RESULTS    also write the results as JSON to this file (scripts/e2e/run-suite.mjs reads it)
//   DOCKWISE_E2E_DOCKER_DX  1: the session beside Docker DX's stand-in (scripts/e2e/run-suite.mjs sets it)
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const DOCKER_DX_TESTS = 'docker-dx.e2e.js';

interface TestResult { title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false, reporter: 'spec' });
  if (process.env.DOCKWISE_E2E_GREP) mocha.grep(new RegExp(process.env.DOCKWISE_E2E_GREP));
  const besideDockerDx = process.env.DOCKWISE_E2E_DOCKER_DX === '1';
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js') && (f === DOCKER_DX_TESTS) === besideDockerDx).sort()) mocha.addFile(path.join(__dirname, f));

  const results: TestResult[] = [];
  const started = Date.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.filter((r) => r.state === 'failed').length;
  if (process.env.DOCKWISE_E2E_RESULTS) {
    fs.writeFileSync(process.env.DOCKWISE_E2E_RESULTS, JSON.stringify({ passed, failed, pending: results.length - passed - failed, ms: Date.now() - started, tests: results }, null, 2));
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failures > 0 || failed > 0) throw new Error(`${Math.max(failures, failed)} of ${results.length} real-editor tests failed`);
  if (passed === 0 && !process.env.DOCKWISE_E2E_GREP) throw new Error('no real-editor test ran');
}
