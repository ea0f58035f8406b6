// The status-bar item that says which build the active Dockerfile is linted as, when compose services or bake
// targets build it: all of them (the default; a problem only some have says which), one of them, or none (`docker
// build` from the file's folder). Clicking it, or the command, picks another; the server lints the document as
// that one until it closes (server/src/lsp/invocations.ts). The item asks the server again when the active editor
// changes, when the server says a compose or bake file changed, and when the server (re)starts.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export const CHOOSE_INVOCATION = 'dockwise.chooseInvocation';
const LIST = 'dockwise/invocations';
const CHOOSE = 'dockwise/chooseInvocation';
const CHANGED = 'dockwise/invocationsChanged';
const ALL = 'all';
const ALONE = 'alone';

/** The server's answers (InvocationsList in server/src/lsp/invocations.ts). */
interface Build { key: string; name: string; label: string; detail: string; chosen: boolean }
interface Builds { items: Build[]; chosen: string; files: string[] }
const NONE: Builds = { items: [], chosen: ALL, files: [] };

/** What the item shows (the real-editor tests read it through the extension's API). */
export interface BuildStatus { shown: boolean; text: string; tooltip: string }

function isDockerfile(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor?.document.languageId === 'dockerfile';
}

/** The item's text and tooltip for a document's builds (at least one). */
function describe(builds: Builds): { text: string; tooltip: string } {
  const chosen = builds.items.find((b) => b.chosen) ?? (builds.chosen === ALL && builds.items.length === 1 ? builds.items[0] : undefined);
  if (chosen) {
    return {
      text: `$(layers) ${chosen.name}`,
      tooltip: vscode.l10n.t('Dockwise lints this Dockerfile as {0} builds it ({1}). Click to choose another build.', chosen.label, chosen.detail),
    };
  }
  if (builds.chosen === ALONE) {
    return {
      text: `$(layers) ${vscode.l10n.t('alone')}`,
      tooltip: vscode.l10n.t('Dockwise lints this Dockerfile alone: as docker build of its folder builds it (to its last stage, no build args), as if no compose or bake file built it. Click to choose a build.'),
    };
  }
  return {
    text: `$(layers) ${vscode.l10n.t('{0} builds', builds.items.length)}`,
    tooltip: vscode.l10n.t('Dockwise lints this Dockerfile as each of its {0} builds does: {1}. A problem only some of them have says which. Click to lint it as one of them.', builds.items.length, builds.items.map((b) => b.label).join(', ')),
  };
}

interface Pick extends vscode.QuickPickItem { key: string }

/** Asks which build to lint as; the key picked, or undefined. */
async function pickBuild(document: vscode.TextDocument, builds: Builds): Promise<string | undefined> {
  const picks: Pick[] = [];
  // With one build, "all of them" is that one.
  if (builds.items.length > 1) picks.push({ key: ALL, label: `$(layers) ${vscode.l10n.t('All {0} builds', builds.items.length)}`, description: vscode.l10n.t('a problem only some of them have says which') });
  for (const b of builds.items) picks.push({ key: b.key, label: b.label, description: b.detail });
  picks.push({ key: ALONE, label: vscode.l10n.t('Alone'), description: vscode.l10n.t('docker build from the file\'s folder, to its last stage, no build args') });
  const current = builds.chosen === ALL && builds.items.length === 1 ? builds.items[0].key : builds.chosen;
  const quickPick = vscode.window.createQuickPick<Pick>();
  quickPick.title = vscode.l10n.t('Lint {0} as', vscode.workspace.asRelativePath(document.uri));
  quickPick.placeholder = vscode.l10n.t('The build Dockwise lints this Dockerfile as');
  quickPick.items = picks;
  quickPick.activeItems = picks.filter((p) => p.key === current);
  return new Promise<string | undefined>((resolve) => {
    let picked: string | undefined;
    quickPick.onDidAccept(() => { picked = quickPick.selectedItems[0]?.key; quickPick.hide(); });
    quickPick.onDidHide(() => { quickPick.dispose(); resolve(picked); });
    quickPick.show();
  });
}

/** The status-bar item and the command; returns what the item shows. */
export function registerInvocationStatus(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): () => BuildStatus {
  const item = vscode.window.createStatusBarItem('dockwise.build', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Dockwise build');
  item.command = CHOOSE_INVOCATION;
  /** Answers older than the latest question are dropped: the active editor may have changed meanwhile. */
  let asked = 0;
  /** A status-bar item does not say whether it is shown. */
  let shown = false;
  const hide = () => { shown = false; item.hide(); };

  const ask = async (document: vscode.TextDocument): Promise<Builds> => {
    const c = client();
    if (!c?.isRunning()) return NONE;
    try {
      return (await c.sendRequest<Builds | null>(LIST, { uri: document.uri.toString() })) ?? NONE;
    } catch {
      return NONE;
    }
  };
  const show = (builds: Builds) => {
    if (!builds.items.length) { hide(); return; }
    const { text, tooltip } = describe(builds);
    item.text = text;
    item.tooltip = tooltip;
    shown = true;
    item.show();
  };
  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    const question = ++asked;
    if (!isDockerfile(editor)) { hide(); return; }
    const builds = await ask(editor.document);
    if (question === asked) show(builds);
  };

  /** Lints the active Dockerfile as `key`; the server's list afterwards. */
  const choose = async (document: vscode.TextDocument, key: string): Promise<Builds> => {
    const c = client();
    if (!c?.isRunning()) return NONE;
    const question = ++asked;
    const builds = (await c.sendRequest<Builds | null>(CHOOSE, { uri: document.uri.toString(), key })) ?? NONE;
    if (question === asked && vscode.window.activeTextEditor?.document === document) show(builds);
    return builds;
  };

  context.subscriptions.push(
    item,
    // `key`: the build to lint as without asking (a key from dockwise/invocations, `all` or `alone`), for keybindings and tests.
    vscode.commands.registerCommand(CHOOSE_INVOCATION, async (key?: unknown): Promise<Builds | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (!isDockerfile(editor)) return undefined;
      if (typeof key === 'string' && key) return choose(editor.document, key);
      const builds = await ask(editor.document);
      if (!builds.items.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No compose or bake file builds this Dockerfile: Dockwise lints it alone, as docker build of its folder builds it.'));
        return undefined;
      }
      const picked = await pickBuild(editor.document, builds);
      return picked === undefined ? undefined : choose(editor.document, picked);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    // A document's language set to Dockerfile (or away from it) reopens it.
    vscode.workspace.onDidOpenTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) void refresh(); }),
  );
  const c = client();
  if (c) context.subscriptions.push(c.onNotification(CHANGED, () => void refresh()), c.onDidChangeState(() => void refresh()));
  void refresh();
  return () => ({ shown, text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '' });
}
