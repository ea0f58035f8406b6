// The bins (dist/cli.js, dist/server.js) start their programs through V8's code cache
// (server/src/host/compile-cache.ts). What a user must be able to count on: the same output with and without a
// cache, a cache written once and then reused, a broken or foreign cache ignored, Node's switches honoured, and
// no cache read from a folder another user could write to.
// Fails, rather than skips, when dist/ has not been built (`npm run build`; `npm test` builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cacheFolder, cacheKey } from '../../server/src/host/compile-cache';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const server = path.join(root, 'dist/server.js');
const example = path.join(root, 'examples/node-service/Dockerfile');
// Node 22.1+ caches through module.enableCompileCache, in its own format and folder layout.
const ownCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
let tmp: string;

function run(bin: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort() : []);

before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-cc-')); });
after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

describe('the bins run their programs through the code cache', () => {
  it('dist/ holds both bins and the programs they start', () => {
    for (const f of [cli, server, path.join(root, 'dist/cli-main.js'), path.join(root, 'dist/server-main.js'), path.join(root, 'dist/web-tree-sitter.js')]) assert.ok(fs.existsSync(f), `${path.relative(root, f)} is not built (npm run build)`);
  });

  it('a lint prints the same with no cache, when writing one and when reading it', { skip: !ownCache && 'Node caches through module.enableCompileCache here' }, () => {
    const dir = path.join(tmp, 'same');
    const args = ['--no-config', '-f', 'json', example];
    const none = run(cli, args, { NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: dir });
    assert.deepEqual(cacheFiles(dir), [], 'NODE_DISABLE_COMPILE_CACHE writes nothing');
    const writing = run(cli, args, { NODE_COMPILE_CACHE: dir });
    const written = cacheFiles(dir);
    assert.equal(written.length, 1, written.join(' '));
    assert.match(written[0], /^cli-main\.js-[0-9a-f]{24}\.v8cache$/);
    const stamp = fs.statSync(path.join(dir, written[0])).mtimeMs;
    const reading = run(cli, args, { NODE_COMPILE_CACHE: dir });
    assert.equal(fs.statSync(path.join(dir, written[0])).mtimeMs, stamp, 'an accepted cache is not written again');
    for (const r of [none, writing, reading]) {
      assert.equal(r.stderr, '');
      assert.equal(r.status, none.status);
      assert.equal(r.stdout, none.stdout);
    }
    assert.ok(JSON.parse(none.stdout).files[0].findings.length > 0, 'the example has findings to compare');
  });

  it('a broken cache is replaced and changes nothing', { skip: !ownCache && 'Node caches through module.enableCompileCache here' }, () => {
    const dir = path.join(tmp, 'broken');
    const args = ['--no-config', '-f', 'json', example];
    const good = run(cli, args, { NODE_COMPILE_CACHE: dir });
    const [file] = cacheFiles(dir);
    fs.writeFileSync(path.join(dir, file), 'not a code cache');
    const r = run(cli, args, { NODE_COMPILE_CACHE: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, good.stdout);
    assert.ok(fs.statSync(path.join(dir, file)).size > 1000, 'the broken cache was written anew');
  });

  it('a cache of an older build of the program is dropped when the new one is written', { skip: !ownCache && 'Node caches through module.enableCompileCache here' }, () => {
    const dir = path.join(tmp, 'old');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'cli-main.js-0123456789abcdef01234567.v8cache'), 'old');
    fs.writeFileSync(path.join(dir, 'server-main.js-0123456789abcdef01234567.v8cache'), 'the server\'s');
    run(cli, ['--version'], { NODE_COMPILE_CACHE: dir });
    const files = cacheFiles(dir);
    assert.equal(files.length, 2, files.join(' '));
    assert.ok(files.includes('server-main.js-0123456789abcdef01234567.v8cache'), 'another program\'s cache is kept');
    assert.ok(!files.includes('cli-main.js-0123456789abcdef01234567.v8cache'), 'the old cache is gone');
  });

  it('the language server starts through it too', () => {
    const dir = path.join(tmp, 'server');
    const r = run(server, ['--version'], { NODE_COMPILE_CACHE: dir });
    assert.equal(r.stdout, 'dockwise-language-server\n');
    assert.equal(r.stderr, '');
    if (ownCache) assert.match(cacheFiles(dir).join(' '), /^server-main\.js-[0-9a-f]{24}\.v8cache$/);
  });

  it('the key changes with the program, the Node version and the V8 flags', () => {
    const key = cacheKey('a', ['--liftoff-only']);
    assert.match(key, /^[0-9a-f]{24}$/);
    assert.equal(cacheKey('a', ['--liftoff-only']), key);
    assert.notEqual(cacheKey('b', ['--liftoff-only']), key);
    assert.notEqual(cacheKey('a', []), key);
  });

  it('the default folder is this user\'s only: one that others can write to is not used', { skip: typeof process.getuid !== 'function' && 'no user ids here' }, () => {
    const saved = process.env.TMPDIR;
    try {
      process.env.TMPDIR = path.join(tmp, 'tmpdir');
      fs.mkdirSync(process.env.TMPDIR);
      const dir = cacheFolder({});
      assert.equal(dir, path.join(process.env.TMPDIR, `dockwise-compile-cache-${process.getuid!()}`));
      assert.equal(fs.statSync(dir!).mode & 0o777, 0o700);
      fs.chmodSync(dir!, 0o777);
      assert.equal(cacheFolder({}), undefined);
      assert.equal(cacheFolder({ NODE_COMPILE_CACHE: path.join(tmp, 'named') }), path.join(tmp, 'named'));
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
