// The engine is the product's brain and must run anywhere: in Node, in a browser worker, in any editor. So it
// imports no editor or LSP package and no host API (Node's modules, `process`, `require`, `Buffer`): files
// reach it as a FileAccess, the shell grammar as bytes or URLs, ShellCheck through a runner (server/src/host).
// The workspace layer and the language server's features are host-free too; only the hosts and the entry
// points (server/src/host, server/src/cli, server/src/lsp/main.ts) may use Node.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const src = path.resolve(__dirname, '../../../server/src');
const engineDir = path.join(src, 'engine');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every module specifier a file imports or re-exports (static, dynamic and require). */
function specifiers(file: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  return out;
}

const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNode = (s: string) => NODE_MODULES.has(s) || s.startsWith('node:');
const isEditor = (s: string) => /^vscode($|-languageserver|-languageclient|-jsonrpc)/.test(s);

it('server/src/engine imports only its own files and yaml, dockerfile-ast, web-tree-sitter', () => {
  const all = files(engineDir);
  assert.ok(all.length > 10, 'engine sources found');
  const allowed = new Set(['yaml', 'dockerfile-ast', 'web-tree-sitter']);
  const offenders = all.flatMap((f) => specifiers(f)
    .filter((s) => (s.startsWith('.') ? !path.resolve(path.dirname(f), s).startsWith(engineDir + path.sep) : !allowed.has(s)))
    .map((s) => `${path.relative(src, f)}: ${s}`));
  assert.deepEqual(offenders, []);
});

it('the workspace layer and the language server features import no host API', () => {
  const hostFree = [...files(path.join(src, 'workspace')), ...files(path.join(src, 'lsp')).filter((f) => !/[\\/](main|bin|message-writer)\.ts$/.test(f))];
  const offenders = hostFree.flatMap((f) => specifiers(f)
    .filter((s) => isNode(s) || /vscode-languageserver\/node|vscode-jsonrpc\/node/.test(s) || /[\\/]host[\\/]/.test(path.resolve(path.dirname(f), s)))
    .map((s) => `${path.relative(src, f)}: ${s}`));
  assert.deepEqual(offenders, []);
  assert.ok(!hostFree.some((f) => specifiers(f).some(isEditor) && !/[\\/]lsp[\\/]/.test(f)), 'only the language server speaks LSP');
});

// The globals every host has (Node, browsers, workers), as the WHATWG specifies them: the engine may use these.
const UNIVERSAL_GLOBALS = `
declare class TextEncoder { encode(input?: string): Uint8Array }
declare class URL { constructor(url: string, base?: string); readonly protocol: string; readonly hostname: string; readonly href: string }
`;

it('server/src/engine compiles without Node types or the DOM: no process, require, Buffer or __dirname', () => {
  const globals = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-purity-')), 'universal-globals.d.ts');
  fs.writeFileSync(globals, UNIVERSAL_GLOBALS);
  const program = ts.createProgram([...files(engineDir), globals], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, resolveJsonModule: true, lib: ['lib.es2022.d.ts'], types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && d.file.fileName.startsWith(engineDir.split(path.sep).join('/')))
    .map((d) => `${path.relative(src, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  assert.deepEqual(problems, []);
});
