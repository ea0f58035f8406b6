// The language server's entry (bundled to dist/server.js, the dockwise-language-server command): sets the V8
// flags and starts the server itself (dist/server-main.js, built from main.ts) with Node's compile cache where
// Node has one.
import * as path from 'node:path';
import { runWithCompileCache } from '../host/compile-cache';
import { V8_FLAGS } from '../host/v8-flags';

runWithCompileCache(path.join(__dirname, 'server-main.js'), V8_FLAGS);
