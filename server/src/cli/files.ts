// Which files the command lints: explicit files, folders searched for Dockerfiles, simple globs, and stdin.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../engine/i18n/locale';
import { cliSpeaker, type CliSpeaker } from './strings';

const DOCKERFILE = /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|dockerfile)$/;
const SKIP = new Set(['.git', 'node_modules']);

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE.test(name);
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries.sort((x, y) => x.name.localeCompare(y.name))) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && isDockerfileName(e.name)) out.push(p);
  }
}

/** Every Dockerfile below `dir`, skipping .git and node_modules. */
export function findDockerfiles(dir: string): string[] {
  const out: string[] = [];
  walk(dir, out);
  return out;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob such as `services/**\/Dockerfile*`, searched from its fixed prefix. */
export function expandGlob(glob: string): string[] {
  const parts = glob.split('/');
  const firstMagic = parts.findIndex((p) => /[*?]/.test(p));
  const base = parts.slice(0, firstMagic).join('/') || '.';
  const re = globToRegExp(path.normalize(glob));
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((x, y) => x.name.localeCompare(y.name))) {
      if (SKIP.has(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && re.test(path.normalize(p))) out.push(p);
    }
  };
  visit(base);
  return out;
}

/** The text, or why there is none: in `locale`, and by id (the same in every language, for fingerprints). */
export type ReadResult = { text: string; bom: boolean } | { error: string; errorId: FileErrorId };
type FileErrorId = 'cli.files.empty' | 'cli.files.binary' | 'cli.files.notUtf8';

/** Reads a Dockerfile as text, refusing binary, empty and non-UTF-8 content with a clear reason (in `locale`). */
export function decodeDockerfile(bytes: Buffer, locale: Locale = 'en'): ReadResult {
  const t = cliSpeaker(locale);
  const refuse = (errorId: FileErrorId) => ({ error: t(errorId), errorId });
  if (bytes.length === 0) return refuse('cli.files.empty');
  if (bytes.subarray(0, 8192).includes(0)) return refuse('cli.files.binary');
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch { return refuse('cli.files.notUtf8'); }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (!text.trim()) return refuse('cli.files.empty');
  return { text, bom };
}

/** A file the command reads: `file` is its path on disk; none: standard input. `display` is how messages name it. */
export interface Target { display: string; file?: string }

/**
 * The files that `paths` name (files, folders searched for Dockerfiles, simple globs, `-` for standard input; none:
 * every Dockerfile below the current folder), with a message on stderr for each path that names nothing.
 * Undefined when no paths were given and none were found (a usage error); `usageProblem`: some path named nothing.
 */
export function resolveTargets(paths: readonly string[], io: { cwd: string; stderr(s: string): void }, stdinFilename: string | undefined, t: CliSpeaker): { targets: Target[]; usageProblem: boolean } | undefined {
  const targets: Target[] = [];
  let usageProblem = false;
  const complain = (message: string) => io.stderr(`dockwise: ${message}\n`);
  if (!paths.length) {
    for (const f of findDockerfiles(io.cwd)) targets.push({ display: path.relative(io.cwd, f) || f, file: f });
    if (!targets.length) { complain(t('cli.files.noDockerfiles')); return undefined; }
  }
  for (const p of paths) {
    if (p === '-') { targets.push({ display: stdinFilename ?? '<stdin>' }); continue; }
    const abs = path.resolve(io.cwd, p);
    if (/[*?]/.test(p) && !fs.existsSync(abs)) {
      const matches = expandGlob(path.isAbsolute(p) ? p : path.join(io.cwd, p));
      if (!matches.length) { complain(t('cli.files.noMatch', { path: p })); usageProblem = true; }
      for (const f of matches) targets.push({ display: path.relative(io.cwd, f), file: f });
      continue;
    }
    let stat: fs.Stats;
    try { stat = fs.statSync(abs); } catch { complain(t('cli.files.noSuchPath', { path: p })); usageProblem = true; continue; }
    if (stat.isDirectory()) {
      const found = findDockerfiles(abs);
      if (!found.length) complain(t('cli.files.noDockerfilesIn', { path: p }));
      for (const f of found) targets.push({ display: path.relative(io.cwd, f), file: f });
    } else if (stat.isFile()) targets.push({ display: p, file: abs });
    else { complain(t('cli.files.notAFile', { path: p })); usageProblem = true; }
  }
  return { targets, usageProblem };
}

/** A target's bytes (standard input for `-`), or undefined after saying why it cannot be read. */
export function readTarget(target: Target, io: { stderr(s: string): void; readStdin(): Buffer }, t: CliSpeaker): Buffer | undefined {
  try {
    return target.file ? fs.readFileSync(target.file) : io.readStdin();
  } catch (e) {
    io.stderr(`dockwise: ${t('cli.files.cannotRead', { path: target.display, error: (e as Error).message })}\n`);
    return undefined;
  }
}
