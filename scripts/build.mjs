// Builds everything: type-checks and compiles sources and tests to out/ (for node --test), bundles the
// extension, server and CLI to dist/ with esbuild, and copies the WASM grammars beside the bundles.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
process.chdir(root);

const tsc = require.resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });

fs.mkdirSync('dist', { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
const entries = [
  [{ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }, 'client/src/extension.ts'],
  [{ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }, 'server/src/lsp/main.ts'],
  [{ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }, 'server/src/cli/main.ts'],
].filter(([, entry]) => fs.existsSync(entry));
await Promise.all(entries.map(([opts]) => esbuild.build(opts)));
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  fs.copyFileSync(require.resolve(wasm), path.join('dist', path.basename(wasm)));
}
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
