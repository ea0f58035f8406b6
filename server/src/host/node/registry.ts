// The digest an image tag points at, from its registry over the OCI distribution API (Node's fetch): what the
// engine's pin-digest refactoring, `dockwise pin` and the stale-digest lens ask. Anonymous where the registry
// allows it (a Bearer token asked for with no credentials), else with the user's Docker credentials from
// config.json's `auths`. A credential helper is a program to run: we say so instead of running it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defineStrings, localize } from '../../engine/i18n/catalog';
import type { Locale } from '../../engine/i18n/locale';
import type { RegistryClient } from '../../engine/refactor/types';

export const REGISTRY_STRINGS = defineStrings({
  'registry.badReference': '"{reference}" is not an image reference',
  'registry.unreachable': '{registry} cannot be reached ({reason}); Dockwise may be offline',
  'registry.timeout': '{registry} did not answer within {seconds} seconds',
  'registry.notFound': '{registry} has no {repository}:{tag}',
  'registry.denied': '{registry} refused access to {repository}',
  'registry.needsLogin': '{registry} wants credentials for {repository}, and {config} has none for it (`docker login {registry}` writes them)',
  'registry.credentialHelper': '{registry} wants credentials for {repository}, which are kept by docker-credential-{helper}: Dockwise does not run credential helpers, so put an `auths` entry for {registry} in {config}',
  'registry.noToken': 'the token service of {registry} gave no token (HTTP {status})',
  'registry.status': '{registry} answered HTTP {status} for {repository}:{tag}',
});

/** Where an image reference is asked: the registry's host as written, the host to connect to, the repository and tag. */
export interface RegistryReference {
  /** As users write it and Docker's config.json keys it (`docker.io`, `ghcr.io`, `localhost:5000`). */
  registry: string;
  /** The API's base URL (`https://registry-1.docker.io`, `http://127.0.0.1:5000`). */
  base: string;
  repository: string;
  tag: string;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Docker's reading of a reference: the registry is the first part when it looks like a host; else Docker Hub, with `library/` for one-word names. */
export function registryReference(reference: string): RegistryReference | undefined {
  let rest = reference.trim();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  if (!rest || /\s/.test(rest)) return undefined;
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag = 'latest';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest || !tag) return undefined;
  const hub = DOCKER_HUB.has(registry);
  if (hub) registry = 'docker.io';
  const repository = hub && !rest.includes('/') ? `library/${rest}` : rest;
  const host = hub ? 'registry-1.docker.io' : registry;
  // Docker's own default: a registry on this machine speaks plain HTTP, any other HTTPS.
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return { registry, base: `${local ? 'http' : 'https'}://${host}`, repository, tag };
}

/** Credentials for a registry from Docker's config.json: a user and password, an identity token, or the helper that keeps them. */
export interface RegistryCredentials {
  username?: string;
  password?: string;
  identityToken?: string;
  /** A credential helper holds them (credsStore / credHelpers): not run here. */
  helper?: string;
}

/** The config.json Docker reads: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json');
}

/** The keys config.json may use for `registry`: `docker login` writes Docker Hub as its old v1 URL, others as host or URL. */
function configKeys(registry: string): string[] {
  if (registry === 'docker.io') return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://registry-1.docker.io'];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v2/`, `http://${registry}/v2/`];
}

export function readCredentials(configFile: string, registry: string): RegistryCredentials | undefined {
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>; credsStore?: string; credHelpers?: Record<string, string> };
  try { config = JSON.parse(fs.readFileSync(configFile, 'utf8')); } catch { return undefined; }
  const keys = configKeys(registry);
  const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
  const auths = config.auths ?? {};
  const entryKey = Object.keys(auths).find((k) => keys.includes(k.replace(/\/+$/, '')) || keys.includes(k));
  const entry = entryKey ? auths[entryKey] : undefined;
  if (entry) {
    if (entry.identitytoken) return { identityToken: entry.identitytoken };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  }
  if (helper) return { helper };
  if (config.credsStore) return { helper: config.credsStore };
  return undefined;
}

/** `Bearer realm="…",service="…",scope="…"` → its scheme and parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*(\S+)\s*(.*)$/.exec(header);
  const params: Record<string, string> = {};
  for (const p of (m?.[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) params[p[1].toLowerCase()] = p[2] ?? p[3];
  return { scheme: (m?.[1] ?? '').toLowerCase(), params };
}

export interface RegistryClientOptions {
  /** The language of its sentences when a call names none. */
  locale?: Locale;
  /** Per request (the token's and the manifest's); 5 seconds by default. */
  timeoutMs?: number;
  /** Where config.json is read; `dockerConfigPath()` (of the environment at each call) by default. */
  configFile?: string;
  /** Digests already known, shared between clients (the language server keeps one); a new one by default. */
  cache?: DigestCache;
}

/** Digests by reference for a while: the lens asks on every redraw, the registry should not be asked as often. */
export class DigestCache {
  private readonly entries = new Map<string, { digest: string; at: number }>();
  constructor(private readonly ttlMs = 5 * 60_000) {}
  get(reference: string): string | undefined {
    const e = this.entries.get(reference);
    if (!e || Date.now() - e.at > this.ttlMs) return undefined;
    return e.digest;
  }
  set(reference: string, digest: string): void {
    if (this.entries.size > 500) this.entries.clear();
    this.entries.set(reference, { digest, at: Date.now() });
  }
}

class Failure extends Error {}

type Say = (id: keyof typeof REGISTRY_STRINGS, data?: Record<string, string | number>) => string;

/** A RegistryClient over the OCI distribution API. */
export function createRegistryClient(options: RegistryClientOptions = {}): RegistryClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  const cache = options.cache ?? new DigestCache();

  async function send(t: Say, ref: RegistryReference, url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new Failure(t('registry.timeout', { registry: ref.registry, seconds: timeoutMs / 1000 }));
      throw new Failure(t('registry.unreachable', { registry: ref.registry, reason: err.cause?.code ?? err.cause?.message ?? err.message }));
    }
  }

  /** The Authorization header a 401's challenge asks for, or a Failure saying why there is none. */
  async function authorize(t: Say, configFile: string, ref: RegistryReference, challenge: string): Promise<string> {
    const { scheme, params } = parseChallenge(challenge);
    const creds = readCredentials(configFile, ref.registry);
    const missing = () => (creds?.helper
      ? t('registry.credentialHelper', { registry: ref.registry, repository: ref.repository, helper: creds.helper, config: configFile })
      : t('registry.needsLogin', { registry: ref.registry, repository: ref.repository, config: configFile }));
    const basic = creds?.username !== undefined ? `Basic ${Buffer.from(`${creds.username}:${creds.password ?? ''}`).toString('base64')}` : undefined;
    if (scheme === 'basic') {
      if (!basic) throw new Failure(missing());
      return basic;
    }
    if (scheme !== 'bearer' || !params.realm) throw new Failure(t('registry.denied', { registry: ref.registry, repository: ref.repository }));
    const query = new URLSearchParams();
    if (params.service) query.set('service', params.service);
    query.set('scope', params.scope ?? `repository:${ref.repository}:pull`);
    let response: Response;
    if (creds?.identityToken) {
      // An identity token is an OAuth2 refresh token: exchanged at the realm for an access token.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, client_id: 'dockwise', scope: query.get('scope')! });
      if (params.service) form.set('service', params.service);
      response = await send(t, ref, params.realm, { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    } else {
      // Anonymous unless the user logged in: public images need no credentials.
      const url = `${params.realm}${params.realm.includes('?') ? '&' : '?'}${query}`;
      response = await send(t, ref, url, { headers: basic ? { Authorization: basic } : {} });
    }
    if (response.status === 401 || response.status === 403) throw new Failure(creds && !creds.helper ? t('registry.denied', { registry: ref.registry, repository: ref.repository }) : missing());
    const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!response.ok || !token) throw new Failure(t('registry.noToken', { registry: ref.registry, status: response.status }));
    return `Bearer ${token}`;
  }

  async function manifestDigest(t: Say, configFile: string, ref: RegistryReference): Promise<string> {
    const url = `${ref.base}/v2/${ref.repository}/manifests/${encodeURIComponent(ref.tag)}`;
    let authorization: string | undefined;
    let authorized = false;
    for (const method of ['HEAD', 'GET']) {
      for (;;) {
        const headers: Record<string, string> = { Accept: MANIFEST_TYPES };
        if (authorization) headers.Authorization = authorization;
        const response = await send(t, ref, url, { method, headers });
        if (response.status === 401 && !authorized) {
          authorization = await authorize(t, configFile, ref, response.headers.get('www-authenticate') ?? '');
          authorized = true;
          continue;
        }
        if (response.status === 401 || response.status === 403) throw new Failure(t('registry.denied', { registry: ref.registry, repository: ref.repository }));
        if (response.status === 404) throw new Failure(t('registry.notFound', { registry: ref.registry, repository: ref.repository, tag: ref.tag }));
        const header = response.headers.get('docker-content-digest');
        if (response.ok && header) { await response.body?.cancel(); return header.trim(); }
        if (response.ok && method === 'GET') return `sha256:${createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')}`;
        // A HEAD without the digest, or one the registry does not serve: the GET reads the manifest itself.
        if (method === 'HEAD' && (response.ok || response.status === 405 || response.status === 400)) break;
        throw new Failure(t('registry.status', { registry: ref.registry, status: response.status, repository: ref.repository, tag: ref.tag }));
      }
    }
    throw new Failure(t('registry.status', { registry: ref.registry, status: 0, repository: ref.repository, tag: ref.tag }));
  }

  return {
    async digest(reference, locale = options.locale ?? 'en') {
      const t: Say = (id, data) => localize(REGISTRY_STRINGS, id, locale, data);
      const ref = registryReference(reference);
      if (!ref) return { error: t('registry.badReference', { reference }) };
      const key = `${ref.base}/${ref.repository}:${ref.tag}`;
      const known = cache.get(key);
      if (known) return { digest: known };
      try {
        const digest = await manifestDigest(t, options.configFile ?? dockerConfigPath(), ref);
        cache.set(key, digest);
        return { digest };
      } catch (e) {
        if (e instanceof Failure) return { error: e.message };
        throw e;
      }
    },
  };
}
