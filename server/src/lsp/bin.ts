// The language server's entry (bundled to dist/server.js, the dockwise-language-server command): starts the
// server itself (dist/server-main.js, built from main.ts) through V8's code cache.
import * as path from 'node:path';
import { runWithCompileCache } from '../host/compile-cache';

runWithCompileCache(path.join(__dirname, 'server-main.js'), [
  // The shell grammar (tree-sitter's WASM) stays on V8's baseline compiler. By default V8 recompiles its hot
  // functions with the optimizing compiler on background threads; the grammar's lexer and parser are a few huge
  // functions, and compiling them took about 0.5 s of CPU in the first seconds after a document opened, on the
  // cores the editor and the server's own keystrokes need (measured: open -> diagnostics and keystroke latency
  // both improve, the lint's own time does not change).
  '--liftoff-only',
  // Likewise V8's optimizing compiler inlines nothing into the server's own functions. The lint's hot functions
  // are large and called from many places; inlining into them made each optimization slow to compile (up to
  // 80 ms of background CPU for the model's constructor, several times over as inputs change) for no measurable
  // gain in the lint itself. Measured on the bench files: background CPU halved, keystroke p95 20-35% lower.
  '--no-turbo-inlining',
]);
