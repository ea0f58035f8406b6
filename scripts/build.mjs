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

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const tsc = require.resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });

fs.mkdirSync('dist', { recursive: true });
// web-tree-sitter reads import.meta.url to find its WASM; in a CommonJS bundle that is this file's URL.
const importMetaUrl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
const entries = [
  [{ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }, 'client/src/extension.ts'],
  [{ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', define: importMetaUrl.define, banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner}` } }, 'server/src/lsp/main.ts'],
  [{ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner}` }, define: { ...importMetaUrl.define, DOCKWISE_VERSION: JSON.stringify(pkg.version) } }, 'server/src/cli/main.ts'],
].filter(([, entry]) => fs.existsSync(entry));
await Promise.all(entries.map(([opts]) => esbuild.build(opts)));
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  fs.copyFileSync(require.resolve(wasm), path.join('dist', path.basename(wasm)));
}
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
