// Shared pieces of the real-editor tests: where things live, process groups that are always stopped,
// code-server in a throwaway profile, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eDir = path.join(root, '.e2e');
/** Pinned: the workbench's test hooks (URL payload, codeAutomationExit) are internal and change between versions. */
export const VERSIONS = { codeServer: '4.100.3', playwrightCore: '1.65.1' };
export const codeServerEntry = path.join(e2eDir, 'node_modules/code-server/out/node/entry.js');

const t0 = performance.now();
export function log(tag, message) {
  console.log(`[${tag} ${((performance.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}

export function seconds(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function requireFromE2E(name) {
  return createRequire(path.join(e2eDir, 'package.json'))(name);
}

export function findChromium() {
  const candidates = [process.env.DOCKWISE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p) => {
    try { fs.accessSync(p, fs.constants.X_OK); return fs.statSync(p).isFile(); } catch { return false; }
  });
}

export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir) {
  try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ }
}

// ---------------------------------------------------------------------------------------------
// Process groups. Every long-lived process we start leads its own group (detached: true), so the
// extension host and the language server below code-server are stopped with it. Groups are also
// written to $DOCKWISE_E2E_GROUPS (a directory) when set, so the outermost runner can stop what a
// crashed or killed inner process left behind.

const groups = new Map(); // pgid -> label

/** Live (non-zombie) processes in a process group (Linux: /proc; elsewhere: kill -0). */
export function groupMembers(pgid) {
  if (process.platform !== 'linux') {
    try { process.kill(-pgid, 0); return [pgid]; } catch { return []; }
  }
  const members = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
    if (Number(rest[2]) === pgid && rest[0] !== 'Z' && rest[0] !== 'X') members.push(Number(entry));
  }
  return members;
}

export function registerGroup(pgid, label) {
  groups.set(pgid, label);
  const dir = process.env.DOCKWISE_E2E_GROUPS;
  if (dir) {
    try { fs.mkdirSync(dir, { recursive: true }); fs.writeFileSync(path.join(dir, String(pgid)), label); } catch { /* best effort */ }
  }
}

function unregisterGroup(pgid) {
  groups.delete(pgid);
  const dir = process.env.DOCKWISE_E2E_GROUPS;
  if (dir) { try { fs.rmSync(path.join(dir, String(pgid)), { force: true }); } catch { /* gone */ } }
}

/** SIGTERM the group, wait up to graceMs for it to go, then SIGKILL. Returns what had to be killed. */
export async function stopGroup(pgid, graceMs = 5000) {
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
  const until = Date.now() + graceMs;
  while (groupMembers(pgid).length && Date.now() < until) await sleep(100);
  const left = groupMembers(pgid);
  if (left.length) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    await sleep(200);
  }
  unregisterGroup(pgid);
  return left;
}

export async function stopAllGroups() {
  await Promise.all([...groups.keys()].map((g) => stopGroup(g)));
}

/** For the outermost runner: stop groups that inner processes registered and did not stop themselves. */
export async function reapRegisteredGroups(dir) {
  const leaked = [];
  let names = [];
  try { names = fs.readdirSync(dir); } catch { return leaked; }
  for (const name of names) {
    const pgid = Number(name);
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    const label = fs.readFileSync(path.join(dir, name), 'utf8');
    if (groupMembers(pgid).length) {
      leaked.push(`${label} (pgid ${pgid})`);
      groups.set(pgid, label);
      await stopGroup(pgid, 2000);
    }
    fs.rmSync(path.join(dir, name), { force: true });
  }
  return leaked;
}

let cleanupInstalled = false;
const cleanups = [];
let signalExitCode;
/**
 * Runs fn (async, once) on SIGINT/SIGTERM/SIGHUP, then exits (128+signal, or `exitCode` when given);
 * on any exit, SIGKILLs the process groups still registered.
 */
export function onShutdown(fn, { exitCode } = {}) {
  cleanups.push(fn);
  if (exitCode !== undefined) signalExitCode = exitCode;
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  let running = false;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, async () => {
      if (running) return;
      running = true;
      const hard = setTimeout(() => process.exit(code), 8000);
      hard.unref();
      for (const c of [...cleanups].reverse()) { try { await c(sig); } catch { /* keep going */ } }
      await stopAllGroups();
      process.exit(signalExitCode ?? code);
    });
  }
  process.on('exit', () => {
    for (const pgid of groups.keys()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

/**
 * A throwaway code-server profile inside `dir`: user data, extensions, config and XDG folders, so
 * nothing lands in ~/.config or ~/.local and nothing is restored from an earlier run.
 */
export function makeProfile(dir, { userDataDir, extensionsDir, settings } = {}) {
  const p = {
    dir,
    userDataDir: userDataDir ?? path.join(dir, 'user-data'),
    extensionsDir: extensionsDir ?? path.join(dir, 'extensions'),
    config: path.join(dir, 'code-server.yaml'),
    xdg: path.join(dir, 'xdg'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const d of [p.userDataDir, p.extensionsDir, path.join(p.xdg, 'config'), path.join(p.xdg, 'data'), path.join(p.xdg, 'cache')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(p.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const userSettings = path.join(p.userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(userSettings)) {
    fs.mkdirSync(path.dirname(userSettings), { recursive: true });
    fs.writeFileSync(userSettings, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'update.mode': 'none',
      'chat.commandCenter.enabled': false,
      ...settings,
    }, null, 2));
  }
  return p;
}

export function codeServerEnv(profile, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(profile.xdg, 'config'),
    XDG_DATA_HOME: path.join(profile.xdg, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdg, 'cache'),
    EXTENSIONS_GALLERY: '{}', // no Marketplace: no network lookups, no noise
    ...extra,
  };
}

function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** `code-server --install-extension file.vsix` into the profile. */
export async function installExtension(profile, vsix) {
  const r = await runProcess(process.execPath, [codeServerEntry, ...profileArgs(profile), '--install-extension', vsix], { env: codeServerEnv(profile), timeoutMs: 120000 });
  if (r.code !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.code}):\n${r.output}`);
  return r.output;
}

/**
 * Starts code-server on a free loopback port in its own process group and waits for /healthz.
 * Returns { port, origin, pgid, stop(), logTail(), onLine(fn) }.
 */
export async function startCodeServer(profile, { folder, env = {}, port = 0, readyTimeoutMs = 60000 } = {}) {
  const args = [codeServerEntry, ...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'];
  if (folder) args.push(folder);
  const logStream = fs.createWriteStream(profile.log);
  const child = spawn(process.execPath, args, { env: codeServerEnv(profile, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  registerGroup(child.pid, 'code-server');
  const listeners = [];
  let tail = '';
  let exited = null;
  const onData = (chunk) => {
    const s = chunk.toString();
    logStream.write(s);
    tail = (tail + s).slice(-20000);
    for (const line of s.split('\n')) if (line) for (const l of listeners) l(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const stop = async () => {
    const left = await stopGroup(child.pid);
    logStream.end();
    return left;
  };
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not report a port within ${readyTimeoutMs / 1000}s`)), readyTimeoutMs);
      listeners.push((line) => {
        const m = /HTTP server listening on https?:\/\/[^:]+:(\d+)/.exec(line);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
      child.on('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`code-server exited early (${code ?? signal})`)); });
    });
    const origin = `http://127.0.0.1:${port}`;
    const until = Date.now() + readyTimeoutMs;
    for (;;) {
      try { if ((await fetch(`${origin}/healthz`)).ok) break; } catch { /* not yet */ }
      if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal})`);
      if (Date.now() > until) throw new Error(`code-server's /healthz did not answer within ${readyTimeoutMs / 1000}s`);
      await sleep(100);
    }
    return { port, origin, pgid: child.pid, stop, logTail: () => tail, onLine: (fn) => listeners.push(fn), exited: () => exited };
  } catch (e) {
    await stop();
    e.message += `\n--- code-server log (${profile.log}) ---\n${tail.split('\n').slice(-30).join('\n')}`;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

export async function launchChromium(profile) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (looked for /usr/bin/chromium; set DOCKWISE_CHROMIUM to another path). Run: node scripts/e2e/setup.mjs');
  const { chromium } = requireFromE2E('playwright-core');
  const home = path.join(profile.dir, 'browser-home');
  fs.mkdirSync(home, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    // Keeps Chromium's crash reports and dconf out of the real home directory.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    timeout: 60000,
  });
  const pid = browser.process?.()?.pid;
  if (pid) registerGroup(pid, 'chromium');
  return {
    browser,
    async close() {
      await Promise.race([browser.close().catch(() => undefined), sleep(5000)]);
      if (pid) await stopGroup(pid, 1000);
    },
  };
}

/** The workbench URL for a folder, with optional test payload entries ([key, value] pairs). */
export function workbenchUrl(origin, folder, payload) {
  const params = [];
  if (folder) params.push(`folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`);
  if (payload?.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${origin}/?${params.join('&')}`;
}

/** A vscode-remote URI for a path on the code-server machine (puts it in the Node extension host). */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

// ---------------------------------------------------------------------------------------------

/** Runs a command to completion; output captured (stdout+stderr interleaved). Own process group. */
export function runProcess(cmd, args, { env = process.env, cwd = root, timeoutMs = 600000, logFile, echo = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    registerGroup(child.pid, path.basename(cmd));
    const out = logFile ? fs.createWriteStream(logFile) : null;
    let output = '';
    const onData = (d) => { output += d; out?.write(d); if (echo) process.stdout.write(d); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; void stopGroup(child.pid, 2000); }, timeoutMs);
    child.on('error', (e) => { output += String(e); });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      await stopGroup(child.pid, 1000); // anything it left in its group
      out?.end();
      resolve({ code: timedOut ? 124 : code ?? (signal ? 128 : 1), signal, output, timedOut });
    });
  });
}
