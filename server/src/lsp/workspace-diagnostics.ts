// workspace/diagnostic: the findings of every Dockerfile of the workspace, opened or not, so that the editor's
// Problems list shows them all. Files on disk are linted from their text and reported with a result id made of their
// size and modification time (and the settings' generation): the editor asks again every few seconds, and a file
// that has not changed is answered `unchanged` without being read. Open documents are answered from their text in
// the editor: from the analysis that textDocument/diagnostic answered with, when there is one.
import { DocumentDiagnosticReportKind, type CancellationToken, type FileEvent, type ResultProgressReporter, type WorkspaceDiagnosticParams, type WorkspaceDiagnosticReport, type WorkspaceDiagnosticReportPartialResult, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { findDockerfiles, isDockerfileName, type Discovery } from '../workspace/dockerfiles';
import type { Host } from '../workspace/host';
import { uriBasename } from '../workspace/uri';
import type { Diagnostics } from './diagnostics';
import type { Session } from './session';

/** Largest Dockerfile linted without being opened. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;
/** How old a list of the workspace's Dockerfiles may get (created and deleted ones are also told by file events). */
const REDISCOVER_MS = 60_000;
/** Result ids of files on disk start so, and of open documents not analysed for the editor; the others come from Diagnostics.resultId. */
const ON_DISK = 'f';
const OPEN = 'o';

/** Whether the host can find and stamp files (Node can; a browser worker cannot). */
export function canReportWorkspace(host: Host): boolean {
  return !!host.fs.list && !!host.fs.stamp;
}

/** Lets the editor answer a keystroke between two files. */
const yieldToEditor = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkspaceDiagnostics {
  private discovery?: Promise<Discovery>;
  private discoveredAt = 0;
  /** Counts the settings and config changes: each one changes every file's result id. */
  private generation = 0;
  private reportedIncomplete = false;

  constructor(private readonly session: Session, private readonly diagnostics: Diagnostics) {}

  /** Settings or config files changed: every file is linted again. */
  invalidate(): void {
    this.generation++;
  }

  /** Watched files changed: Dockerfiles created or deleted are found on the next request. */
  filesChanged(changes: readonly FileEvent[]): void {
    // 2: changed. A changed file's size or time tells it; only a new or deleted one changes the list.
    if (changes.some((c) => c.type !== 2 && isDockerfileName(uriBasename(c.uri)))) this.discovery = undefined;
  }

  /** The workspace's Dockerfiles, found again at most once a minute or when one is created or deleted. */
  async dockerfiles(): Promise<Discovery> {
    if (!this.discovery || Date.now() - this.discoveredAt > REDISCOVER_MS) {
      this.discoveredAt = Date.now();
      this.discovery = findDockerfiles(this.session.host.fs, this.session.roots);
    }
    const found = await this.discovery;
    if (!found.complete && !this.reportedIncomplete) {
      this.reportedIncomplete = true;
      this.session.connection.console.warn(`Dockwise: the workspace is large; Problems lists the findings of the first ${found.files.length} Dockerfiles found (node_modules and .git are not searched).`);
    }
    return found;
  }

  /** One file's report: `unchanged` when the editor has its findings (`before` is their result id); undefined: none. */
  private async fileReport(uri: string, before: string | undefined): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
    const { session } = this;
    const doc = session.documents.get(uri);
    if (doc) {
      // The analysis of the version the editor shows, when it has pulled it; else the editor's text is linted here
      // and nothing of it kept (an open document in no visible editor is never pulled).
      const entry = session.cache.get(uri);
      if (entry?.version === doc.version) {
        const resultId = this.diagnostics.resultId(entry);
        if (resultId === before) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: entry.version, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, uri, version: entry.version, resultId, items: this.diagnostics.toDiagnostics(entry.model, entry.findings, uri) };
      }
      // The build it is linted as is part of what it says: another one chosen is another list.
      const resultId = `${OPEN}${this.generation}:${doc.version}:${session.choiceOf(uri)}`;
      if (resultId === before) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: doc.version, resultId };
      const { model, findings } = await session.lintFile(uri, doc.getText());
      return { kind: DocumentDiagnosticReportKind.Full, uri, version: doc.version, resultId, items: this.diagnostics.toDiagnostics(model, findings) };
    }
    const stamp = await session.host.fs.stamp!(uri);
    if (!stamp) return undefined;
    const resultId = `${ON_DISK}${this.generation}:${stamp.size}:${stamp.mtime}`;
    if (resultId === before) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId };
    const read = await session.host.fs.read(uri, MAX_DOCKERFILE_BYTES);
    // Too large, unreadable or binary: no findings, until the file changes.
    if (!('text' in read) || read.text.includes('\0')) return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: [] };
    const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
    try {
      const { model, findings } = await session.lintFile(uri, text);
      return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: this.diagnostics.toDiagnostics(model, findings) };
    } catch (e) {
      // Logged once: the file is not linted again until it changes.
      session.connection.console.error(`Dockwise: could not lint ${uri}: ${(e as Error)?.stack ?? e}`);
      return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: [] };
    }
  }

  async report(params: WorkspaceDiagnosticParams, token: CancellationToken, progress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    const { session } = this;
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const unchanged: WorkspaceDocumentDiagnosticReport[] = [];
    // With a partial result token each file's findings go as soon as they are made, and the answer holds none.
    const send = (item: WorkspaceDocumentDiagnosticReport) => (progress ? progress.report({ items: [item] }) : items.push(item));
    try {
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      const { files } = await this.dockerfiles();
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        const item = await this.fileReport(uri, previous.get(uri));
        if (!item) continue;
        if (item.kind === DocumentDiagnosticReportKind.Unchanged) unchanged.push(item);
        else {
          send(item);
          await yieldToEditor();
        }
      }
      // Files reported before that are gone (deleted, renamed, moved out of the workspace): their findings go too.
      const found = new Set(files);
      for (const [uri, value] of previous) {
        if (value.startsWith(ON_DISK) && !found.has(uri) && !session.documents.get(uri)) send({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      }
      if (unchanged.length) {
        if (progress) progress.report({ items: unchanged });
        else items.push(...unchanged);
      }
    } catch (e) {
      session.connection.console.error(`Dockwise: workspace diagnostics failed: ${(e as Error)?.stack ?? e}`);
    }
    return { items };
  }
}
