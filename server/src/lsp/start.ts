// The language server, host-free: it is started over a connection with a host (Node for the desktop and other
// editors, a browser worker for vscode.dev) and wires each request to the file that answers it.
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import type { Rule } from '../engine';
import { initShellParser } from '../engine/model/shell';
import { localeOf } from '../engine/i18n/locale';
import type { Host } from '../workspace/host';
import { DOCKERFILE_GLOB, isDockerfileName } from '../workspace/dockerfiles';
import { uriBasename } from '../workspace/uri';
import { INVOCATION_GLOB, isInvocationFileName } from '../workspace/invocations';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from './code-actions';
import { executeCommand, SERVER_COMMANDS } from './commands';
import { Completion, TRIGGER_CHARACTERS } from './completion';
import { Diagnostics } from './diagnostics';
import { canReportWorkspace, WorkspaceDiagnostics } from './workspace-diagnostics';
import { dockerDxChecks } from './docker-dx';
import { foldingRanges } from './folding';
import { Formatting } from './formatting';
import { hoverRequest } from './hover';
import { definitionRequest, documentLinksRequest, highlightRequest, referencesRequest } from './navigation';
import { prepareRenameRequest, renameRequest } from './rename';
import { documentSymbolRequest } from './symbols';
import { WorkspaceSymbols } from './workspace-symbols';
import { codeLensRequest, resolveCodeLens } from './code-lens';
import { CHOOSE_INVOCATION_COMMAND, CHOOSE_INVOCATION_REQUEST, chooseInvocation, invocationCommand, INVOCATIONS_REQUEST, LIST_INVOCATIONS_COMMAND, listInvocations } from './invocations';
import { documentationOptions, RulePages } from './rule-pages';
import { Session } from './session';
import { settingsSection } from './settings';

export { FIX_ALL_KIND } from './code-actions';

export interface ServerOptions {
  host: Host;
  /** Extra rules to run (tests use this to prove a throwing rule does not take the others down). */
  extraRules?: readonly Rule[];
  /** The folder of the shipped rule pages, as a URI; undefined: none. */
  rulePages?: string;
}

export function startServer(connection: Connection, serverOptions: ServerOptions): void {
  const { host } = serverOptions;
  const session = new Session(connection, host, { extraRules: serverOptions.extraRules });
  const diagnostics = new Diagnostics(session);
  const workspaceDiagnostics = canReportWorkspace(host) ? new WorkspaceDiagnostics(session, diagnostics) : undefined;
  const workspaceSymbols = new WorkspaceSymbols(session, () => workspaceDiagnostics?.dockerfiles() ?? Promise.resolve({ files: [], complete: false }));
  const completion = new Completion(session);
  const formatting = new Formatting(session);
  const { documents } = session;
  let canWatch = false;
  session.ready = initShellParser(host.shellParserWasm());

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.canConfigure = params.capabilities.workspace?.configuration === true;
    const codeAction = params.capabilities.textDocument?.codeAction;
    session.resolvesCodeActionEdits = codeAction?.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true;
    session.showsDisabledActions = codeAction?.disabledSupport === true;
    session.editCapabilities = { changeAnnotations: params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined };
    session.editorLocale = localeOf(params.locale);
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    diagnostics.pull = params.capabilities.textDocument?.diagnostic !== undefined;
    diagnostics.canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    const init = params.initializationOptions as { dockerExtensionActive?: boolean; workspaceTrusted?: boolean; documentation?: unknown; showReferences?: unknown; quickPick?: unknown } | undefined;
    completion.configure(params);
    session.pages = new RulePages(serverOptions.rulePages, documentationOptions(init?.documentation), host.fs.sync?.isFile);
    session.dockerExtensionActive = init?.dockerExtensionActive === true;
    session.workspaceTrusted = init?.workspaceTrusted !== false;
    session.quickPick = init?.quickPick === true;
    session.showReferencesCommand = typeof init?.showReferences === 'string' && init.showReferences ? init.showReferences : undefined;
    session.pushedSettings = settingsSection(init);
    const roots = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!roots.length && params.rootUri) roots.push(params.rootUri);
    session.setRoots(roots);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract], resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: true },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Dockwise' },
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        executeCommandProvider: { commands: [...SERVER_COMMANDS, LIST_INVOCATIONS_COMMAND, CHOOSE_INVOCATION_COMMAND] },
        ...formatting.capabilities(params),
        ...(diagnostics.pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: !!workspaceDiagnostics } } : {}),
        experimental: { dockerDx: dockerDxChecks() },
      },
      serverInfo: { name: 'dockwise' },
    };
  });

  connection.onInitialized(() => {
    if (session.canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    void formatting.update();
    if (canWatch) {
      void connection.client.register(
        { method: 'workspace/didChangeWatchedFiles' } as never,
        { watchers: [{ globPattern: '**/{.dockwise.yaml,.dockwise.yml,.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}' }, { globPattern: INVOCATION_GLOB }, ...(diagnostics.pull && workspaceDiagnostics ? [{ globPattern: DOCKERFILE_GLOB }] : [])] } as never,
      ).catch(() => undefined);
    }
  });

  connection.onNotification('dockwise/dockerExtensionActive', (p: { active?: boolean }) => { session.dockerExtensionActive = p?.active === true; });

  // Fires for opened documents too.
  documents.onDidChangeContent((e) => diagnostics.changed(e.document));
  documents.onDidClose((e) => {
    session.closed(e.document.uri);
    diagnostics.closed(e.document.uri);
  });
  connection.onDidChangeConfiguration((params) => {
    // A bare "settings changed" (VS Code's client sends null) keeps what was pushed; the client is asked again.
    if (params.settings != null) session.pushedSettings = settingsSection(params.settings);
    diagnostics.invalidate({ settings: true });
    workspaceDiagnostics?.invalidate();
    void formatting.update();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    // A compose or bake file (or a compose project's .env): what builds each document is found again.
    if (changes.some((c) => isInvocationFileName(uriBasename(c.uri)))) session.forgetInvocations();
    // A config file or a .dockerignore: everything is linted again. A Dockerfile: the workspace's list of them may change.
    if (changes.some((c) => !isDockerfileName(uriBasename(c.uri)))) {
      diagnostics.invalidate({});
      workspaceDiagnostics?.invalidate();
    }
    workspaceDiagnostics?.filesChanged(changes);
  });
  connection.languages.diagnostics.on((params, token) => diagnostics.report(params.textDocument.uri, params.previousResultId, token));
  if (workspaceDiagnostics) connection.languages.diagnostics.onWorkspace((params, token, _done, progress) => workspaceDiagnostics.report(params, token, progress));

  connection.onCodeAction((params) => codeActions(session, params));
  connection.onCodeActionResolve((action) => resolveCodeAction(session, action));
  connection.onHover((params) => hoverRequest(session, params));
  connection.onCodeLens((params) => codeLensRequest(session, params));
  connection.onCodeLensResolve((lens) => resolveCodeLens(session, lens));
  connection.onCompletion((params) => completion.provide(params));
  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const entry = doc && (await session.analyse(doc));
    return entry ? foldingRanges(entry.model) : [];
  });
  connection.onDefinition((params) => definitionRequest(session, params));
  connection.onReferences((params) => referencesRequest(session, params));
  connection.onDocumentHighlight((params) => highlightRequest(session, params));
  connection.onDocumentLinks((params) => documentLinksRequest(session, params));
  connection.onDocumentSymbol((params) => documentSymbolRequest(session, params));
  connection.onWorkspaceSymbol((params, token) => workspaceSymbols.search(params, token));
  connection.onPrepareRename((params) => prepareRenameRequest(session, params));
  connection.onRenameRequest((params) => renameRequest(session, params));
  connection.onExecuteCommand((params) => invocationCommand(session, diagnostics, params.command, params.arguments) ?? executeCommand(session, params));
  connection.onRequest(INVOCATIONS_REQUEST, (params: unknown) => listInvocations(session, params));
  connection.onRequest(CHOOSE_INVOCATION_REQUEST, (params: unknown) => chooseInvocation(session, diagnostics, params));
  connection.onDocumentFormatting((params) => formatting.provide(params));
  connection.onDocumentRangeFormatting((params) => formatting.provide(params));

  documents.listen(connection);
  connection.listen();
}
