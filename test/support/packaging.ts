// Helpers for the tests of what we ship: running npm, packing and installing the npm package as pre-commit
// does, reading a .vsix, copying the repository for a release run, and checking a README's relative links.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as yauzl from 'yauzl';

export const root = path.resolve(__dirname, '../../..');

/** npm, the one that runs `npm test` when there is one. */
export function npm(args: string[], opts: { cwd?: string } = {}): SpawnSyncReturns<string> {
  const cli = process.env.npm_execpath;
  const [cmd, pre] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  return spawnSync(cmd, [...pre, ...args], { cwd: opts.cwd ?? root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** `npm pack` of the built tree into `dir`; the path of the tarball. */
export function pack(dir: string): string {
  const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
  if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
  return path.join(dir, JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0].filename);
}

/** Installs a tarball the way pre-commit's node hooks do (`npm install -g`), offline; its bin folder. */
export function installGlobal(tgz: string, prefix: string): string {
  const r = npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz]);
  if (r.status !== 0) throw new Error(`npm install -g ${tgz} failed:\n${r.stderr}`);
  return path.join(prefix, 'bin');
}

/** Every file in a zip (a .vsix), by its path inside. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Every file in a .tgz (an npm tarball), by its path inside, extracted with tar into `dest`. */
export function readTgz(file: string, dest: string): Map<string, Buffer> {
  fs.mkdirSync(dest, { recursive: true });
  const r = spawnSync('tar', ['-xzf', file, '-C', dest], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar -xzf ${file} failed: ${r.stderr}`);
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dest, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dest);
  return files;
}

/** The repository's files (committed or not, but not ignored) copied to `dest`, with node_modules linked and a fresh git history of one commit. */
export function copyRepo(dest: string): void {
  const ls = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (ls.status !== 0) throw new Error(`git ls-files failed: ${ls.stderr}`);
  for (const rel of ls.stdout.split('\0').filter(Boolean)) {
    if (rel === 'node_modules' || !fs.existsSync(path.join(root, rel))) continue; // a symlinked node_modules; files deleted but not staged
    fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    fs.copyFileSync(path.join(root, rel), path.join(dest, rel));
  }
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(dest, 'node_modules'));
  git(dest, ['-c', 'init.defaultBranch=main', 'init', '-q']);
  fs.appendFileSync(path.join(dest, '.git/info/exclude'), 'node_modules\n');
  git(dest, ['add', '-A']);
  git(dest, ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'copy']);
}

export function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** GitHub's heading anchor for a Markdown heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** The relative links and images of a Markdown text: [target, isImage]. */
export function relativeLinks(md: string): { target: string; image: boolean }[] {
  const text = md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, ''); // code is not a link
  const found: { target: string; image: boolean }[] = [];
  for (const m of text.matchAll(/(!?)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: m[2], image: m[1] === '!' });
  for (const m of text.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) found.push({ target: m[1], image: true });
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) found.push({ target: m[1], image: false });
  return found.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target) && !l.target.startsWith('#') && !l.target.startsWith('//'));
}

/**
 * The README's relative links and images whose target is not in the package: `files` holds the package's
 * paths relative to its root (the README's folder). A link to a folder needs a file below it; a link to a
 * Markdown heading needs that heading.
 */
export function brokenLinks(readme: string, files: Map<string, Buffer>): string[] {
  const broken: string[] = [];
  for (const { target } of relativeLinks(readme)) {
    const [file, anchor] = decodeURI(target).split('#');
    const rel = path.posix.normalize(file).replace(/\/$/, '');
    if (rel.startsWith('..')) { broken.push(`${target} (outside the package)`); continue; }
    const isDir = [...files.keys()].some((f) => f.startsWith(`${rel}/`));
    if (!files.has(rel) && !isDir) { broken.push(target); continue; }
    if (anchor && rel.endsWith('.md')) {
      const headings = [...files.get(rel)!.toString('utf8').matchAll(/^#{1,6}\s+(.*)$/gm)].map((m) => slug(m[1]));
      if (!headings.includes(anchor)) broken.push(`${target} (no such heading)`);
    }
  }
  return broken;
}
