// The `dockwise` command (bundled to dist/cli.js): starts the command itself (dist/cli-main.js, built from
// main.ts) through V8's code cache, which roughly halves the time to lint one file.
import * as path from 'node:path';
import { runWithCompileCache } from '../host/compile-cache';
import { V8_FLAGS } from '../host/v8-flags';

runWithCompileCache(path.join(__dirname, 'cli-main.js'), V8_FLAGS);
