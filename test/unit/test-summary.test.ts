// `npm test` ends with one SUMMARY line, and it names the tests that failed (scripts/tap-failures.mjs reads
// node's TAP output): a suite that fails because of a test inside it, or a test cancelled with its parent,
// is not named again.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');

it('the failing tests of a TAP run, by their path of names', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-tap-'));
  try {
    const file = path.join(dir, 'fixture.test.js');
    fs.writeFileSync(file, [
      "const { describe, it } = require('node:test');",
      "describe('rules # one', () => {",
      "  describe('invalid', () => { it('fails here', () => { throw new Error('x'); }); it('passes', () => {}); });",
      "  it('fails at the top', () => { throw new Error('y'); });",
      '});',
      "it('fails alone', () => { throw new Error('z'); });",
      "it('passes alone', () => {});",
    ].join('\n'));
    // A run of its own, not a child of this one (node marks its test children with NODE_TEST_CONTEXT).
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const tap = spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { encoding: 'utf8', env }).stdout;
    const reader = pathToFileURL(path.join(root, 'scripts/tap-failures.mjs')).href;
    const parsed = spawnSync(process.execPath, ['--input-type=module', '-e', `import { failingTests } from ${JSON.stringify(reader)}; process.stdout.write(JSON.stringify(failingTests(await new Promise((r) => { let s = ''; process.stdin.on('data', (d) => { s += d; }).on('end', () => r(s)); }))));`], { input: tap, encoding: 'utf8' });
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.deepEqual(JSON.parse(parsed.stdout), ['rules # one › invalid › fails here', 'rules # one › fails at the top', 'fails alone']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
