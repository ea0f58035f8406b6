// The `dockwise` command (bundled to dist/cli.js): sets the V8 flags and starts the command itself
// (dist/cli-main.js, built from main.ts) with Node's compile cache where Node has one.
import * as path from 'node:path';
import { runWithCompileCache } from '../host/compile-cache';
import { V8_FLAGS } from '../host/v8-flags';

runWithCompileCache(path.join(__dirname, 'cli-main.js'), V8_FLAGS);
