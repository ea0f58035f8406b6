// The bins (dist/cli.js, dist/server.js) start their programs (dist/cli-main.js, dist/server-main.js) after setting
// V8's flags, with Node's compile cache where Node has it (22.1+). What a user must be able to count on: the same
// output with and without the cache, and Node's own switch turning it off. Where this Node has a compile cache,
// the cache folder fills; on an older Node that check is skipped (the bins run without one there).
// Fails, rather than skips, when dist/ has not been built (`npm run build`; `npm test` builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const server = path.join(root, 'dist/server.js');
const example = path.join(root, 'examples/node-service/Dockerfile');
const nodeCaches = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
let tmp: string;

function run(bin: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const filesIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cc-')); });
after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

describe('the bins and the programs they start', () => {
  it('dist/ holds both bins and both programs', () => {
    for (const f of [cli, server, path.join(root, 'dist/cli-main.js'), path.join(root, 'dist/server-main.js')]) assert.ok(fs.existsSync(f), `${path.relative(root, f)} is not built (npm run build)`);
  });

  it('a lint prints the same with the cache off, when it is written and when it is read', () => {
    const dir = path.join(tmp, 'same');
    const args = ['--no-config', '-f', 'json', example];
    const off = run(cli, args, { NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: dir });
    assert.deepEqual(filesIn(dir), [], 'NODE_DISABLE_COMPILE_CACHE writes nothing');
    const writing = run(cli, args, { NODE_COMPILE_CACHE: dir });
    const reading = run(cli, args, { NODE_COMPILE_CACHE: dir });
    for (const r of [off, writing, reading]) {
      assert.equal(r.stderr, '');
      assert.equal(r.status, off.status);
      assert.equal(r.stdout, off.stdout);
    }
    assert.ok(JSON.parse(off.stdout).files[0].findings.length > 0, 'the example has findings to compare');
  });

  it('Node keeps the programs\' compiled code in NODE_COMPILE_CACHE', { skip: !nodeCaches && `Node ${process.version} has no compile cache: the bins run without one` }, () => {
    const dir = path.join(tmp, 'kept');
    run(cli, ['--no-config', example], { NODE_COMPILE_CACHE: dir });
    assert.ok(filesIn(dir).length > 0, 'the cache folder is empty');
  });

  it('the language server starts through its bin', () => {
    const r = run(server, ['--version'], { NODE_COMPILE_CACHE: path.join(tmp, 'server') });
    assert.equal(r.stdout, 'dockwise-language-server\n');
    assert.equal(r.stderr, '');
  });
});
