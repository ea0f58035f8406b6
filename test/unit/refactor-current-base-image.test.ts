// current-base-image: an end-of-life tag moves to the nearest maintained line of the same variant, and
// eol-base-image offers the same move as its fix. The lint day is the helper's (2026-12-07): node 18 and 20, python
// 3.8 to 3.10, go 1.25 and Debian 11 (bullseye) have ended.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser } from '../../server/src/host/node';
import { lintText } from '../../server/src/engine';
import { offersOf, refactor } from '../support/refactor';
import currentBaseImage from '../../server/src/engine/refactor/current-base-image';
import { DockerfileModel } from '../../server/src/engine/model/dockerfile';

before(async () => { await initNodeShellParser(); });

const SETTINGS = { trustedRegistries: [], today: '2026-12-07', locale: 'en' as const };

describe('current-base-image', () => {
  it('moves node:16-alpine to the next LTS line that is supported, keeping alpine', async () => {
    const text = 'FROM node:16-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
    const out = await refactor('current-base-image', text);
    assert.equal(out.text, text.replace('node:16-alpine', 'node:22-alpine'));
    assert.deepEqual(out.notes, ['node moves from 16 to 22: read the release notes of the lines in between for removed features and changed defaults, and run your tests on the new image (https://endoflife.date/nodejs).']);
    const [offer] = offersOf('current-base-image', text);
    assert.equal(offer.title, 'Move to node:22-alpine');
    assert.equal(offer.safety, 'unsafe');
    assert.deepEqual([offer.start, offer.end], [10, 19], 'the tag');
  });

  it('moves python:3.8-slim-buster to 3.11 on bookworm, with a note for each line', async () => {
    const text = 'FROM python:3.8-slim-buster\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n';
    const out = await refactor('current-base-image', text);
    assert.equal(out.text, text.replace('3.8-slim-buster', '3.11-slim-bookworm'));
    assert.deepEqual(out.notes, [
      'python moves from 3.8 to 3.11: read the release notes of the lines in between for removed features and changed defaults, and run your tests on the new image (https://endoflife.date/python).',
      'The system under the image moves from debian 10 (buster) to 12 (bookworm): the packages a RUN installs come in newer versions, and some are renamed or gone.',
    ]);
  });

  it('moves an ended golang line in a builder stage and names the size where it is recorded', async () => {
    const text = 'FROM golang:1.21-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\nFROM node:18\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    const offers = offersOf('current-base-image', text);
    assert.deepEqual(offers.map((o) => [o.key, o.title]), [['0', 'Move to golang:1.26-bookworm'], ['1', 'Move to node:22 (about 390 MB)']]);
    const go = await refactor('current-base-image', text, { key: '0' });
    assert.equal(go.text, text.replace('golang:1.21-bookworm', 'golang:1.26-bookworm'));
    const node = await refactor('current-base-image', text, { key: '1' });
    assert.equal(node.text, text.replace('node:18', 'node:22'));
    assert.equal(node.notes.at(-1), 'Docker Hub lists node:22.23.4 at about 390 MB compressed for linux/amd64 (2026-12-06).');
  });

  it('says when a patch release becomes a line, and moves debian codenames of the debian image itself', async () => {
    const patch = await refactor('current-base-image', 'FROM python:3.9.18-slim\nCMD ["python"]\n');
    assert.equal(patch.text, 'FROM python:3.11-slim\nCMD ["python"]\n');
    assert.match(patch.notes[1], /^The tag named a patch release \(3\.9\.18-slim\); python:3\.11-slim follows its line/);
    const debian = await refactor('current-base-image', 'FROM debian:buster-slim\nCMD ["bash"]\n');
    assert.equal(debian.text, 'FROM debian:bookworm-slim\nCMD ["bash"]\n');
    const numbered = await refactor('current-base-image', 'FROM debian:10\nCMD ["bash"]\n');
    assert.equal(numbered.text, 'FROM debian:12\nCMD ["bash"]\n');
  });

  it('is not offered for supported tags, digests, variables, a pinned Alpine release or unpublished variants', () => {
    for (const text of [
      'FROM node:22-alpine\n',
      'FROM node:16@sha256:' + 'a'.repeat(64) + '\n',
      'ARG V=16\nFROM node:${V}-alpine\n',
      'FROM node:16-alpine3.16\n',
      'FROM node:8-onbuild\n',
      'FROM example.com/node:16\n',
      'FROM node:lts-buster\n',
      'FROM build\n',
    ]) assert.deepEqual(offersOf('current-base-image', text), [], text);
  });

  it('is offered only where the cursor is on the tag', () => {
    const text = 'FROM node:16\nRUN echo hi\n';
    assert.equal(offersOf('current-base-image', text).length, 1);
    const ctxOffers = currentBaseImage.offers({ model: new DockerfileModel(text), settings: SETTINGS }, 15, 18);
    assert.deepEqual(ctxOffers, []);
  });

  it('is eol-base-image\'s fix too', () => {
    const { findings } = lintText('FROM python:3.8-slim-buster\n', { settings: SETTINGS });
    const eol = findings.find((f) => f.rule === 'eol-base-image');
    assert.ok(eol);
    assert.deepEqual(eol.fixes.map((f) => [f.title, f.safety, f.edits[0].text]), [['Move to python:3.11-slim-bookworm (unsafe: a newer release)', 'unsafe', '3.11-slim-bookworm']]);
  });

  it('docs.example is exact', async () => {
    const { before: b, after } = currentBaseImage.docs.example;
    assert.equal((await refactor('current-base-image', b)).text, after);
  });
});

describe('sizes in titles', () => {
  const slimFix = (text: string) => lintText(text, { settings: SETTINGS }).findings.find((f) => f.rule === 'full-base-image-in-final-stage')?.fixes.map((f) => f.title);
  it('full-base-image-in-final-stage says what slim saves where both sizes are recorded', () => {
    assert.deepEqual(slimFix('FROM node:22\nCOPY . .\nCMD ["node", "a.js"]\n'), ['Use node:22-slim, about 313 MB smaller (unsafe: fewer packages)']);
    assert.deepEqual(slimFix('FROM node:26-bookworm\nCOPY . .\nCMD ["node", "a.js"]\n'), ['Use node:26-bookworm-slim, about 316 MB smaller (unsafe: fewer packages)']);
    assert.deepEqual(slimFix('FROM python:3.13\nCOPY . .\nCMD ["python", "a.py"]\n'), ['Use python:3.13-slim (unsafe: fewer packages)'], 'no recorded python sizes: no number');
  });
});
