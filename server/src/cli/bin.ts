// The `dockwise` command (bundled to dist/cli.js): starts the command itself (dist/cli-main.js, built from
// main.ts) through V8's code cache, which roughly halves the time to lint one file.
import * as path from 'node:path';
import { runWithCompileCache } from '../host/compile-cache';

// A command run is short: V8 would spend more time optimising the shell parser's WASM in the background
// (and waiting for that work at exit) than it saves. Baseline-compiled WASM starts at once.
runWithCompileCache(path.join(__dirname, 'cli-main.js'), ['--liftoff-only']);
