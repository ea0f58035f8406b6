// What the desktop client (extension.ts, Node) and the web client (browser.ts, vscode.dev and github.dev) share:
// the client options, the commands, the rule pages, the notification about Docker extensions, the diagnostics beside
// Docker DX and the Dockerfiles view. Only how the server starts differs: a Node process over IPC on the desktop, a
// Web Worker in the browser.
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { DOCKER_DX_ID, type DockwiseDiagnostics } from './docker-dx';
import { registerDockerfilesView, type DockerfilesView } from './dockerfiles-view';
import { registerInvocationStatus, type BuildStatus } from './invocation-status';

const DOCKER_EXTENSIONS = ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers', DOCKER_DX_ID];
const SHOW_DOCUMENTATION = 'dockwise.showDocumentation';
// The server's "used by N" lenses send LSP JSON; editor.action.showReferences takes only VS Code's own types.
const SHOW_REFERENCES = 'dockwise.showReferences';
const RULE_PATH = '/rule/';
// Rule pages open as read-only documents of this scheme: an untitled document would be left behind as a
// dirty editor that asks to be saved.
const PAGE_SCHEME = 'dockwise-rule';
const WATCHED = '**/{.dockwise.yaml,.dockwise.yml,.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}';

function dockerExtensionActive(): boolean {
  // Installed is enough: those extensions hover on keywords as soon as a Dockerfile opens.
  return DOCKER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id) !== undefined);
}

/**
 * How rule pages open (the page is the server's, through dockwise.server.explain). A diagnostic's code links to
 * the extension's URI handler: VS Code is dropping command: links there (microsoft/vscode#329652), while a URI
 * with the editor's own scheme reaches the handler in desktop and web VS Code. Hover links run the command,
 * which the trusted Markdown allows for this one command.
 */
function ruleUri(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id}${RULE_PATH}`;
}

/** The server's question (the same shape as lsp/refactorings.ts' QuickPickParams): the values picked, or null when none. */
interface QuickPickParams {
  title: string;
  placeHolder: string;
  items: Array<{ label: string; description?: string; value: string }>;
  canPickMany: boolean;
}
const QUICK_PICK = 'dockwise/quickPick';

async function quickPick(p: QuickPickParams): Promise<string[] | null> {
  const items = p.items.map((i) => ({ label: i.label, description: i.description, value: i.value }));
  const options = { title: p.title, placeHolder: p.placeHolder, ignoreFocusOut: true };
  const picked = p.canPickMany ? await vscode.window.showQuickPick(items, { ...options, canPickMany: true }) : await vscode.window.showQuickPick(items, options);
  if (!picked) return null;
  return (Array.isArray(picked) ? picked : [picked]).map((i) => i.value);
}

/**
 * What the extension gives other extensions (and the real-editor tests): the Dockerfiles view's tree, and what the
 * status-bar item of the active Dockerfile's build shows.
 */
export interface DockwiseApi { dockerfiles: DockerfilesView; buildStatus: () => BuildStatus }
interface JsonPosition { line: number; character: number }

/** The client options of both clients; `initializationOptions` adds to the shared ones. */
export function clientOptions(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, documentSelector: DocumentSelector, diagnostics: DockwiseDiagnostics, initializationOptions: Record<string, unknown> = {}): LanguageClientOptions {
  return {
    documentSelector,
    middleware: diagnostics.middleware,
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: {
      dockerExtensionActive: dockerExtensionActive(),
      workspaceTrusted: vscode.workspace.isTrusted,
      documentation: { ruleUri: ruleUri(context), command: SHOW_DOCUMENTATION },
      showReferences: SHOW_REFERENCES,
      // A refactoring that must ask (which build output a runtime stage copies) asks with a quick pick.
      quickPick: true,
      ...initializationOptions,
    },
    markdown: { isTrusted: { enabledCommands: [SHOW_DOCUMENTATION] } },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
    // The server answers pulls for diagnostics; the client pulls on open only, unless told to pull on every change too.
    diagnosticPullOptions: { onChange: true },
  };
}

/**
 * Registers the commands, the rule pages' provider and URI handler, and the Dockerfiles view; `client()` is the running
 * client, if any, and `diagnostics` its diagnostics (clientOptions' middleware).
 */
export function registerFeatures(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, client: () => BaseLanguageClient | undefined, diagnostics: DockwiseDiagnostics): DockwiseApi {
  const pages = new Map<string, string>();
  const explain = (id: string) => client()?.sendRequest<string | null>('workspace/executeCommand', { command: 'dockwise.server.explain', arguments: [id] });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dockwise.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const c = client();
      if (!editor || editor.document.languageId !== 'dockerfile' || !c) return;
      await c.sendRequest('workspace/executeCommand', { command: 'dockwise.server.fixAll', arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand(SHOW_DOCUMENTATION, async (id?: string) => {
      let rule = typeof id === 'string' ? id : undefined;
      if (!rule) rule = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Rule id, hadolint code (DL3059) or BuildKit check name') });
      if (!rule || !client()) return;
      const markdown = await explain(rule);
      if (!markdown) { void vscode.window.showWarningMessage(vscode.l10n.t('Dockwise has no rule "{0}".', rule)); return; }
      // The page's title is the rule's id, also when it was asked for by an alias (DL3059).
      const ruleId = /^# (\S+)/.exec(markdown)?.[1] ?? rule;
      pages.set(ruleId, markdown);
      const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${ruleId}.md` });
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri)));
    }),
    vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, {
      async provideTextDocumentContent(uri: vscode.Uri) {
        const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
        const known = pages.get(id);
        if (known !== undefined) return known;
        // After a reload the editor may ask for a page this session has not fetched yet.
        const markdown = await explain(id);
        return markdown ?? `${vscode.l10n.t('Dockwise has no rule "{0}".', id)}\n`;
      },
    }),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        if (uri.path.startsWith(RULE_PATH)) void vscode.commands.executeCommand(SHOW_DOCUMENTATION, uri.path.slice(RULE_PATH.length));
      },
    }),
    vscode.commands.registerCommand(SHOW_REFERENCES, (uri: string, position: JsonPosition, locations: Array<{ uri: string; range: { start: JsonPosition; end: JsonPosition } }>) => {
      const at = (p: JsonPosition) => new vscode.Position(p.line, p.character);
      const list = locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(at(l.range.start), at(l.range.end))));
      return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), at(position), list);
    }),
    vscode.commands.registerCommand('dockwise.restartServer', async () => {
      const c = client();
      if (c) { await c.stop(); diagnostics.clear(); await c.start(); }
    }),
    vscode.commands.registerCommand('dockwise.showOutput', () => output.show(true)),
    vscode.extensions.onDidChange(() => {
      void client()?.sendNotification('dockwise/dockerExtensionActive', { active: dockerExtensionActive() });
    }),
    diagnostics,
  );
  const running = client();
  if (running) context.subscriptions.push(running.onRequest(QUICK_PICK, quickPick));
  return { dockerfiles: registerDockerfilesView(context, diagnostics, client), buildStatus: registerInvocationStatus(context, client) };
}
