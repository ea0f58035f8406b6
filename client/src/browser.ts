// The web client (vscode.dev, github.dev, and any workbench's web worker extension host): runs the language server
// in a Web Worker (dist/server-web.js) and answers its file requests with the editor's file system. The commands,
// rule pages and client options are shared with the desktop client (common.ts).
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { fileRequests } from '../../server/src/web/file-requests';
import { IS_FILE, READ, READ_HEAD } from '../../server/src/web/fs-protocol';
import { clientOptions, registerFeatures, type DockwiseApi } from './common';
import { DockwiseDiagnostics } from './docker-dx';

interface WorkerLike { terminate(): void }
declare const Worker: new (url: string, options?: { name?: string }) => WorkerLike;

let client: LanguageClient | undefined;
let worker: WorkerLike | undefined;

/**
 * A URL the worker can load or fetch. On vscode.dev an extension's files are https URLs already. Where they are not
 * (code-server serves them from its own server as vscode-remote: URIs), only the extension host's own fetch knows
 * where they are, and a worker can neither be created from such a URI nor fetch one: the extension host's fetch
 * resolves it, and the URL it fetched is the answer (blob: URLs made here do not load in the server's worker).
 */
async function fetchableUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'https' || uri.scheme === 'http') return uri.toString(true);
  // GET (HEAD is refused there), and the body is dropped as soon as the headers tell the URL.
  const response = await fetch(uri.toString(true));
  void response.body?.cancel().catch(() => undefined);
  if (!response.ok || !/^https?:/.test(response.url)) throw new Error(`Dockwise cannot load ${uri.toString(true)}: ${response.ok ? `it is at ${response.url}` : `HTTP ${response.status}`}`);
  return response.url;
}

export async function activate(context: vscode.ExtensionContext): Promise<DockwiseApi> {
  const output = vscode.window.createOutputChannel('Dockwise', { log: true });
  const dist = (file: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', file);
  const [server, runtime, grammar] = await Promise.all([
    fetchableUrl(dist('server-web.js')),
    fetchableUrl(dist('web-tree-sitter.wasm')),
    fetchableUrl(dist('tree-sitter-bash.wasm')),
  ]);
  // Any scheme: the worker reads nothing itself; files beside a Dockerfile come through the editor's file system.
  const diagnostics = new DockwiseDiagnostics(() => client);
  const options = clientOptions(context, output, [{ language: 'dockerfile' }], diagnostics, { web: { shellParserWasm: { runtime, grammar }, rulePages: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() } });
  // A new worker on each (re)start; the client never ends one, so the previous one is ended here. The transports
  // are made here too: the extension host's Worker is a wrapper, and the client's `instanceof Worker` fails on it.
  client = new LanguageClient('dockwise', 'Dockwise', async () => {
    worker?.terminate();
    worker = new Worker(server, { name: 'Dockwise language server' });
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  }, options);
  const files = fileRequests(vscode.workspace.fs, (uri) => vscode.Uri.parse(uri, true));
  context.subscriptions.push(
    client.onRequest(READ, files.read),
    client.onRequest(IS_FILE, files.isFile),
    client.onRequest(READ_HEAD, files.readHead),
  );
  const api = registerFeatures(context, output, () => client, diagnostics);
  await client.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  worker?.terminate();
  client = undefined;
  worker = undefined;
}
