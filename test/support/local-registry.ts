// A real registry on 127.0.0.1 for the digest tests: Debian's `docker-registry` (the CNCF distribution registry)
// with its storage in a temp folder, and images pushed through the distribution API (blob uploads, manifest PUTs),
// never the internet. `registryUnavailable()` says why it cannot run here, for the tests' skip message.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const BINARY = 'docker-registry';

/** Why no registry can be started here, or undefined when one can. */
export function registryUnavailable(): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${BINARY}`], { encoding: 'utf8' });
  if (found.status !== 0) return `${BINARY} is not installed (Debian's docker-registry package; npm test installs it when run as root with apt)`;
  return undefined;
}

/** A bcrypt htpasswd line (`htpasswd -B` from apache2-utils), or undefined without the tool. */
export function htpasswdLine(user: string, password: string): string | undefined {
  const r = spawnSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, the registry part of image references. */
  host: string;
  url: string;
  /** Headers every API call of the tests sends (Basic credentials of a private one). */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts `docker-registry serve` on a free port; `htpasswd` (a file's content) makes it private with Basic auth. */
export async function startRegistry(o: { htpasswd?: string; credentials?: { user: string; password: string } } = {}): Promise<LocalRegistry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-registry-'));
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'data')}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ];
  if (o.htpasswd) {
    fs.writeFileSync(path.join(dir, 'htpasswd'), `${o.htpasswd}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: dockwise-test', `    path: ${path.join(dir, 'htpasswd')}`);
  }
  fs.writeFileSync(path.join(dir, 'config.yml'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(BINARY, ['serve', path.join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const headers: Record<string, string> = o.credentials ? { Authorization: `Basic ${Buffer.from(`${o.credentials.user}:${o.credentials.password}`).toString('base64')}` } : {};
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/v2/`).then((r) => r.status === 200 || r.status === 401, () => false);
    if (ok) return { host: `127.0.0.1:${port}`, url, headers, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`docker-registry did not start: ${stderr.trim()}`);
}

export interface PushedImage {
  /** The tag's digest: the index's for a multi-platform image. */
  digest: string;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${r.status} ${await r.text()}`);
  return r;
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Uploads a blob (monolithic: POST for an upload, PUT with its digest). */
async function pushBlob(reg: LocalRegistry, repository: string, content: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha256(content);
  const start = await call(`${reg.url}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers: reg.headers });
  const location = new URL(start.headers.get('location')!, reg.url);
  location.searchParams.set('digest', digest);
  await call(location.toString(), { method: 'PUT', body: content, headers: { ...reg.headers, 'Content-Type': 'application/octet-stream' } });
  return { digest, size: content.length };
}

async function pushManifest(reg: LocalRegistry, repository: string, reference: string, mediaType: string, manifest: unknown): Promise<{ digest: string; size: number }> {
  const body = Buffer.from(JSON.stringify(manifest));
  await call(`${reg.url}/v2/${repository}/manifests/${reference}`, { method: 'PUT', body, headers: { ...reg.headers, 'Content-Type': mediaType } });
  return { digest: sha256(body), size: body.length };
}

/** One platform's OCI image manifest: a config and one small random layer, so each push is a new image. */
async function pushPlatformImage(reg: LocalRegistry, repository: string, arch: string): Promise<{ digest: string; size: number }> {
  const config = await pushBlob(reg, repository, Buffer.from(JSON.stringify({ architecture: arch, os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: {} })));
  const layer = await pushBlob(reg, repository, randomBytes(64));
  const mediaType = 'application/vnd.oci.image.manifest.v1+json';
  const manifest = {
    schemaVersion: 2, mediaType,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layer.digest, size: layer.size }],
  };
  return pushManifest(reg, repository, sha256(Buffer.from(JSON.stringify(manifest))), mediaType, manifest);
}

/** Pushes `repository:tag` as an OCI index over two platform manifests (linux/amd64, linux/arm64); a new image each time. */
export async function pushImage(reg: LocalRegistry, repository: string, tag: string): Promise<PushedImage> {
  const platforms = [['amd64', await pushPlatformImage(reg, repository, 'amd64')], ['arm64', await pushPlatformImage(reg, repository, 'arm64')]] as const;
  const mediaType = 'application/vnd.oci.image.index.v1+json';
  const index = {
    schemaVersion: 2, mediaType,
    manifests: platforms.map(([arch, m]) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: m.digest, size: m.size, platform: { architecture: arch, os: 'linux' } })),
  };
  const { digest } = await pushManifest(reg, repository, tag, mediaType, index);
  return { digest };
}

/**
 * A token server in front of `reg` on another port, as Docker Hub and most hosted registries work: the API answers
 * 401 with a Bearer challenge, `/token` gives a token (anonymously, or only to `user` when given), and requests with
 * it are passed on to the registry (without the Docker-Content-Digest header when `dropDigestHeader`).
 */
export async function startTokenProxy(reg: LocalRegistry, o: { user?: { name: string; password: string }; dropDigestHeader?: boolean } = {}): Promise<{ host: string; tokenRequests: string[]; stop(): Promise<void> }> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const tokenRequests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, `http://127.0.0.1:${port}`);
    if (url.pathname === '/token') {
      tokenRequests.push(url.search);
      const expected = o.user ? `Basic ${Buffer.from(`${o.user.name}:${o.user.password}`).toString('base64')}` : undefined;
      if (expected && req.headers.authorization !== expected) { res.writeHead(401).end(); return; }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token }));
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      const repository = /^\/v2\/(.+)\/manifests\//.exec(url.pathname)?.[1] ?? '';
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="dockwise-test",scope="repository:${repository}:pull"` }).end();
      return;
    }
    const upstream = http.request(`${reg.url}${req.url}`, { method: req.method, headers: { ...req.headers, ...reg.headers, host: reg.host } }, (r) => {
      const headers = { ...r.headers };
      // As some registries and mirrors do: no Docker-Content-Digest, so the client must hash the manifest itself.
      if (o.dropDigestHeader) delete headers['docker-content-digest'];
      res.writeHead(r.statusCode ?? 502, headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${port}`, tokenRequests, stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
