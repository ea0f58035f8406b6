// `dockwise --explain-context`: the compose services and bake targets that build each Dockerfile of a project,
// found from the current folder: a monorepo whose compose file builds three services from the repository root,
// its override file, a .env value, a bake file with a matrix and `inherits`, and a Dockerfile nothing builds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';

let tmp: string;

async function run(args: string[], cwd = tmp) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, readStdin: () => Buffer.from(''), isTTY: false, env: { TAG: 'ci' } }, '9.9.9');
  return { code, stdout, stderr };
}

function write(rel: string, text: string): void {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-context-'));
  for (const svc of ['api', 'web', 'worker', 'tools']) write(`services/${svc}/Dockerfile`, 'FROM alpine:3.22\nCMD ["true"]\n');
  write('compose.yaml', [
    'services:',
    '  api:',
    '    build:',
    '      context: .',
    '      dockerfile: services/api/Dockerfile',
    '      target: prod',
    '      args:',
    '        NODE_ENV: ${NODE_ENV:-production}',
    '        TAG:',
    '  web:',
    '    build:',
    '      context: .',
    '      dockerfile: services/web/Dockerfile',
    '      secrets: [npm_token]',
    '  worker:',
    '    build: services/worker',
    '  db:',
    '    image: postgres:17',
    'secrets:',
    '  npm_token:',
    '    environment: NPM_TOKEN',
    '',
  ].join('\n'));
  write('compose.override.yaml', 'services:\n  api:\n    build:\n      target: dev\n      args:\n        - DEBUG=${DEBUG}\n');
  write('.env', 'DEBUG=1\n');
  write('docker-bake.hcl', [
    'variable "VERSION" { default = "3.22" }',
    'target "_base" {',
    '  context = "."',
    '  args = { ALPINE = VERSION }',
    '}',
    'target "worker" {',
    '  inherits = ["_base"]',
    '  name = "worker-${arch}"',
    '  matrix = { arch = ["amd64", "arm64"] }',
    '  dockerfile = "services/worker/Dockerfile"',
    '  platforms = ["linux/${arch}"]',
    '}',
    '',
  ].join('\n'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dockwise --explain-context', () => {
  it('names every service and target that builds each file, with what it passes', async () => {
    const { code, stdout, stderr } = await run(['--explain-context', 'services']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, [
      'services/api/Dockerfile',
      '  compose service api (compose.yaml:2)',
      '    context: .',
      '    target: dev',
      '    args: NODE_ENV=production TAG=ci DEBUG=1',
      'services/tools/Dockerfile',
      '  none of compose.yaml, compose.override.yaml, docker-bake.hcl builds it: built alone, from its folder, to its last stage',
      'services/web/Dockerfile',
      '  compose service web (compose.yaml:10)',
      '    context: .',
      '    secrets: npm_token',
      'services/worker/Dockerfile',
      '  compose service worker (compose.yaml:15)',
      '    context: services/worker',
      '  bake target worker-amd64 (docker-bake.hcl:6)',
      '    context: .',
      '    args: ALPINE=3.22',
      '    platforms: linux/amd64',
      '  bake target worker-arm64 (docker-bake.hcl:6)',
      '    context: .',
      '    args: ALPINE=3.22',
      '    platforms: linux/arm64',
      '',
    ].join('\n'));
  });

  it('says when no compose or bake file is there, and reports what it cannot read', async () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-alone-'));
    try {
      fs.writeFileSync(path.join(alone, 'Dockerfile'), 'FROM alpine:3.22\n');
      assert.equal((await run(['--explain-context'], alone)).stdout, 'Dockerfile\n  no compose or bake file builds it: built alone, from its folder, to its last stage\n');
      fs.writeFileSync(path.join(alone, 'compose.yaml'), 'services:\n  app:\n    build: .\n  bad: [\n');
      const { code, stdout } = await run(['--explain-context'], alone);
      assert.equal(code, 0);
      assert.match(stdout, /^Dockerfile\n/);
      assert.match(stdout, /\n  compose\.yaml:\d+: not valid YAML: /);
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });
});
