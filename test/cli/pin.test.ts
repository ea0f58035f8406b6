// `dockwise pin` against a registry started on 127.0.0.1 (test/support/local-registry.ts): in place, --diff,
// --check and their exit codes, standard input, and a registry that cannot be reached.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';
import { freePort, pushImage, registryUnavailable, startRegistry, type LocalRegistry } from '../support/local-registry';

const unavailable = registryUnavailable();
if (unavailable) console.log(`# dockwise pin tests skipped: ${unavailable}`);

let tmp: string;

async function run(args: string[], opts: { cwd?: string; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['pin', ...args], {
    cwd: opts.cwd ?? tmp,
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    readStdin: () => Buffer.from(opts.stdin ?? ''),
    isTTY: false,
    env: { DOCKER_CONFIG: path.join(tmp, 'docker-config') },
  }, '9.9.9');
  return { code, stdout, stderr };
}

function write(rel: string, text: string): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const read = (p: string) => fs.readFileSync(p, 'utf8');

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-pin-'));
  process.env.XDG_CONFIG_HOME = path.join(tmp, 'no-user-config');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dockwise pin', { skip: unavailable }, () => {
  let reg: LocalRegistry;
  let base: string;
  let tool: string;
  before(async () => {
    reg = await startRegistry();
    base = (await pushImage(reg, 'team/base', '1.0')).digest;
    tool = (await pushImage(reg, 'team/tool', 'latest')).digest;
  });
  after(() => reg?.stop());

  it('--check lists what is not pinned without asking a registry, exit 1; 0 when all is pinned', async () => {
    const file = write('check/Dockerfile', 'FROM 127.0.0.1:1/team/base:1.0\nFROM scratch\n');
    const before = read(file);
    assert.deepEqual(await run(['--check'], { cwd: path.join(tmp, 'check') }), {
      code: 1, stdout: 'Dockerfile:1: 127.0.0.1:1/team/base:1.0 is not pinned by digest\n1 file would be pinned, 0 files already pinned\n', stderr: '',
    });
    assert.equal(read(file), before);
    write('check/Dockerfile', `FROM 127.0.0.1:1/team/base:1.0@${base}\nFROM scratch\n`);
    assert.deepEqual(await run(['--check'], { cwd: path.join(tmp, 'check') }), { code: 0, stdout: '0 files would be pinned, 1 file already pinned\n', stderr: '' });
  });

  it('--diff prints the patch and writes nothing, exit 1', async () => {
    const text = `FROM ${reg.host}/team/base:1.0 AS build\nRUN make\nFROM ${reg.host}/team/tool\n`;
    const file = write('diff/Dockerfile', text);
    const out = await run(['--diff', 'Dockerfile'], { cwd: path.join(tmp, 'diff') });
    assert.equal(out.code, 1);
    assert.equal(out.stdout, [
      '--- a/Dockerfile',
      '+++ b/Dockerfile',
      '@@ -1,3 +1,3 @@',
      `-FROM ${reg.host}/team/base:1.0 AS build`,
      `+FROM ${reg.host}/team/base:1.0@${base} AS build`,
      ' RUN make',
      `-FROM ${reg.host}/team/tool`,
      `+FROM ${reg.host}/team/tool@${tool}`,
      '',
    ].join('\n'));
    assert.equal(out.stderr, '1 file would be pinned, 0 files already pinned\n');
    assert.equal(read(file), text);
  });

  it('rewrites files in place, and a second run changes nothing', async () => {
    const file = write('inplace/Dockerfile', `# base image\nFROM ${reg.host}/team/base:1.0\nRUN true\n`);
    assert.deepEqual(await run([], { cwd: path.join(tmp, 'inplace') }), { code: 0, stdout: 'pinned Dockerfile\n1 file pinned, 0 files already pinned\n', stderr: '' });
    assert.equal(read(file), `# base image\nFROM ${reg.host}/team/base:1.0@${base}\nRUN true\n`);
    assert.deepEqual(await run([], { cwd: path.join(tmp, 'inplace') }), { code: 0, stdout: '0 files pinned, 1 file already pinned\n', stderr: '' });
  });

  it('reads standard input and prints the result', async () => {
    assert.deepEqual(await run(['-'], { stdin: `FROM ${reg.host}/team/tool\n` }), { code: 0, stdout: `FROM ${reg.host}/team/tool@${tool}\n`, stderr: '' });
  });

  it('a registry that cannot answer: a sentence per image, the file left alone, exit 2', async () => {
    const port = await freePort();
    const text = `FROM 127.0.0.1:${port}/team/base:1.0\nFROM ${reg.host}/team/base:nope\n`;
    const file = write('offline/Dockerfile', text);
    const out = await run([], { cwd: path.join(tmp, 'offline') });
    assert.equal(out.code, 2);
    assert.equal(out.stderr, [
      `dockwise: Dockerfile: Could not pin 127.0.0.1:${port}/team/base:1.0: 127.0.0.1:${port} cannot be reached (ECONNREFUSED); Dockwise may be offline`,
      `dockwise: Dockerfile: Could not pin ${reg.host}/team/base:nope: ${reg.host} has no team/base:nope`,
      '',
    ].join('\n'));
    assert.equal(out.stdout, '0 files pinned, 0 files already pinned\n');
    assert.equal(read(file), text);
  });
});
