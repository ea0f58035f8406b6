// What dist/ holds: the esbuild bundles and the WASM files copied beside them. The build uses this, and
// so does the notices test, which bundles again to see which packages each bundle contains.
import fs from 'node:fs';

// web-tree-sitter reads import.meta.url to find its WASM; in a CommonJS bundle that is this file's URL.
const importMetaUrl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
// The web extension (vscode.dev, github.dev): platform browser, so a Node built-in anywhere in these bundles fails
// the build (esbuild cannot resolve one for a browser). The extension host loads the client as CommonJS; the server
// is a worker script. web-tree-sitter's import.meta.url only seeds a default its locateFile replaces.
const browser = { ...common, platform: 'browser', target: 'es2022' };
const workerMetaUrl = { 'import.meta.url': 'self.location.href' };

/** The bundles whose entry exists, as esbuild options (paths relative to the repository root). */
export function bundles(version) {
  return [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', define: importMetaUrl.define, banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner}` } },
    { ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/extension-web.js', external: ['vscode'] },
    { ...browser, entryPoints: ['server/src/web/worker.ts'], outfile: 'dist/server-web.js', format: 'iife', define: workerMetaUrl, inject: ['server/src/web/buffer-shim.ts'] },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner}` }, define: { ...importMetaUrl.define, DOCKWISE_VERSION: JSON.stringify(version) } },
  ].filter((b) => fs.existsSync(b.entryPoints[0]));
}

/** WASM files copied into dist/: the package that provides each, and the file inside it. */
export const wasmFiles = [
  { package: 'web-tree-sitter', file: 'web-tree-sitter.wasm' },
  { package: 'tree-sitter-bash', file: 'tree-sitter-bash.wasm' },
];
