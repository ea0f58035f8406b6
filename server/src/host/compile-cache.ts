// Runs a bundled program (dist/cli-main.js, dist/server-main.js) with V8's code cache, so a command that lints
// one file does not spend most of its life compiling a megabyte of JavaScript.
//
// Node 22.1+ has this built in (module.enableCompileCache). On Node 20 the bundle is compiled with vm.Script and
// the cache V8 produces after the run (it then holds every function the run compiled, not only the top level)
// is written beside the next run: in a folder of this user's only, one file per program, named by a hash of the
// program's text, Node's version and the V8 flags, so a stale cache is never even read. V8 checks the data again
// and rejects what does not fit; a rejected or broken cache only costs the compile it would have saved.
// Node's own switches apply: NODE_DISABLE_COMPILE_CACHE turns it off, NODE_COMPILE_CACHE names the folder.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

interface ModuleInternals {
  filename: string;
  paths: string[];
  exports: unknown;
  loaded: boolean;
}
const ModuleClass = Module as unknown as {
  new (id: string, parent?: unknown): ModuleInternals;
  wrap(source: string): string;
  _nodeModulePaths(dir: string): string[];
  enableCompileCache?: (dir?: string) => unknown;
};

/**
 * Runs `mainFile`, a CommonJS bundle, as Node would run it with `require`, through the code cache. `flags`
 * are V8 flags the program needs; they are set first, as V8 checks them when it reads a cache.
 */
export function runWithCompileCache(mainFile: string, flags: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  for (const flag of flags) setFlagsFromString(flag);
  const load = () => Module.createRequire(mainFile)(mainFile);
  if (env.NODE_DISABLE_COMPILE_CACHE) { load(); return; }
  if (typeof ModuleClass.enableCompileCache === 'function') {
    ModuleClass.enableCompileCache();
    load();
    return;
  }
  const source = fs.readFileSync(mainFile, 'utf8');
  const dir = cacheFolder(env);
  const cacheFile = dir && path.join(dir, `${path.basename(mainFile)}-${cacheKey(source, flags)}.v8cache`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try { cachedData = fs.readFileSync(cacheFile); } catch { /* first run */ }
  }
  // A `#!` line is no JavaScript: blanked, so positions in stack traces stay those of the file.
  const script = new Script(ModuleClass.wrap(source.replace(/^#!.*/, (line) => ' '.repeat(line.length))), { filename: mainFile, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(script, cacheFile));
  const module = new ModuleClass(mainFile, null);
  module.filename = mainFile;
  module.paths = ModuleClass._nodeModulePaths(path.dirname(mainFile));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, Module.createRequire(mainFile), module, mainFile, path.dirname(mainFile));
  module.loaded = true;
}

/** What the cached code depends on: the program's text, the Node (and so V8) that compiled it, the flags. */
export function cacheKey(source: string, flags: readonly string[]): string {
  return createHash('sha256').update(source).update('\0').update(process.version).update(process.arch).update('\0').update(flags.join(' ')).digest('hex').slice(0, 24);
}

/**
 * The folder for cache files: NODE_COMPILE_CACHE, or one in the temporary folder that only this user can
 * write (on a shared machine, code another user could plant would run as this one). Undefined when there is
 * no such folder to be had.
 */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  try {
    if (env.NODE_COMPILE_CACHE) {
      fs.mkdirSync(env.NODE_COMPILE_CACHE, { recursive: true });
      return env.NODE_COMPILE_CACHE;
    }
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = path.join(os.tmpdir(), uid === undefined ? 'dockwise-compile-cache' : `dockwise-compile-cache-${uid}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (uid !== undefined) {
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o022) !== 0) return undefined;
    }
    return dir;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (two runs at once must not leave half a file), and drops older ones of the same program. */
function writeCache(script: Script, cacheFile: string): void {
  try {
    const data = script.createCachedData();
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, cacheFile);
    const dir = path.dirname(cacheFile);
    const program = path.basename(cacheFile).replace(/-[0-9a-f]+\.v8cache$/, '-');
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(program) && name.endsWith('.v8cache') && name !== path.basename(cacheFile)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // A cache that cannot be written is a slower next run, nothing more.
  }
}
