// Entry point of the `dockwise` command (bundled to dist/cli.js).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { localeOfArgs, runCli } from './run';
import { cliSpeaker } from './strings';

// A command run is short: V8 would spend more time optimising the shell parser's WASM in the background
// (and waiting for that work at exit) than it saves. Baseline-compiled WASM starts at once.
v8.setFlagsFromString('--liftoff-only');

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
