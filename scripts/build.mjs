// Builds everything: type-checks and compiles sources and tests to out/ (for node --test) with `tsc -b`
// over the projects tsconfig.json lists (incremental: only what a change touches is rebuilt), bundles the
// extension, server and CLI to dist/ with esbuild, copies the WASM grammars beside the bundles, and writes
// ThirdPartyNotices.txt from what the bundles contain. It fails, before compiling anything, when a bundle's
// entry file or a package.json entry point is wrong, and afterwards when a file dist/ should hold is missing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundles, outputProblems, planProblems, wasmFiles } from './bundles.mjs';
import { collectPackages, noticeProblems, packageDirOf, renderNotices } from './notices.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
process.chdir(root);

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const fail = (what, problems) => {
  console.error(`build: ${what}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
};
const planned = planProblems(pkg, root);
if (planned.length) fail('the bundles do not match the sources or package.json', planned);

const tsc = require.resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.json'], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error(`build: tsc -b failed (${compiled.status ?? compiled.signal})`);
  process.exit(1);
}

fs.mkdirSync('dist', { recursive: true });
const built = await Promise.all(bundles(pkg.version).map(async (opts) => [opts.outfile, (await esbuild.build({ ...opts, metafile: true })).metafile]));
const wasm = {};
for (const w of wasmFiles) {
  const src = require.resolve(`${w.package}/${w.file}`);
  fs.copyFileSync(src, path.join('dist', w.file));
  wasm[`dist/${w.file}`] = packageDirOf(src, root);
}
const missing = outputProblems(pkg.version, root);
if (missing.length) fail('files missing from dist/', missing);
// The bundles that start with #! are commands (package.json bin).
for (const b of bundles(pkg.version)) if (b.banner?.js?.startsWith('#!')) fs.chmodSync(b.outfile, 0o755);

const packages = collectPackages({ metafiles: Object.fromEntries(built), wasm, cwd: root });
const problems = noticeProblems(packages);
if (problems.length) fail('cannot ship these packages', problems);
fs.writeFileSync('ThirdPartyNotices.txt', renderNotices(packages, { product: 'Dockwise', version: pkg.version }));
