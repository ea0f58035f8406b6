// What dist/ holds: the esbuild bundles and the WASM files copied beside them. The build uses this, and
// so does the notices test, which bundles again to see which packages each bundle contains. The build
// also checks here that nothing is missing: a renamed entry file, or a package.json entry point that no
// bundle produces, fails it instead of silently shipping less.
import fs from 'node:fs';
import path from 'node:path';

// web-tree-sitter reads import.meta.url to find its WASM; in a CommonJS bundle that is this file's URL.
const importMetaUrl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
// The web extension (vscode.dev, github.dev): platform browser, so a Node built-in anywhere in these bundles fails
// the build (esbuild cannot resolve one for a browser). The extension host loads the client as CommonJS; the server
// is a worker script. web-tree-sitter's import.meta.url only seeds a default its locateFile replaces.
const browser = { ...common, platform: 'browser', target: 'es2022' };
const workerMetaUrl = { 'import.meta.url': 'self.location.href' };

/** Every bundle, as esbuild options (paths relative to the repository root). */
export function bundles(version) {
  return [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['server/src/lsp/bin.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js', define: importMetaUrl.define, banner: { js: importMetaUrl.banner } },
    { ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/extension-web.js', external: ['vscode'] },
    { ...browser, entryPoints: ['server/src/web/worker.ts'], outfile: 'dist/server-web.js', format: 'iife', define: workerMetaUrl, inject: ['server/src/web/buffer-shim.ts'] },
    { ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', banner: { js: importMetaUrl.banner }, define: { ...importMetaUrl.define, DOCKWISE_VERSION: JSON.stringify(version) } },
  ];
}

/** WASM files copied into dist/: the package that provides each, and the file inside it. */
export const wasmFiles = [
  { package: 'web-tree-sitter', file: 'web-tree-sitter.wasm' },
  { package: 'tree-sitter-bash', file: 'tree-sitter-bash.wasm' },
];

/** The files the build writes to dist/, relative to the repository root. */
export function producedFiles(version) {
  return [...bundles(version).map((b) => b.outfile), ...wasmFiles.map((w) => `dist/${w.file}`)];
}

/** package.json's entry points (main, each bin, browser) as [field, path] pairs. */
export function entryPoints(pkg) {
  const out = [];
  if (pkg.main !== undefined) out.push(['main', pkg.main]);
  if (typeof pkg.bin === 'string') out.push(['bin', pkg.bin]);
  else if (pkg.bin && typeof pkg.bin === 'object') for (const [name, file] of Object.entries(pkg.bin)) out.push([`bin.${name}`, file]);
  if (typeof pkg.browser === 'string') out.push(['browser', pkg.browser]);
  // The object form maps module paths to replacements; `false` means "no module", which names no file.
  else if (pkg.browser && typeof pkg.browser === 'object') for (const [from, to] of Object.entries(pkg.browser)) if (to !== false) out.push([`browser["${from}"]`, to]);
  return out;
}

const normal = (p) => path.posix.normalize(String(p).replace(/\\/g, '/')).replace(/^\.\//, '');

/**
 * What is wrong before building, as messages: a bundle whose entry file is missing under `root`, or a
 * package.json entry point that is not one of the files the build produces (Node and VS Code add `.js`
 * to an extensionless main, so that form counts too).
 */
export function planProblems(pkg, root) {
  const problems = [];
  for (const b of bundles(pkg.version)) {
    for (const entry of b.entryPoints) {
      if (!fs.existsSync(path.join(root, entry))) problems.push(`${b.outfile} is built from ${entry}, which does not exist (renamed? update scripts/bundles.mjs)`);
    }
  }
  const produced = new Set(producedFiles(pkg.version));
  for (const [field, file] of entryPoints(pkg)) {
    if (typeof file !== 'string' || file === '') { problems.push(`package.json ${field} is not a file path: ${JSON.stringify(file)}`); continue; }
    const f = normal(file);
    if (!produced.has(f) && !produced.has(`${f}.js`)) problems.push(`package.json ${field} is ${JSON.stringify(file)}, which the build does not produce (it writes ${[...produced].join(', ')})`);
  }
  return problems;
}

/** What is missing after building: each file the build should have written to dist/, as messages. */
export function outputProblems(version, root) {
  return producedFiles(version).filter((f) => {
    try { return !fs.statSync(path.join(root, f)).isFile(); } catch { return true; }
  }).map((f) => `${f} was not written by the build`);
}
