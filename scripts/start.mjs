#!/usr/bin/env node
// `npm start`: see Dockwise work in a real VS Code. Builds the extension, packages it, installs it into
// a code-server profile kept in .e2e/start/ (your settings there survive restarts), and opens a copy of
// examples/ in a temporary folder at a printed http://127.0.0.1:PORT address: quick fixes you save change
// the copy, never the repository, and no Git prompt asks about the repository around it. Ctrl+C stops
// everything and removes the copy.
//
//   PORT=8123 npm start     another port (default 8080, or a free one when 8080 is taken)
//   npm start -- some/dir   open another folder instead of examples/ (copied too when it is inside the
//                           repository; a folder outside it opens as it is)
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installExtension, log, makeProfile, onShutdown, removeDir, root, runProcess, startCodeServer, workbenchUrl } from './e2e/lib.mjs';
import { ensureE2E, SetupError } from './e2e/setup.mjs';
import { vsce, vsceArgs } from './vsix.mjs';

/** User settings `npm start` needs in its profile: the copy it opens is no Git repository of ours to offer. */
export const START_SETTINGS = { 'git.openRepositoryInParentFolders': 'never' };

/**
 * Adds START_SETTINGS that the profile's settings.json lacks, keeping what is there (your own value wins).
 * A settings.json that is not plain JSON (VS Code allows comments) is left alone: the returned message says
 * what to add by hand.
 */
export function ensureSettings(settingsFile, wanted = START_SETTINGS) {
  let current = {};
  if (fs.existsSync(settingsFile)) {
    try {
      current = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch {
      return `${settingsFile} is not plain JSON, so it was left as it is; add ${JSON.stringify(wanted)} to it to keep Git from asking about parent folders`;
    }
    if (!current || typeof current !== 'object' || Array.isArray(current)) return `${settingsFile} holds no settings object; left as it is`;
  }
  const missing = Object.entries(wanted).filter(([k]) => !(k in current));
  if (!missing.length) return undefined;
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, `${JSON.stringify({ ...current, ...Object.fromEntries(missing) }, null, 2)}\n`);
  return undefined;
}

// Never copied: Git's data and installed packages anywhere, the build's output at the top (npm start -- .).
const SKIP_ANYWHERE = new Set(['.git', 'node_modules']);
const SKIP_AT_TOP = new Set(['.e2e', 'out', 'dist']);

/**
 * The folder to open: a folder inside the repository is copied to a new temporary folder (outside any Git
 * repository) and the copy is opened; one outside it opens as it is. `remove` deletes the copy.
 */
export function workFolder(requested, { repo = root, tmp = os.tmpdir() } = {}) {
  const rel = path.relative(repo, requested);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { folder: requested, copied: false, remove: () => undefined };
  const dir = fs.mkdtempSync(path.join(tmp, 'dockwise-start-'));
  const folder = path.join(dir, path.basename(requested));
  const skip = (src) => SKIP_ANYWHERE.has(path.basename(src)) || (path.dirname(src) === requested && SKIP_AT_TOP.has(path.basename(src)));
  fs.cpSync(requested, folder, { recursive: true, filter: (src) => src === requested || !skip(src) });
  return { folder, copied: true, remove: () => removeDir(dir) };
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false)).once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

async function main() {
  const requested = path.resolve(root, process.argv[2] ?? 'examples');
  if (!fs.existsSync(requested) || !fs.statSync(requested).isDirectory()) {
    console.error(`npm start: no such folder: ${requested}`);
    process.exit(2);
  }
  try {
    await ensureE2E();
  } catch (e) {
    if (e instanceof SetupError) { console.error(e.message); process.exit(2); }
    throw e;
  }
  log('start', 'building the extension');
  const build = await runProcess(process.execPath, ['scripts/build.mjs'], { echo: true });
  if (build.code !== 0) process.exit(1);
  const profile = makeProfile(path.join(root, '.e2e', 'start'), { settings: START_SETTINGS });
  // makeProfile writes settings only into a new profile; one from an earlier start gets what it lacks.
  const note = ensureSettings(path.join(profile.userDataDir, 'User', 'settings.json'));
  if (note) log('start', note);
  const vsix = path.join(profile.dir, 'dockwise.vsix');
  const pack = await runProcess(process.execPath, [vsce, ...vsceArgs(), '--out', vsix]);
  if (pack.code !== 0) { console.error(pack.output); process.exit(1); }
  await installExtension(profile, vsix);
  log('start', `installed ${path.relative(root, vsix)} into .e2e/start/`);

  const wanted = Number(process.env.PORT) || 8080;
  const port = (await portFree(wanted)) ? wanted : 0;
  const work = workFolder(requested);
  const folder = work.folder;
  let server;
  try {
    server = await startCodeServer(profile, { folder, port });
  } catch (e) {
    work.remove();
    throw e;
  }
  let stopping = false;
  onShutdown(async () => {
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    work.remove();
    console.log('Stopped.');
  }, { exitCode: 0 });
  const url = workbenchUrl(server.origin, folder);
  console.log([
    '',
    `  Dockwise is running in VS Code ${'1.100.3'} (code-server), on ${work.copied ? `a copy of ${path.relative(root, requested) || '.'}/ in ${folder}` : folder}:`,
    '',
    `      ${url}`,
    '',
    ...(work.copied ? ['  Fixes you save change only the copy; it is removed when you stop.', ''] : []),
    '  Open a Dockerfile: squiggles, hover, Ctrl+. for quick fixes, the Problems panel (Ctrl+Shift+M).',
    `  code-server's log: ${path.relative(root, profile.log)}. Press Ctrl+C to stop.`,
    '',
  ].join('\n'));
  // Stay up until Ctrl+C; if code-server dies on its own, say so and exit.
  await new Promise((resolve) => {
    const t = setInterval(() => {
      const exited = server.exited();
      if (exited && !stopping) {
        clearInterval(t);
        console.error(`code-server exited (${exited.code ?? exited.signal}); see ${profile.log}`);
        work.remove();
        resolve();
      }
    }, 500);
  });
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e?.stack ?? e); process.exit(1); });
}
