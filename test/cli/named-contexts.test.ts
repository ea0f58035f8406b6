// A compose service's additional_contexts: the names its Dockerfile reads in FROM and COPY --from are the contexts,
// not Docker Hub images or unknown stages; a docker-image:// context is the image the image rules judge.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintInFolder, writeIn } from '../support/cli-project';

let tmp: string;

const lint = (args: string[]) => lintInFolder(tmp, args);
const write = (rel: string, text: string) => writeIn(tmp, rel, text);

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-contexts-'));
  write('app/Dockerfile', [
    'FROM acme/go-toolchain:1.0 AS bulid',
    'RUN go build -o /out/app .',
    'FROM base',
    'COPY --from=build /out/app /app',
    'COPY --from=assets /static /static',
    'USER 65532',
    'CMD ["/app"]',
    '',
  ].join('\n'));
  write('app/.dockerignore', '.git\n');
  write('compose.yaml', [
    'services:',
    '  app:',
    '    build:',
    '      context: app',
    '      additional_contexts:',
    '        base: docker-image://python:3.8-slim',
    '        build: service:builder',
    '        assets: ./static',
    '  builder:',
    '    build: builder',
    '  local:',
    '    build:',
    '      context: app',
    '      additional_contexts:',
    '        base: ./base',
    '        build: service:builder',
    '',
  ].join('\n'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a compose service with additional_contexts', () => {
  it('alone: base is a Docker Hub image without a tag and build a misspelt stage', async () => {
    assert.deepEqual((await lint(['--standalone', 'app/Dockerfile'])).findings, [
      'base-image-untagged 3:6 Base image base has no tag, so every build pulls whatever "latest" is that day',
      "copy-from-unknown-stage 4:13 No stage 'build' is defined above (did you mean 'bulid'?); Docker would pull an image named 'build'",
    ]);
  });

  it('as compose builds it: base is the context\'s image (or none), build and assets are contexts', async () => {
    const { findings, stderr } = await lint(['app/Dockerfile']);
    assert.equal(stderr, '');
    assert.deepEqual(findings, [
      'eol-base-image 3:6 python 3.8 reached end of life on 2024-10-07; supported: 3.11, 3.12, 3.13, 3.14 (only in compose service app)',
    ]);
  });
});
