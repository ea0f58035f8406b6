#!/usr/bin/env node
// `npm start`: see Dockwise work in a real VS Code. Builds the extension, packages it, installs it into
// a code-server profile kept in .e2e/start/ (your settings there survive restarts), and opens
// examples/ at a printed http://127.0.0.1:PORT address. Ctrl+C stops everything.
//
//   PORT=8123 npm start     another port (default 8080, or a free one when 8080 is taken)
//   npm start -- some/dir   open another folder instead of examples/
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { installExtension, log, makeProfile, onShutdown, root, runProcess, startCodeServer, workbenchUrl } from './e2e/lib.mjs';
import { ensureE2E, SetupError } from './e2e/setup.mjs';
import { vsce, vsceArgs } from './vsix.mjs';

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false)).once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

async function main() {
  const folder = path.resolve(root, process.argv[2] ?? 'examples');
  if (!fs.existsSync(folder)) throw new Error(`no such folder: ${folder}`);
  try {
    await ensureE2E();
  } catch (e) {
    if (e instanceof SetupError) { console.error(e.message); process.exit(2); }
    throw e;
  }
  log('start', 'building the extension');
  const build = await runProcess(process.execPath, ['scripts/build.mjs'], { echo: true });
  if (build.code !== 0) process.exit(1);
  const profile = makeProfile(path.join(root, '.e2e', 'start'));
  const vsix = path.join(profile.dir, 'dockwise.vsix');
  const pack = await runProcess(process.execPath, [vsce, ...vsceArgs(), '--out', vsix]);
  if (pack.code !== 0) { console.error(pack.output); process.exit(1); }
  await installExtension(profile, vsix);
  log('start', `installed ${path.relative(root, vsix)} into .e2e/start/`);

  const wanted = Number(process.env.PORT) || 8080;
  const port = (await portFree(wanted)) ? wanted : 0;
  const server = await startCodeServer(profile, { folder, port });
  let stopping = false;
  onShutdown(async () => {
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    console.log('Stopped.');
  }, { exitCode: 0 });
  const url = workbenchUrl(server.origin, folder);
  console.log([
    '',
    `  Dockwise is running in VS Code ${'1.100.3'} (code-server), on ${path.relative(root, folder) || '.'}:`,
    '',
    `      ${url}`,
    '',
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
        resolve();
      }
    }, 500);
  });
  process.exit(1);
}

main().catch((e) => { console.error(e?.stack ?? e); process.exit(1); });
