// A finding about the file whatever builds it (unreachable-stage: dead code) is reported only when every build of
// the file has it: a stage one compose service's args choose is not dead because another service's do not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/run';

let tmp: string;

const DOCKERFILE = [
  'ARG VARIANT=a',
  'FROM alpine:3.24 AS a-builder',
  'RUN echo a > /x',
  'FROM alpine:3.24 AS b-builder',
  'RUN echo b > /x',
  'FROM alpine:3.24 AS unused-builder',
  'RUN echo c > /x',
  'FROM ${VARIANT}-builder AS chosen',
  'FROM alpine:3.24',
  'COPY --from=chosen /x /x',
  'USER 1000',
  'CMD ["cat", "/x"]',
  '',
].join('\n');

async function unreachable(args: string[]): Promise<string[]> {
  let stdout = '';
  await runCli(['--no-config', '-f', 'json', ...args, 'Dockerfile'], { cwd: tmp, stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, env: {} }, '9.9.9');
  const report = JSON.parse(stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; message: string }> }> };
  return report.files[0].findings.filter((f) => f.rule === 'unreachable-stage').map((f) => `${f.line} ${f.message}`);
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-every-build-'));
  fs.writeFileSync(path.join(tmp, 'Dockerfile'), DOCKERFILE);
  fs.writeFileSync(path.join(tmp, 'compose.yaml'), 'services:\n  a:\n    build:\n      context: .\n      args:\n        VARIANT: a\n  b:\n    build:\n      context: .\n      args:\n        VARIANT: b\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('findings about the file across its builds', () => {
  it('a stage some build uses is not reported; one no build uses is', async () => {
    assert.deepEqual(await unreachable([]), ["6 Builder stage 'unused-builder' is not used by the final stage (not built FROM, copied from or mounted): what it builds is thrown away"]);
  });
  it('alone, the stage the default leaves out is dead', async () => {
    assert.deepEqual((await unreachable(['--standalone'])).map((f) => f.split(' ')[0]), ['4', '6']);
  });
});
