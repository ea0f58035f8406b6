// The "Dockerfiles" view in the explorer: every Dockerfile and Containerfile of the workspace by folder (a chain of
// folders that hold only one folder shows as one row, like the explorer's compact folders), each file with its counts
// of Dockwise's problems by severity, and fix-all on a file or on every file of a folder. Files are never opened to be
// linted: one the server has not reported on yet shows without counts.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DockwiseDiagnostics } from './docker-dx';

export const DOCKERFILES_VIEW = 'dockwise.dockerfiles';
const FIX_FILE = 'dockwise.dockerfiles.fixFile';
const FIX_FOLDER = 'dockwise.dockerfiles.fixFolder';
const REFRESH = 'dockwise.dockerfiles.refresh';
const EXCLUDE = '**/{node_modules,.git}/**';
// Enough for any real workspace, and a bound on a huge one.
const MAX_FILES = 5000;
const REFRESH_DELAY_MS = 300;

export interface DockerfileNode { kind: 'file'; uri: vscode.Uri; path: string }
export interface FolderNode { kind: 'folder'; uri: vscode.Uri; label: string; path: string; folders: FolderNode[]; files: DockerfileNode[] }
export type DockerfilesNode = FolderNode | DockerfileNode;

type Severity = 'error' | 'warning' | 'info' | 'style';
type Counts = Record<Severity, number>;
const SEVERITY_OF: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'style',
};
const ICON: Record<Severity | 'none', vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  style: new vscode.ThemeIcon('lightbulb'),
  none: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

/** The language's file names and patterns (package.json contributes.languages) as one glob. */
function dockerfileGlob(context: vscode.ExtensionContext): string {
  const languages = (context.extension.packageJSON as { contributes?: { languages?: Array<{ id: string; filenames?: string[]; filenamePatterns?: string[] }> } }).contributes?.languages ?? [];
  const language = languages.find((l) => l.id === 'dockerfile');
  return `**/{${[...language?.filenames ?? [], ...language?.filenamePatterns ?? []].join(',')}}`;
}

function describeCounts(c: Counts): string {
  const parts: string[] = [];
  if (c.error) parts.push(c.error === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', c.error));
  if (c.warning) parts.push(c.warning === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', c.warning));
  if (c.info) parts.push(vscode.l10n.t('{0} info', c.info));
  if (c.style) parts.push(vscode.l10n.t('{0} style', c.style));
  return parts.length ? parts.join(', ') : vscode.l10n.t('no problems');
}

function worst(c: Counts): Severity | 'none' {
  return c.error ? 'error' : c.warning ? 'warning' : c.info ? 'info' : c.style ? 'style' : 'none';
}

/** Folders and files under a workspace folder, sorted by name, folders first; a folder's only subfolder is merged into it. */
function buildTree(root: vscode.Uri, files: vscode.Uri[]): FolderNode {
  const top: FolderNode = { kind: 'folder', uri: root, label: '', path: '', folders: [], files: [] };
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  for (const uri of files) {
    const path = uri.path.slice(base.length);
    const parts = path.split('/');
    let node = top;
    for (const name of parts.slice(0, -1)) {
      let next = node.folders.find((f) => f.label === name);
      if (!next) {
        const folderPath = node.path ? `${node.path}/${name}` : name;
        next = { kind: 'folder', uri: vscode.Uri.joinPath(root, folderPath), label: name, path: folderPath, folders: [], files: [] };
        node.folders.push(next);
      }
      node = next;
    }
    node.files.push({ kind: 'file', uri, path });
  }
  const tidy = (folder: FolderNode): FolderNode => {
    let f = folder;
    while (!f.files.length && f.folders.length === 1) {
      const only = f.folders[0];
      f = { ...only, label: `${f.label}/${only.label}` };
    }
    f.folders = f.folders.map(tidy).sort((a, b) => a.label.localeCompare(b.label));
    f.files.sort((a, b) => a.path.localeCompare(b.path));
    return f;
  };
  top.folders = top.folders.map(tidy).sort((a, b) => a.label.localeCompare(b.label));
  top.files.sort((a, b) => a.path.localeCompare(b.path));
  return top;
}

function filesUnder(folder: FolderNode): DockerfileNode[] {
  return [...folder.folders.flatMap(filesUnder), ...folder.files];
}

export class DockerfilesView implements vscode.TreeDataProvider<DockerfilesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DockerfilesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<DockerfilesNode[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly glob: string, private readonly diagnostics: DockwiseDiagnostics, private readonly client: () => BaseLanguageClient | undefined) {
    const watcher = vscode.workspace.createFileSystemWatcher(glob, false, true, false);
    const rescan = () => this.refresh(true);
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidCreate(rescan),
      watcher.onDidDelete(rescan),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
      vscode.languages.onDidChangeDiagnostics(() => this.refresh(false)),
    );
  }

  /** Redraws the tree soon (changes come in bursts); `rescan` also looks for the files again. */
  refresh(rescan: boolean): void {
    if (rescan) this.roots = undefined;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  getChildren(node?: DockerfilesNode): vscode.ProviderResult<DockerfilesNode[]> {
    if (!node) return (this.roots ??= this.scan());
    return node.kind === 'folder' ? [...node.folders, ...node.files] : [];
  }

  private async scan(): Promise<DockerfilesNode[]> {
    const found = await vscode.workspace.findFiles(this.glob, EXCLUDE, MAX_FILES);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const trees = folders.map((f) => ({ folder: f, tree: buildTree(f.uri, found.filter((u) => vscode.workspace.getWorkspaceFolder(u)?.uri.toString() === f.uri.toString())) }))
      .filter(({ tree }) => tree.folders.length || tree.files.length);
    // One folder open: its contents at the top, as in the explorer; several: one row for each.
    if (folders.length === 1) return trees.length ? [...trees[0].tree.folders, ...trees[0].tree.files] : [];
    return trees.map(({ folder, tree }) => ({ ...tree, label: folder.name }));
  }

  private counts(files: DockerfileNode[]): { counts: Counts; linted: number } {
    const counts: Counts = { error: 0, warning: 0, info: 0, style: 0 };
    let linted = 0;
    for (const f of files) {
      const list = this.diagnostics.of(f.uri);
      if (!list) continue;
      linted++;
      for (const d of list) counts[SEVERITY_OF[d.severity]]++;
    }
    return { counts, linted };
  }

  getTreeItem(node: DockerfilesNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.uri.toString()}`;
      item.resourceUri = node.uri;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'folder';
      const { counts, linted } = this.counts(filesUnder(node));
      if (linted) item.description = describeCounts(counts);
      item.tooltip = node.path || node.label;
      return item;
    }
    const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.None);
    item.id = `file:${node.uri.toString()}`;
    item.contextValue = 'dockerfile';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [node.uri] };
    const { counts, linted } = this.counts([node]);
    if (linted) {
      item.description = describeCounts(counts);
      item.iconPath = ICON[worst(counts)];
      item.tooltip = `${node.path}\n${item.description}`;
    } else {
      item.tooltip = `${node.path}\n${vscode.l10n.t('Not linted yet: open it to see its problems.')}`;
    }
    return item;
  }

  /** Every safe fix on the file (as on save), saved when it had no unsaved changes; whether anything changed. */
  async fixFile(uri: vscode.Uri): Promise<boolean> {
    const client = this.client();
    if (!client) return false;
    // Opened, not shown: the server fixes documents the editor has open.
    const document = await vscode.workspace.openTextDocument(uri);
    const { version, isDirty } = document;
    await client.sendRequest('workspace/executeCommand', { command: 'dockwise.server.fixAll', arguments: [document.uri.toString()] });
    if (document.version === version) return false;
    if (!isDirty) await document.save();
    return true;
  }

  /** Fixes each file under the folder, one after the other, and says how many changed; returns that number. */
  async fixFolder(folder: FolderNode): Promise<number> {
    if (!this.client()) return 0;
    const files = filesUnder(folder);
    let changed = 0;
    for (const f of files) if (await this.fixFile(f.uri)) changed++;
    void vscode.window.showInformationMessage(vscode.l10n.t('Fix all in {0}: {1} of {2} files changed.', folder.path || folder.label, changed, files.length));
    return changed;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The view, its commands and its refreshes; the view's provider is returned (the extension's API, for tests). */
export function registerDockerfilesView(context: vscode.ExtensionContext, diagnostics: DockwiseDiagnostics, client: () => BaseLanguageClient | undefined): DockerfilesView {
  const view = new DockerfilesView(dockerfileGlob(context), diagnostics, client);
  context.subscriptions.push(
    view,
    vscode.window.createTreeView(DOCKERFILES_VIEW, { treeDataProvider: view, showCollapseAll: true }),
    vscode.commands.registerCommand(FIX_FILE, async (node?: DockerfilesNode) => {
      if (node?.kind !== 'file' || !client()) return false;
      const changed = await view.fixFile(node.uri);
      if (!changed) void vscode.window.showInformationMessage(vscode.l10n.t('Dockwise has nothing to fix in {0}.', node.path));
      return changed;
    }),
    vscode.commands.registerCommand(FIX_FOLDER, async (node?: DockerfilesNode) => (node?.kind === 'folder' ? view.fixFolder(node) : 0)),
    vscode.commands.registerCommand(REFRESH, () => view.refresh(true)),
  );
  return view;
}
