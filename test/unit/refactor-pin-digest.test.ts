// pin-digest in the engine, with a registry that answers from a table: where it is offered, the exact text, and
// what the user reads when the registry cannot say. The same against a real registry: test/unit/registry.test.ts.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser } from '../../server/src/host/node';
import type { RegistryClient } from '../../server/src/engine';
import { pinDigest } from '../../server/src/engine/refactor/pin-digest';
import { DockerfileModel } from '../../server/src/engine/model/dockerfile';
import { offersOf, refactor } from '../support/refactor';

before(async () => { await initNodeShellParser(); });

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;

/** Answers from `digests`; every question is recorded. */
function tableRegistry(digests: Record<string, string>, asked: string[] = []): RegistryClient {
  return {
    async digest(reference) {
      asked.push(reference);
      return digests[reference] ? { digest: digests[reference] } : { error: `no ${reference} here` };
    },
  };
}

const registry = tableRegistry({ 'node:22-alpine': D1, 'gcr.io/distroless/nodejs22-debian12:nonroot': D2, 'ubuntu': D3, 'localhost:5000/team/base:1.0': D1, 'alpine:3.20': `sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d` });

describe('pin-digest', () => {
  it('pins one FROM after its tag, and keeps the rest of the line', async () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM --platform=$BUILDPLATFORM node:22-alpine AS build',
      'WORKDIR /app',
      'RUN npm ci',
      'FROM gcr.io/distroless/nodejs22-debian12:nonroot',
      'COPY --from=build /app /app',
      'CMD ["/app/server.js"]',
      '',
    ].join('\n');
    const offers = offersOf('pin-digest', text, { registry });
    assert.deepEqual(offers.map((o) => [o.key, o.title, o.safety]), [
      ['29', 'Pin node:22-alpine by digest', 'safe'],
      ['108', 'Pin gcr.io/distroless/nodejs22-debian12:nonroot by digest', 'safe'],
      ['all', 'Pin every base image by digest (2)', 'safe'],
    ]);
    const one = await refactor('pin-digest', text, { registry, key: '29' });
    assert.equal(one.text, text.replace('node:22-alpine AS', `node:22-alpine@${D1} AS`));
    assert.deepEqual(one.notes, [`\`node:22-alpine\` is pinned to \`${D1}\`: builds use this exact image until it is pinned again, whatever the tag points at later.`]);
    const all = await refactor('pin-digest', text, { registry, key: 'all' });
    assert.equal(all.text, text.replace('node:22-alpine AS', `node:22-alpine@${D1} AS`).replace(':nonroot\n', `:nonroot@${D2}\n`));
  });

  it('pins an untagged image as written (Docker reads it as latest), a registry with a port, and asks once per image', async () => {
    const asked: string[] = [];
    const text = 'FROM ubuntu\nRUN true\nFROM localhost:5000/team/base:1.0 AS a\nFROM localhost:5000/team/base:1.0 AS b\nRUN true\n';
    const out = await refactor('pin-digest', text, { registry: tableRegistry({ ubuntu: D3, 'localhost:5000/team/base:1.0': D1 }, asked), key: 'all' });
    assert.equal(out.text, `FROM ubuntu@${D3}\nRUN true\nFROM localhost:5000/team/base:1.0@${D1} AS a\nFROM localhost:5000/team/base:1.0@${D1} AS b\nRUN true\n`);
    assert.deepEqual(asked.sort(), ['localhost:5000/team/base:1.0', 'ubuntu']);
  });

  it('keeps continuation lines, comments and the escape character', async () => {
    const text = '# escape=`\nFROM `\n  node:22-alpine `\n  AS build\n# the runtime\nRUN echo hi\n';
    const out = await refactor('pin-digest', text, { registry });
    assert.equal(out.text, `# escape=\`\nFROM \`\n  node:22-alpine@${D1} \`\n  AS build\n# the runtime\nRUN echo hi\n`);
  });

  it('is not offered on stages, scratch, pinned images, variables, without a registry, nor away from the FROM', () => {
    const text = [
      'ARG BASE=node:22-alpine',
      'FROM $BASE AS deps',
      'FROM deps AS build',
      'FROM scratch AS empty',
      `FROM node:22-alpine@${D1} AS pinned`,
      'FROM node:${VERSION} AS unknown',
      'FROM ubuntu',
      'RUN true',
      '',
    ].join('\n');
    assert.deepEqual(offersOf('pin-digest', text, { registry }).map((o) => o.title), ['Pin ubuntu by digest']);
    assert.deepEqual(offersOf('pin-digest', 'FROM ubuntu\n'), []);
    const ctx = { model: new DockerfileModel('FROM ubuntu\nRUN true\n'), settings: { trustedRegistries: [], today: '2026-12-07', locale: 'en' as const }, registry };
    assert.deepEqual(pinDigest.offers(ctx, 14, 16), []);
    assert.equal(pinDigest.offers(ctx, 11, 11).length, 1);
  });

  it('says why when the registry cannot tell, in the user\'s language', async () => {
    const text = 'FROM node:22-alpine\nFROM ubuntu:nope\n';
    await assert.rejects(refactor('pin-digest', text, { registry, key: 'all' }), { message: 'Could not pin ubuntu:nope: no ubuntu:nope here' });
    await assert.rejects(refactor('pin-digest', 'FROM ubuntu:nope\n', { registry, settings: { locale: 'ko' } }), { message: 'ubuntu:nope를 고정할 수 없습니다: no ubuntu:nope here' });
    const liar: RegistryClient = { digest: async () => ({ digest: 'latest' }) };
    await assert.rejects(refactor('pin-digest', 'FROM ubuntu\n', { registry: liar }), { message: 'Could not pin ubuntu: the registry answered "latest", which is not a digest' });
  });

  it('has an exact example', async () => {
    const { before: b, after: a, digests } = pinDigest.docs.example;
    assert.equal((await refactor('pin-digest', b, { registry: tableRegistry(digests!) })).text, a);
  });
});
