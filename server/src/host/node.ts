// The Node host: the disk, the user's config folder, the WASM files beside the bundle (or in node_modules when
// run from out/), and ShellCheck as a child process. The command and the desktop language server use it.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initShellParser } from '../engine/model/shell';
import { runShellcheck as runShellcheckWith, type ShellcheckOptions, type ShellcheckRunner } from '../engine/shellcheck';
import type { DockerfileModel } from '../engine/model/dockerfile';
import type { Finding } from '../engine/types';
import { createRegistryClient } from './node/registry';
import type { FileStamp, FolderEntry, Host, HostFileSystem, ReadResult } from '../workspace/host';

/** The file: URI of a path. */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

/** The path of a file: URI, or undefined for other schemes. */
export function uriPath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri) : undefined; } catch { return undefined; }
}

function openForReading(file: string): number | { error: string; missing?: boolean } {
  // Most files asked for are not there (a .dockerignore, devcontainer.json): a stat says so without the cost of
  // an exception, which an open that fails would throw.
  if (!fs.statSync(file, { throwIfNoEntry: false })) return { error: `no such file: ${file}`, missing: true };
  // Without blocking: a FIFO from an untrusted checkout would otherwise hang the reader forever.
  try { return fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)); } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Reads a text file that may come from an untrusted checkout: a regular file only (a FIFO would block the
 * reader forever, a link to /dev/zero never ends, and both report size 0), opened without blocking, and
 * refused when larger than `maxBytes`.
 */
function readTextFile(file: string, maxBytes: number): ReadResult {
  const fd = openForReading(file);
  if (typeof fd !== 'number') return fd;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { error: 'not a regular file' };
    if (stat.size > maxBytes) return { error: `larger than ${Math.round(maxBytes / 1024)} KB`, tooLarge: true };
    const buf = Buffer.alloc(stat.size);
    let n = 0;
    for (let r = 1; n < buf.length && r > 0; n += r) r = fs.readSync(fd, buf, n, buf.length - n, null);
    return { text: buf.toString('utf8', 0, n) };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}

function readHead(file: string, length: number): Uint8Array | undefined {
  const fd = openForReading(file);
  if (typeof fd !== 'number') return undefined;
  try {
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(length);
    let n = 0;
    for (let r = 1; n < length && r > 0; n += r) r = fs.readSync(fd, buf, n, length - n, null);
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function isFile(file: string): boolean {
  try { return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false; } catch { return false; }
}

const sync: NonNullable<HostFileSystem['sync']> = {
  read: (uri, maxBytes) => { const p = uriPath(uri); return p ? readTextFile(p, maxBytes) : { error: 'not a file: URI', missing: true }; },
  isFile: (uri) => { const p = uriPath(uri); return !!p && isFile(p); },
  readHead: (uri, length) => { const p = uriPath(uri); return p ? readHead(p, length) : undefined; },
};

/** A folder's files and folders; a link counts as the file it leads to, and a link to a folder is left out (it may loop). */
async function listFolder(uri: string): Promise<FolderEntry[] | undefined> {
  const dir = uriPath(uri);
  if (!dir) return undefined;
  let entries: fs.Dirent[];
  try { entries = await fs.promises.readdir(dir, { withFileTypes: true }); } catch { return undefined; }
  const out: FolderEntry[] = [];
  for (const e of entries) {
    if (e.isDirectory()) out.push({ name: e.name, folder: true });
    else if (e.isFile() || (e.isSymbolicLink() && (await fs.promises.stat(path.join(dir, e.name)).catch(() => undefined))?.isFile())) out.push({ name: e.name, folder: false });
  }
  return out;
}

async function fileStamp(uri: string): Promise<FileStamp | undefined> {
  const file = uriPath(uri);
  const stat = file ? await fs.promises.stat(file).catch(() => undefined) : undefined;
  return stat?.isFile() ? { size: stat.size, mtime: stat.mtimeMs } : undefined;
}

const nodeFs: HostFileSystem = {
  read: async (uri, maxBytes) => sync.read(uri, maxBytes),
  isFile: async (uri) => sync.isFile(uri),
  readHead: async (uri, length) => sync.readHead(uri, length),
  list: listFolder,
  stamp: fileStamp,
  sync,
};

function userConfigUris(): string[] {
  const home = os.homedir();
  const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [
    path.join(xdg, 'dockwise', 'config.yaml'), path.join(xdg, 'dockwise.yaml'),
    path.join(xdg, 'hadolint.yaml'), path.join(xdg, 'hadolint.yml'),
    path.join(home, '.hadolint', 'hadolint.yaml'), path.join(home, '.hadolint.yaml'), path.join(home, '.hadolint.yml'),
  ].map(fileUri);
}

/** The WASM files: beside the bundle (dist/), else in node_modules (tests and scripts run from out/). */
function shellParserWasm(): { runtime: string; grammar: string } {
  const find = (file: string, packageFile: string) => {
    // Beside the bundle first: resolving the package costs a few milliseconds of every start.
    if (fs.existsSync(path.join(__dirname, file))) return path.join(__dirname, file);
    const dirs = [__dirname];
    try { dirs.push(path.dirname(require.resolve(packageFile))); } catch { /* not installed: the bundle's folder only */ }
    for (const dir of dirs) if (fs.existsSync(path.join(dir, file))) return path.join(dir, file);
    throw new Error(`cannot find ${file} (looked in ${dirs.join(', ')})`);
  };
  return { runtime: find('web-tree-sitter.wasm', 'web-tree-sitter'), grammar: find('tree-sitter-bash.wasm', 'tree-sitter-bash/package.json') };
}

/** Loads the shell grammar from where the Node host keeps it. */
export function initNodeShellParser(): Promise<void> {
  return initShellParser(shellParserWasm());
}

const runners = new Map<string, ShellcheckRunner>();

/** ShellCheck as a child process (`executable` on the PATH or a path); whether it starts is asked once per executable. */
function shellcheckRunner(executable = 'shellcheck'): ShellcheckRunner {
  let runner = runners.get(executable);
  if (runner) return runner;
  let available: Promise<boolean> | undefined;
  runner = {
    id: executable,
    available: () => available ??= new Promise((resolve) => { execFile(executable, ['--version'], { timeout: 5000 }, (error) => resolve(!error)); }),
    run: (args, input, timeoutMs) => new Promise((resolve) => {
      const child = execFile(executable, args, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve(error && !stdout ? undefined : stdout));
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    }),
  };
  runners.set(executable, runner);
  return runner;
}

/** Whether ShellCheck can be started. */
export function shellcheckAvailable(executable = 'shellcheck'): Promise<boolean> {
  return shellcheckRunner(executable).available();
}

/** ShellCheck's findings on every shell-form RUN script; nothing when it is not installed. */
export function runShellcheck(model: DockerfileModel, options: ShellcheckOptions & { executable?: string } = {}): Promise<Finding[]> {
  return runShellcheckWith(model, shellcheckRunner(options.executable), options);
}

export const nodeHost: Host = {
  fs: nodeFs,
  userConfigUris,
  shellParserWasm,
  shellcheck: { available: () => shellcheckAvailable(), run: (model, locale) => runShellcheck(model, { locale }) },
  displayName: (uri) => uriPath(uri) ?? uri,
  pathUri: fileUri,
  // One cache of digests for the process: lenses are resolved on every redraw.
  registry: createRegistryClient(),
  environment: () => Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
};

/** docs/rules of the package this file belongs to (the first folder upwards with a package.json), as a URI. */
export function findRulePagesUri(from: string = __dirname): string | undefined {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
    const pages = path.join(dir, 'docs', 'rules');
    return fs.existsSync(pages) ? fileUri(pages) : undefined;
  }
  return undefined;
}
