// Dockwise's diagnostics as the client receives them, and beside Docker DX (the docker.docker extension), as it shows
// them. DX's language server reports BuildKit's build checks (source `docker-language-server`, the check's name as the
// code, the instruction's whole lines as the range); where Dockwise finds the same check inside such a range, only
// DX's squiggle is shown, and the server offers Dockwise's fixes on it (server/src/lsp/docker-dx.ts). The client keeps
// Dockwise's whole list per document and shows the rest, again whenever DX's diagnostics change, so it does not
// matter which of the two arrives first.
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, vsdiag, type BaseLanguageClient, type Middleware } from 'vscode-languageclient';

export const DOCKER_DX_ID = 'docker.docker';
const OWN_SOURCE = 'dockwise';

/** What the server sends at initialize (capabilities.experimental.dockerDx): DX's source and rule id → check name. */
interface DockerDxChecks { source: string; checks: Record<string, string> }

interface Received {
  diagnostics: vscode.Diagnostic[];
  /** Sets what is shown (pushed diagnostics); undefined: pulled ones, which the client re-pulls to show anew. */
  show?: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;
  /** DX's diagnostics the shown list was made with. */
  dx: string;
  /** When it arrived, to tell the newer of a document's two records apart. */
  seq: number;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export class DockwiseDiagnostics implements vscode.Disposable {
  /**
   * Per document, from pushes and document pulls (what the editor shows for open documents), and apart from them
   * from workspace pulls (what it shows for the others): an unchanged document pull is judged against the DX
   * state its own last full report was shown with, never one a workspace report recorded meanwhile.
   */
  private readonly received = new Map<string, Received>();
  private readonly receivedForWorkspace = new Map<string, Received>();
  private seq = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  private dxInstalled = vscode.extensions.getExtension(DOCKER_DX_ID) !== undefined;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => this.dxChanged(e.uris)),
      vscode.extensions.onDidChange(() => {
        const installed = vscode.extensions.getExtension(DOCKER_DX_ID) !== undefined;
        if (installed === this.dxInstalled) return;
        this.dxInstalled = installed;
        this.dxChanged([...new Set([...this.received.keys(), ...this.receivedForWorkspace.keys()])].map((k) => vscode.Uri.parse(k, true)));
      }),
    );
  }

  /** Dockwise's diagnostics of `uri`, shown or not; undefined while the server has reported none for it. */
  of(uri: vscode.Uri): readonly vscode.Diagnostic[] | undefined {
    const a = this.received.get(uri.toString());
    const b = this.receivedForWorkspace.get(uri.toString());
    return (a && b ? (a.seq > b.seq ? a : b) : a ?? b)?.diagnostics;
  }

  /** The language client's middleware that routes Dockwise's diagnostics, pushed and pulled, through here. */
  readonly middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => {
      // The server clears a closed document's diagnostics: nothing is known of it any more.
      const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      if (!diagnostics.length && !open) {
        this.received.delete(uri.toString());
        this.receivedForWorkspace.delete(uri.toString());
      } else this.received.set(uri.toString(), { diagnostics, show: next, dx: this.dxKey(uri), seq: ++this.seq });
      next(uri, this.shown(uri, diagnostics));
    },
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await next(document, previousResultId, token);
      return report ? this.pulled(this.received, document instanceof vscode.Uri ? document : document.uri, report) : report;
    },
    provideWorkspaceDiagnostics: async (resultIds, token, resultReporter, next) => {
      const items = (list: vsdiag.WorkspaceDocumentDiagnosticReport[]) => list.map((r) => ({ ...this.pulled(this.receivedForWorkspace, r.uri, r), uri: r.uri, version: r.version }));
      const report = await next(resultIds, token, (chunk) => resultReporter(chunk && { items: items(chunk.items) }));
      return report ? { items: items(report.items) } : report;
    },
  };

  /** A pulled report as shown: a full one without DX's checks; an unchanged one made full again when DX has changed since. */
  private pulled(records: Map<string, Received>, uri: vscode.Uri, report: vsdiag.FullDocumentDiagnosticReport | vsdiag.UnchangedDocumentDiagnosticReport): vsdiag.FullDocumentDiagnosticReport | vsdiag.UnchangedDocumentDiagnosticReport {
    const key = uri.toString();
    if (report.kind === vsdiag.DocumentDiagnosticReportKind.full) {
      records.set(key, { diagnostics: report.items, dx: this.dxKey(uri), seq: ++this.seq });
      return { ...report, items: this.shown(uri, report.items) };
    }
    const known = records.get(key);
    if (!known) return report;
    const dx = this.dxKey(uri);
    if (dx === known.dx) return report;
    known.dx = dx;
    return { kind: vsdiag.DocumentDiagnosticReportKind.full, resultId: report.resultId, items: this.shown(uri, known.diagnostics) };
  }

  private table(): DockerDxChecks | undefined {
    const t = (this.client()?.initializeResult?.capabilities.experimental as { dockerDx?: DockerDxChecks } | undefined)?.dockerDx;
    return t && typeof t.source === 'string' && t.checks && typeof t.checks === 'object' ? t : undefined;
  }

  private dxDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    const table = this.dxInstalled ? this.table() : undefined;
    return table ? vscode.languages.getDiagnostics(uri).filter((d) => d.source === table.source) : [];
  }

  private dxKey(uri: vscode.Uri): string {
    return this.dxDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort().join(' ');
  }

  /** Dockwise's diagnostics less those of a check DX reports around them. */
  private shown(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const dx = this.dxDiagnostics(uri);
    const checks = dx.length ? this.table()?.checks : undefined;
    if (!checks) return diagnostics;
    return diagnostics.filter((d) => {
      const check = d.source === OWN_SOURCE ? checks[codeOf(d)] : undefined;
      return !check || !dx.some((x) => codeOf(x) === check && x.range.contains(d.range));
    });
  }

  /** DX's diagnostics of `uris` may have changed: show Dockwise's of those documents anew where they did. */
  private dxChanged(uris: readonly vscode.Uri[]): void {
    let repull = false;
    for (const uri of uris) {
      for (const known of [this.received.get(uri.toString()), this.receivedForWorkspace.get(uri.toString())]) {
        if (!known) continue;
        const dx = this.dxKey(uri);
        // Setting Dockwise's own diagnostics fires this event too: DX's are then what they were.
        if (dx === known.dx) continue;
        // A pulled report is shown anew by pulling again (pulled() then notes DX's diagnostics).
        if (!known.show) { repull = true; continue; }
        known.dx = dx;
        known.show(uri, this.shown(uri, known.diagnostics));
      }
    }
    if (repull) this.client()?.getFeature(DocumentDiagnosticRequest.method)?.refresh();
  }

  /** Forgets every document's diagnostics: the server is restarting and reports them again. */
  clear(): void {
    this.received.clear();
    this.receivedForWorkspace.clear();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.clear();
  }
}
