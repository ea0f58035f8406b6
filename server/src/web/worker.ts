// Entry point of the language server in a browser (bundled to dist/server-web.js): the web client starts it as a
// Web Worker and talks LSP over postMessage. Files come from the client (see host.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/start';
import { browserHost, webInitOptions } from './host';

/** console arguments as one line (no node:util in a worker). */
function format(...args: unknown[]): string {
  return args.map((a) => {
    if (typeof a === 'string') return a;
    if (a instanceof Error) return a.stack ?? a.message;
    try { return JSON.stringify(a) ?? String(a); } catch { return String(a); }
  }).join(' ');
}

// The host needs initializationOptions (where the shell grammar is) before the server starts, so the server is
// started on the first message, which the LSP client always makes the initialize request; that message is then
// handed to the connection as if it had just arrived.
self.onmessage = (first: MessageEvent) => {
  const params = (first.data as { method?: string; params?: { initializationOptions?: unknown } } | null)?.params;
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const reader = new BrowserMessageReader(scope); // takes self.onmessage over
  const writer = new BrowserMessageWriter(scope);
  const connection: Connection = createConnection(reader, writer);
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  const options = webInitOptions(params?.initializationOptions);
  if (options.shellParserWasm) {
    startServer(connection, { host: browserHost(connection, options), rulePages: options.rulePages });
  } else {
    // Without the grammar no RUN can be parsed: the editor is told why the server does not start.
    connection.onInitialize(() => new ResponseError(ErrorCodes.InvalidParams, 'Dockwise: the editor did not say where the shell grammar is (initializationOptions.web.shellParserWasm: the URLs of web-tree-sitter.wasm and tree-sitter-bash.wasm)'));
    connection.listen();
  }
  scope.onmessage?.(first);
};

// The server must outlive any bad document or request: log and carry on.
self.addEventListener('unhandledrejection', (e) => { console.error(`dockwise: unhandled ${(e.reason as Error)?.stack ?? e.reason}`); });
