// The `dockwise` command (bundled to dist/cli-main.js, started by dist/cli.js: see bin.ts; its V8 flags are in host/v8-flags.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localeOfArgs, runCli } from './run';
import { cliSpeaker } from './strings';

declare const DOCKWISE_VERSION: string | undefined;

function version(): string {
  if (typeof DOCKWISE_VERSION === 'string') return DOCKWISE_VERSION;
  // Unbundled (out/): read it from the package manifest.
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

// A reader that stops early (`dockwise --list-rules | head`) closes the pipe: nothing more to say, and no crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => fs.readFileSync(0),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
}, version()).then((code) => { process.exitCode = code; }, (e: unknown) => {
  const t = cliSpeaker(localeOfArgs(process.argv.slice(2), process.env));
  process.stderr.write(`dockwise: ${t('cli.unexpectedError', { error: String((e as Error)?.stack ?? e) })}\n`);
  process.exitCode = 2;
});
