#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's
// `runTests({ vscodeExecutablePath: <this file> })` (and @vscode/test-cli's useInstallation.fromPath).
//
// It accepts the arguments those tools pass (a workspace folder, --extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=; Electron flags are ignored), starts
// code-server 4.100.3 (VS Code 1.100.3, installed by setup.mjs into .e2e/) in a throwaway profile and
// its own process group, and opens the workbench in headless Chromium with the development extension
// and the test runner in the URL payload as vscode-remote:// URIs, so both load in code-server's Node
// extension host. The workbench calls window.codeAutomationExit(code) when the runner's promise
// settles; that code becomes this process's exit code. The extension host's console (mocha's report)
// is printed here. Environment variables reach the extension host through code-server.
//
//   DOCKWISE_E2E_TIMEOUT   seconds for the whole session (default 300): a hung workbench fails, exit 124
//   DOCKWISE_E2E_ARTIFACTS folder for the failure screenshot and logs (default .e2e/artifacts/suite)
import fs from 'node:fs';
import { format } from 'node:util';
import path from 'node:path';
import {
  e2eDir, launchChromium, log, makeProfile, makeTempDir, onShutdown, remoteUri, removeDir, seconds, startCodeServer, stopAllGroups, workbenchUrl,
} from './lib.mjs';

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);

export function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, paths: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { out.paths.push(path.resolve(a)); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!VALUE_FLAGS.has(name)) { out.ignored.push(a); continue; }
    const value = path.resolve(eq < 0 ? argv[++i] ?? '' : a.slice(eq + 1));
    if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(value);
    else if (name === 'extensionTestsPath') out.extensionTestsPath = value;
    else if (name === 'user-data-dir') out.userDataDir = value;
    else out.extensionsDir = value;
  }
  return out;
}

// The workbench's own log lines that reach the page console; everything else at info level is what
// the extension host printed (mocha's report), forwarded by the workbench's log service.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host \(|Settings Sync|\[perf\]|Loading development extension|Overwriting extension|An iframe which has|The web worker extension host|Found unexpected service worker controller)/;

/**
 * Console messages come as ('%c INFO', 'color: …', format, ...args) from the workbench's log service;
 * returns { level, text } with the format applied, or the plain text for other messages.
 */
async function consoleEntry(msg) {
  const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => a.toString())));
  const m = typeof values[0] === 'string' ? /^%c\s*(\w+)$/.exec(values[0]) : null;
  if (m && typeof values[1] === 'string') return { level: m[1], text: format(...values.slice(2)) };
  return { level: msg.type() === 'error' ? 'ERR' : msg.type() === 'warning' ? 'WARN' : 'INFO', text: values.length ? format(...values) : msg.text() };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (process.argv.includes('--version')) { console.log('1.100.3\ncode-server 4.100.3 stand-in'); return 0; }
  if (!args.extensionTestsPath) {
    console.error('code-server-as-vscode: --extensionTestsPath is required (this stand-in only runs extension tests)');
    return 2;
  }
  const timeoutS = seconds('DOCKWISE_E2E_TIMEOUT', 300);
  const artifacts = process.env.DOCKWISE_E2E_ARTIFACTS ?? path.join(e2eDir, 'artifacts', 'suite');
  fs.mkdirSync(artifacts, { recursive: true });
  const ownProfile = !args.userDataDir;
  const profile = makeProfile(args.userDataDir ?? makeTempDir('dockwise-vscode-'), { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
  const workspace = args.paths[0];

  let server;
  let chrome;
  let cleaned;
  const cleanup = () => (cleaned ??= (async () => {
    await chrome?.close();
    const left = await server?.stop();
    if (left?.length) log('vscode', `code-server's process group needed SIGKILL (pids ${left.join(' ')})`);
    fs.copyFileSync(profile.log, path.join(artifacts, 'code-server.log'));
    if (ownProfile) removeDir(profile.dir);
  })());
  onShutdown(cleanup);

  try {
    server = await startCodeServer(profile, { folder: workspace });
    log('vscode', `code-server ${server.origin} (pgid ${server.pgid})`);
    chrome = await launchChromium(profile);
    const page = await chrome.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbenchErrors = [];
    const exitCode = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve({ code: Number(code) }));
      setTimeout(() => resolve({ timeout: true }), timeoutS * 1000).unref();
      server.onLine((line) => {
        // The extension host died before the runner reported: no point waiting for the timeout.
        if (/Extension Host Process exited with (code|signal): (?!0\b)/.test(line)) setTimeout(() => resolve({ crashed: line }), 5000).unref();
      });
      page.on('crash', () => resolve({ crashed: 'the browser page crashed' }));
    });
    let printing = Promise.resolve(); // console entries are resolved asynchronously: keep their order
    page.on('console', (msg) => {
      printing = printing.then(async () => {
        const { level, text } = await consoleEntry(msg);
        if (level === 'INFO' && !WORKBENCH_NOISE.test(text)) console.log(text);
        else if (level === 'ERR' || level === 'WARN') workbenchErrors.push(`${level} ${text}`);
      }).catch(() => undefined);
    });
    page.on('pageerror', (e) => workbenchErrors.push(`pageerror: ${e.message}`));
    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remoteUri(server.port, p)]),
      ['extensionTestsPath', remoteUri(server.port, args.extensionTestsPath)],
    ];
    await page.goto(workbenchUrl(server.origin, workspace, payload));
    log('vscode', `workbench opened; waiting for the tests (at most ${timeoutS}s)`);
    const result = await exitCode;
    await Promise.race([printing, new Promise((r) => setTimeout(r, 2000))]);
    if ('code' in result) {
      log('vscode', `tests finished, exit code ${result.code}`);
      return result.code;
    }
    const shot = path.join(artifacts, 'timeout.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(result.timeout
      ? `code-server-as-vscode: no result after ${timeoutS}s (DOCKWISE_E2E_TIMEOUT): the workbench or the tests hung. Screenshot: ${shot}`
      : `code-server-as-vscode: ${result.crashed}. Screenshot: ${shot}`);
    console.error(`--- workbench errors ---\n${workbenchErrors.slice(-20).join('\n') || '(none)'}`);
    console.error(`--- code-server log (tail) ---\n${server.logTail().split('\n').slice(-30).join('\n')}`);
    return result.timeout ? 124 : 1;
  } catch (e) {
    console.error(`code-server-as-vscode: ${e?.stack ?? e}`);
    return 1;
  } finally {
    await cleanup().catch((e) => console.error(`cleanup: ${e}`));
    await stopAllGroups();
  }
}

process.exit(await main());
