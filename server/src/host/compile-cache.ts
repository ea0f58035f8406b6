// Runs a bundled program (dist/cli-main.js, dist/server-main.js) with Node's compile cache, so that a command
// that lints one file does not spend its life compiling a megabyte of JavaScript. Node 22.1+ keeps V8's code
// between runs (module.enableCompileCache; NODE_COMPILE_CACHE names the folder, NODE_DISABLE_COMPILE_CACHE turns it
// off); on older Node the program simply starts without it.
import Module from 'node:module';
import { setFlagsFromString } from 'node:v8';

/** Runs `mainFile`, a CommonJS bundle, after setting the V8 `flags` it needs (first, as V8 checks them when it reads cached code). */
export function runWithCompileCache(mainFile: string, flags: readonly string[]): void {
  for (const flag of flags) setFlagsFromString(flag);
  (Module as unknown as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  Module.createRequire(mainFile)(mainFile);
}
