// Makes the .vsix, for `npm run package`, the release and the editor tests, the same way each time. README
// links stay relative: they point at files the .vsix ships (docs/, the screenshots), which VS Code's own
// extension page shows. The Marketplace and Open VSX web pages need absolute ones: given the public home's base
// URLs (`baseContentUrl` for links, `baseImagesUrl` for images), vsce rewrites the relative links under them.
// vsce must neither warn nor ask: a warning fails the run.
//
// Usage: node scripts/vsix.mjs --out FILE [--base-content-url URL --base-images-url URL]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
const BASE_ARGS = ['package', '--no-dependencies', '--allow-missing-repository'];

/** vsce's arguments: relative README links kept, or rewritten under both base URLs when they are given. */
export function vsceArgs({ baseContentUrl, baseImagesUrl } = {}) {
  if (!baseContentUrl !== !baseImagesUrl) throw new Error('give both --base-content-url and --base-images-url, or neither');
  for (const url of [baseContentUrl, baseImagesUrl]) if (url && !/^https:\/\/[^\s/]+\/\S*$/.test(url)) throw new Error(`${url} is not an https:// URL`);
  return baseContentUrl
    ? [...BASE_ARGS, '--baseContentUrl', baseContentUrl, '--baseImagesUrl', baseImagesUrl]
    : [...BASE_ARGS, '--no-rewrite-relative-links'];
}

/** Runs vsce in `cwd`; `warnings` are the lines vsce flags as WARNING (a prompt also counts). */
export function packageVsix(out, { cwd = root, baseContentUrl, baseImagesUrl } = {}) {
  // stdin closed: a question from vsce reads end-of-file and aborts instead of hanging.
  const args = vsceArgs({ baseContentUrl, baseImagesUrl });
  const r = spawnSync(process.execPath, [vsce, ...args, '--out', out], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const warnings = output.split('\n').filter((l) => /\bWARNING\b|\[y\/N\]/.test(l));
  return { ok: r.status === 0 && !warnings.length, status: r.status, output, warnings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = path.resolve(option('--out') ?? 'dockwise.vsix');
  let r;
  try {
    r = packageVsix(out, { baseContentUrl: option('--base-content-url'), baseImagesUrl: option('--base-images-url') });
  } catch (e) {
    console.error(`vsix: ${e.message}`);
    process.exit(2);
  }
  process.stdout.write(r.output);
  if (r.warnings.length) console.error(`vsix: vsce warned; fix the cause:\n  ${r.warnings.join('\n  ')}`);
  process.exit(r.ok ? 0 : 1);
}
