// --fix fixes what linting as built reports: the stages the services build, and a file a fix creates goes in the
// build's context (the repository root here), not beside the Dockerfile.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';

let tmp: string;

const DOCKERFILE = [
  'FROM node:22-slim AS runtime',
  'WORKDIR /app',
  'COPY . .',
  'RUN apt-get update && apt-get install -y curl',
  'USER node',
  'CMD ["node", "app/server.js"]',
  '',
  'FROM runtime AS dev',
  'RUN apt-get install -y git',
  '',
].join('\n');

async function fix(args: string[]): Promise<string> {
  let stdout = '';
  await runCli(['--fix', '--unsafe-fixes', ...args, 'app/Dockerfile'], { cwd: tmp, stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, '9.9.9');
  return stdout;
}

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-invocation-fix-'));
  fs.mkdirSync(path.join(tmp, 'app'));
  fs.writeFileSync(path.join(tmp, 'app/Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  web:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n      target: runtime\n');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('--fix as compose builds the file', () => {
  it('fixes the stages the service builds and creates the .dockerignore in its context', async () => {
    const out = await fix([]);
    assert.match(out, /created \.dockerignore/);
    assert.ok(fs.existsSync(path.join(tmp, '.dockerignore')));
    assert.ok(!fs.existsSync(path.join(tmp, 'app/.dockerignore')));
    const lines = fs.readFileSync(path.join(tmp, 'app/Dockerfile'), 'utf8').split('\n');
    assert.equal(lines[3], 'RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates');
    // The dev stage compose never builds is left as it is: nothing reported there, nothing changed.
    assert.equal(lines[8], 'RUN apt-get install -y git');
  });

  it('alone (--standalone): every stage, and the .dockerignore beside the Dockerfile', async () => {
    await fix(['--standalone']);
    assert.ok(fs.existsSync(path.join(tmp, 'app/.dockerignore')));
    assert.ok(!fs.existsSync(path.join(tmp, '.dockerignore')));
    assert.equal(fs.readFileSync(path.join(tmp, 'app/Dockerfile'), 'utf8').split('\n')[8], 'RUN apt-get install --no-install-recommends -y git');
  });
});
