// The registry client (host/node/registry.ts) against a real registry started here on 127.0.0.1 (Debian's
// docker-registry), never the internet: the index digest of a multi-platform image, pinning through the engine,
// Basic credentials from a DOCKER_CONFIG, a Bearer token service, and what the user reads when it cannot answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initNodeShellParser } from '../../server/src/host/node';
import { createRegistryClient, parseChallenge, readCredentials, registryReference } from '../../server/src/host/node/registry';
import { freePort, htpasswdLine, pushImage, registryUnavailable, startRegistry, startTokenProxy, type LocalRegistry } from '../support/local-registry';
import { refactor } from '../support/refactor';

const unavailable = registryUnavailable();
if (unavailable) console.log(`# registry tests skipped: ${unavailable}`);

let tmp: string;
before(async () => {
  await initNodeShellParser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-registry-test-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A DOCKER_CONFIG folder's config.json with `config`; its path. */
function dockerConfig(name: string, config: unknown): string {
  const file = path.join(tmp, name, 'config.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('reading references and credentials as Docker does', () => {
  it('normalises Docker Hub names, ports and local registries', () => {
    assert.deepEqual(registryReference('node'), { registry: 'docker.io', base: 'https://registry-1.docker.io', repository: 'library/node', tag: 'latest' });
    assert.deepEqual(registryReference('docker.io/bitnami/redis:7.2'), { registry: 'docker.io', base: 'https://registry-1.docker.io', repository: 'bitnami/redis', tag: '7.2' });
    assert.deepEqual(registryReference('index.docker.io/node:22@sha256:abc'), { registry: 'docker.io', base: 'https://registry-1.docker.io', repository: 'library/node', tag: '22' });
    assert.deepEqual(registryReference('ghcr.io/owner/app:1.0'), { registry: 'ghcr.io', base: 'https://ghcr.io', repository: 'owner/app', tag: '1.0' });
    assert.deepEqual(registryReference('registry.example.com:5000/team/app'), { registry: 'registry.example.com:5000', base: 'https://registry.example.com:5000', repository: 'team/app', tag: 'latest' });
    assert.deepEqual(registryReference('localhost:5000/app:dev'), { registry: 'localhost:5000', base: 'http://localhost:5000', repository: 'app', tag: 'dev' });
    assert.deepEqual(registryReference('localhost/app'), { registry: 'localhost', base: 'http://localhost', repository: 'app', tag: 'latest' });
    assert.deepEqual(registryReference('127.0.0.1:5000/app:1'), { registry: '127.0.0.1:5000', base: 'http://127.0.0.1:5000', repository: 'app', tag: '1' });
    assert.deepEqual(registryReference('[::1]:5000/app:1'), { registry: '[::1]:5000', base: 'http://[::1]:5000', repository: 'app', tag: '1' });
    assert.equal(registryReference(''), undefined);
  });

  it('reads Bearer and Basic challenges', () => {
    assert.deepEqual(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"'),
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' } });
    assert.deepEqual(parseChallenge('Basic realm="Registry Realm"'), { scheme: 'basic', params: { realm: 'Registry Realm' } });
  });

  it('reads config.json auths (base64 auth, identity tokens, Docker Hub\'s v1 key) and names credential helpers', () => {
    const file = dockerConfig('creds', {
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hub:pass').toString('base64') },
        'ghcr.io': { identitytoken: 'refresh-me' },
        'https://registry.example.com/': { auth: Buffer.from('me:secret').toString('base64') },
      },
      credHelpers: { 'gcr.io': 'gcloud' },
      credsStore: 'desktop',
    });
    assert.deepEqual(readCredentials(file, 'docker.io'), { username: 'hubuser', password: 'hub:pass' });
    assert.deepEqual(readCredentials(file, 'ghcr.io'), { identityToken: 'refresh-me' });
    assert.deepEqual(readCredentials(file, 'registry.example.com'), { username: 'me', password: 'secret' });
    assert.deepEqual(readCredentials(file, 'gcr.io'), { helper: 'gcloud' });
    assert.deepEqual(readCredentials(file, 'quay.io'), { helper: 'desktop' });
    assert.equal(readCredentials(path.join(tmp, 'none', 'config.json'), 'quay.io'), undefined);
  });
});

describe('a registry on 127.0.0.1', { skip: unavailable }, () => {
  let reg: LocalRegistry;
  let emptyConfig: string;
  before(async () => {
    reg = await startRegistry();
    emptyConfig = dockerConfig('empty', {});
  });
  after(() => reg?.stop());

  it('gives the digest of a multi-platform image\'s index, and of a tag that moved on', async () => {
    const pushed = await pushImage(reg, 'team/base', '1.0');
    const client = createRegistryClient({ configFile: emptyConfig });
    assert.deepEqual(await client.digest(`${reg.host}/team/base:1.0`), { digest: pushed.digest });
    const moved = await pushImage(reg, 'team/base', '1.0');
    assert.notEqual(moved.digest, pushed.digest);
    // The first client remembers what it was told; a new one asks again.
    assert.deepEqual(await client.digest(`${reg.host}/team/base:1.0`), { digest: pushed.digest });
    assert.deepEqual(await createRegistryClient({ configFile: emptyConfig }).digest(`${reg.host}/team/base:1.0`), { digest: moved.digest });
  });

  it('pins through the engine: the exact text, each image asked once', async () => {
    const app = await pushImage(reg, 'team/app', 'latest');
    const runtime = await pushImage(reg, 'team/runtime', '2');
    const text = [
      `FROM ${reg.host}/team/app AS build`,
      'RUN make',
      '# the runtime',
      `FROM ${reg.host}/team/runtime:2`,
      'COPY --from=build /out /out',
      '',
    ].join('\n');
    const out = await refactor('pin-digest', text, { registry: createRegistryClient({ configFile: emptyConfig }), key: 'all' });
    assert.equal(out.text, text.replace('team/app AS', `team/app@${app.digest} AS`).replace('runtime:2\n', `runtime:2@${runtime.digest}\n`));
  });

  it('says there is no such tag', async () => {
    const client = createRegistryClient({ configFile: emptyConfig });
    assert.deepEqual(await client.digest(`${reg.host}/team/base:nope`), { error: `${reg.host} has no team/base:nope` });
    await assert.rejects(refactor('pin-digest', `FROM ${reg.host}/team/base:nope\n`, { registry: client }), { message: `Could not pin ${reg.host}/team/base:nope: ${reg.host} has no team/base:nope` });
  });

  it('offline (a closed port): a sentence, in the user\'s language', async () => {
    const port = await freePort();
    const en = await createRegistryClient({ configFile: emptyConfig }).digest(`127.0.0.1:${port}/team/base:1.0`);
    assert.deepEqual(en, { error: `127.0.0.1:${port} cannot be reached (ECONNREFUSED); Dockwise may be offline` });
    const ko = await createRegistryClient({ configFile: emptyConfig, locale: 'ko' }).digest(`127.0.0.1:${port}/team/base:1.0`);
    assert.deepEqual(ko, { error: `127.0.0.1:${port}에 연결할 수 없습니다(ECONNREFUSED). 오프라인일 수 있습니다` });
  });

  it('through a Bearer token service: an anonymous token, then the manifest', async () => {
    const pushed = await pushImage(reg, 'team/public', '3');
    const proxy = await startTokenProxy(reg);
    try {
      const client = createRegistryClient({ configFile: emptyConfig });
      assert.deepEqual(await client.digest(`${proxy.host}/team/public:3`), { digest: pushed.digest });
      assert.deepEqual(proxy.tokenRequests, ['?service=dockwise-test&scope=repository%3Ateam%2Fpublic%3Apull']);
    } finally {
      await proxy.stop();
    }
  });

  it('hashes the manifest itself when the registry sends no Docker-Content-Digest', async () => {
    const pushed = await pushImage(reg, 'team/mirror', '5');
    const proxy = await startTokenProxy(reg, { dropDigestHeader: true });
    try {
      assert.deepEqual(await createRegistryClient({ configFile: emptyConfig }).digest(`${proxy.host}/team/mirror:5`), { digest: pushed.digest });
    } finally {
      await proxy.stop();
    }
  });

  it('through a Bearer token service that wants the user\'s credentials from config.json', async () => {
    const pushed = await pushImage(reg, 'team/private', '4');
    const proxy = await startTokenProxy(reg, { user: { name: 'ci', password: 'tok-pass' } });
    try {
      const withCreds = dockerConfig('bearer', { auths: { [proxy.host]: { auth: Buffer.from('ci:tok-pass').toString('base64') } } });
      assert.deepEqual(await createRegistryClient({ configFile: withCreds }).digest(`${proxy.host}/team/private:4`), { digest: pushed.digest });
      assert.deepEqual(await createRegistryClient({ configFile: emptyConfig }).digest(`${proxy.host}/team/private:4`),
        { error: `${proxy.host} wants credentials for team/private, and ${emptyConfig} has none for it (\`docker login ${proxy.host}\` writes them)` });
      const helper = dockerConfig('helper', { credsStore: 'desktop' });
      assert.deepEqual(await createRegistryClient({ configFile: helper }).digest(`${proxy.host}/team/private:4`),
        { error: `${proxy.host} wants credentials for team/private, which are kept by docker-credential-desktop: Dockwise does not run credential helpers, so put an \`auths\` entry for ${proxy.host} in ${helper}` });
    } finally {
      await proxy.stop();
    }
  });
});

describe('a private registry with htpasswd (Basic) auth', { skip: unavailable ?? (htpasswdLine('a', 'b') ? undefined : 'htpasswd (apache2-utils) is not installed') }, () => {
  let reg: LocalRegistry;
  before(async () => {
    const user = { user: 'builder', password: 's3cret-pass' };
    reg = await startRegistry({ htpasswd: htpasswdLine(user.user, user.password), credentials: user });
  });
  after(() => reg?.stop());

  it('reads the credentials from DOCKER_CONFIG\'s config.json; without them, says so; with wrong ones, refused', async () => {
    const pushed = await pushImage(reg, 'secret/app', '1');
    const good = dockerConfig('basic-good', { auths: { [`http://${reg.host}`]: { auth: Buffer.from('builder:s3cret-pass').toString('base64') } } });
    assert.deepEqual(await createRegistryClient({ configFile: good }).digest(`${reg.host}/secret/app:1`), { digest: pushed.digest });
    const out = await refactor('pin-digest', `FROM ${reg.host}/secret/app:1\n`, { registry: createRegistryClient({ configFile: good }) });
    assert.equal(out.text, `FROM ${reg.host}/secret/app:1@${pushed.digest}\n`);
    const none = dockerConfig('basic-none', {});
    assert.deepEqual(await createRegistryClient({ configFile: none }).digest(`${reg.host}/secret/app:1`),
      { error: `${reg.host} wants credentials for secret/app, and ${none} has none for it (\`docker login ${reg.host}\` writes them)` });
    const wrong = dockerConfig('basic-wrong', { auths: { [reg.host]: { username: 'builder', password: 'nope' } } });
    assert.deepEqual(await createRegistryClient({ configFile: wrong }).digest(`${reg.host}/secret/app:1`), { error: `${reg.host} refused access to secret/app` });
  });
});
