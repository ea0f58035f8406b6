// A finding about a compose service points at the service's line: stylish prints it under the finding, JSON
// carries it as `related`, SARIF as relatedLocations, paths relative to the current folder like the Dockerfile's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';

let tmp: string;

async function run(args: string[]): Promise<string> {
  let stdout = '';
  await runCli(['--no-config', ...args, 'api/Dockerfile'], { cwd: tmp, stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, '9.9.9');
  return stdout;
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-related-'));
  fs.mkdirSync(path.join(tmp, 'api'));
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: api\n');
  fs.writeFileSync(path.join(tmp, 'api/Dockerfile'), 'FROM alpine:3.24\nRUN --mount=type=secret,id=npm_token cat /run/secrets/npm_token\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('related locations in the command\'s formats', () => {
  it('stylish: a line under the finding', async () => {
    const lines = (await run([])).split('\n');
    const at = lines.findIndex((l) => l.includes('secret-not-provided'));
    assert.ok(at > 0, lines.join('\n'));
    assert.equal(lines[at + 3], '          ↳ compose.yaml:2  compose service api');
  });
  it('json: related paths, lines and labels', async () => {
    const report = JSON.parse(await run(['-f', 'json'])) as { files: Array<{ findings: Array<{ rule: string; related?: unknown }> }> };
    const finding = report.files[0].findings.find((f) => f.rule === 'secret-not-provided');
    assert.deepEqual(finding?.related, [{ path: 'compose.yaml', line: 2, label: 'compose service api' }]);
  });
  it('sarif: relatedLocations', async () => {
    const log = JSON.parse(await run(['-f', 'sarif'])) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown }> }> };
    const result = log.runs[0].results.find((r) => r.ruleId === 'secret-not-provided');
    assert.deepEqual(result?.relatedLocations, [{ id: 0, physicalLocation: { artifactLocation: { uri: 'compose.yaml' }, region: { startLine: 2 } }, message: { text: 'compose service api' } }]);
  });
});
