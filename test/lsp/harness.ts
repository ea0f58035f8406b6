// Drives the language server in-process the way an editor does: JSON-RPC over a pair of streams.
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver';
import { startServer, type ServerOptions } from '../../server/src/lsp/start';
import { findRulePagesUri, nodeHost } from '../../server/src/host/node';
import { DirectMessageWriter } from '../../server/src/lsp/message-writer';

export interface Editor {
  conn: MessageConnection;
  settings: Record<string, unknown>;
  messages: string[];
  /** The URIs the server asked to show (window/showDocument). */
  shown: string[];
  /** What the server said it can do, in its answer to `initialize`. */
  capabilities: ServerCapabilities;
  /** How often the server asked to pull diagnostics again (workspace/diagnostic/refresh). */
  refreshes: number;
  /** Resolves when the server next asks to pull diagnostics again. */
  nextRefresh(): Promise<void>;
  /** Called for every publishDiagnostics, after the waiters. */
  listeners: Array<(p: PublishDiagnosticsParams) => void>;
  open(uri: string, text: string): Promise<Diagnostic[]>;
  change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<Diagnostic[]>;
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  close(): void;
}

/**
 * `textDocument`, `workspace`: capabilities added to the editor's (completion's snippet support, edit annotations); `clientInfo`: the editor's name
 * and version, as `initialize` sends them; `pull`: the editor pulls diagnostics (LSP 3.17) and can be asked to pull
 * again, as VS Code's client does.
 */
export async function startEditor(opts: { configuration?: boolean; showDocument?: boolean; rootUri?: string; pull?: boolean; server?: Partial<ServerOptions>; initializationOptions?: unknown; textDocument?: Record<string, unknown>; workspace?: Record<string, unknown>; clientInfo?: { name: string; version?: string } } = {}): Promise<Editor> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // The writer the server uses over stdio.
  const serverConn = createConnection(new StreamMessageReader(toServer), new DirectMessageWriter(toClient));
  // As dist/server.js starts it: the Node host and the rule pages of this checkout.
  startServer(serverConn, { host: nodeHost, rulePages: findRulePagesUri(), ...opts.server });
  const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const waiters = new Map<string, Array<(d: Diagnostic[]) => void>>();
  const refreshWaiters: Array<() => void> = [];
  const editor: Editor = {
    conn,
    settings: {},
    messages: [],
    shown: [],
    capabilities: {},
    refreshes: 0,
    nextRefresh: () => new Promise((resolve) => { refreshWaiters.push(resolve); }),
    listeners: [],
    async open(uri, text) {
      const p = editor.nextDiagnostics(uri);
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      return p;
    },
    async change(uri, version, contentChanges) {
      const p = editor.nextDiagnostics(uri);
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return p;
    },
    // No deadline: the server publishes for every version it lints, however long that takes on a busy
    // machine; one that never does hangs the test, which the test runner's guard stops (test/support/hang-guard.ts).
    nextDiagnostics(uri) {
      return new Promise((resolve) => {
        const list = waiters.get(uri) ?? [];
        list.push(resolve);
        waiters.set(uri, list);
      });
    },
    close() { conn.dispose(); toServer.end(); toClient.end(); },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = waiters.get(p.uri);
    const w = list?.shift();
    if (w) w(p.diagnostics);
    for (const l of editor.listeners) l(p);
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => { editor.messages.push(p.message); });
  conn.onNotification('window/showMessage', (p: { message: string }) => { editor.messages.push(p.message); });
  conn.onRequest('window/showMessageRequest', (p: { message: string }) => { editor.messages.push(p.message); return null; });
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map(() => editor.settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
  conn.onRequest('window/showDocument', (p: { uri: string }) => { editor.shown.push(p.uri); return { success: true }; });
  conn.onRequest('workspace/diagnostic/refresh', () => {
    editor.refreshes++;
    for (const w of refreshWaiters.splice(0)) w();
    return null;
  });
  conn.listen();
  const init: InitializeResult = await conn.sendRequest('initialize', {
    // No processId: the server would otherwise poll for this process and keep the test alive.
    processId: null,
    rootUri: opts.rootUri ?? null,
    capabilities: {
      workspace: { configuration: opts.configuration !== false, didChangeWatchedFiles: { dynamicRegistration: true }, ...(opts.pull ? { diagnostics: { refreshSupport: true } } : {}), ...opts.workspace },
      textDocument: { hover: { contentFormat: ['markdown'] }, ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}), ...opts.textDocument },
      window: { showDocument: { support: opts.showDocument !== false } },
    },
    initializationOptions: opts.initializationOptions,
    ...(opts.clientInfo ? { clientInfo: opts.clientInfo } : {}),
  });
  editor.capabilities = init.capabilities;
  void conn.sendNotification('initialized', {});
  return editor;
}
