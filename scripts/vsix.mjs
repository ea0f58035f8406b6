// Makes the .vsix, for `npm run package`, the release and the editor tests, the same way each time. README
// links stay relative: they point at files the .vsix ships (docs/, the screenshots), and there is no public
// repository to rewrite them to. vsce must neither warn nor ask: a warning fails the run.
//
// Usage: node scripts/vsix.mjs --out FILE
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
export const VSCE_ARGS = ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository'];

/** Runs vsce in `cwd`; `warnings` are the lines vsce flags as WARNING (a prompt also counts). */
export function packageVsix(out, { cwd = root } = {}) {
  // stdin closed: a question from vsce reads end-of-file and aborts instead of hanging.
  const r = spawnSync(process.execPath, [vsce, ...VSCE_ARGS, '--out', out], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const warnings = output.split('\n').filter((l) => /\bWARNING\b|\[y\/N\]/.test(l));
  return { ok: r.status === 0 && !warnings.length, status: r.status, output, warnings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = path.resolve(i > 0 ? process.argv[i + 1] : 'dockwise.vsix');
  const r = packageVsix(out);
  process.stdout.write(r.output);
  if (r.warnings.length) console.error(`vsix: vsce warned; fix the cause:\n  ${r.warnings.join('\n  ')}`);
  process.exit(r.ok ? 0 : 1);
}
