// Findings as diagnostics, pulled or pushed. An editor that pulls them (LSP 3.17 textDocument/diagnostic) asks for
// a document's when it shows it and hears `unchanged` while its findings are the same; to any other editor they
// are published after each change. ShellCheck's findings come later: the puller is asked to pull again, the others
// get a second publication. Diagnostics carry no fixes: code actions find them in the session's cache.
import { DiagnosticSeverity, DiagnosticTag, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRules, plainText, type DockerfileModel, type Finding, type Severity } from '../engine';
import type { Entry, Session } from './session';

/** A diagnostic as sent, with what it was made from. */
interface Sent { key: string; message: string; severity: Severity; related: string; diagnostic: Diagnostic }

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, style: DiagnosticSeverity.Hint };

export class Diagnostics {
  /** The editor pulls diagnostics: the server publishes none. */
  pull = false;
  /** The editor can be asked to pull again (workspace/diagnostic/refresh). */
  canRefresh = false;
  /**
   * Per open document, the diagnostics last sent, by what they say. A finding that says the same at the same place
   * as before (most of them, from one keystroke to the next) gets the same object, which the message writer has
   * encoded already (message-writer.ts).
   */
  private readonly sent = new Map<string, Map<string, Sent>>();
  /** What each finding was sent as: a finding kept from the version before is the same object, at the same place. */
  private made = new WeakMap<Finding, Sent>();
  /** A result id names one list of findings: a new version, new settings and ShellCheck's later findings each make a new list. */
  private readonly resultIds = new WeakMap<readonly Finding[], string>();
  private lastResultId = 0;
  /** ShellCheck's findings: an analysis reused for the same text (an undo) has them already, and gets them anew. */
  private readonly fromShellcheck = new WeakSet<Finding>();

  constructor(private readonly session: Session) {}

  private make(f: Finding, range: Diagnostic['range']): Diagnostic {
    const rule = findRules(f.rule)[0];
    const tags: DiagnosticTag[] = [];
    if (rule?.meta.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
    if (rule?.meta.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
    const href = this.session.pages.diagnosticHref(f.rule, this.session.workspace.locale);
    return {
      range,
      severity: SEVERITY[f.severity],
      code: f.rule,
      ...(href ? { codeDescription: { href } } : {}),
      source: 'dockwise',
      // VS Code shows a diagnostic's message as plain text: code spans in quotes, not backticks.
      message: plainText(f.message),
      ...(tags.length ? { tags } : {}),
      // The compose or bake line a finding is about (the service that passes an arg no ARG declares).
      ...(f.related?.length ? { relatedInformation: f.related.map((r) => ({ location: { uri: r.file, range: { start: { line: r.line - 1, character: r.column ?? 0 }, end: { line: r.line - 1, character: (r.column ?? 0) + (r.length ?? 0) } } }, message: r.label })) } : {}),
    };
  }

  /** The diagnostics of `findings` (of `model`); for an open document (`uri`), the ones sent before where they are the same. */
  toDiagnostics(model: DockerfileModel, findings: readonly Finding[], uri?: string): Diagnostic[] {
    const before = uri === undefined ? undefined : this.sent.get(uri);
    const now = new Map<string, Sent>();
    const out = findings.map((f) => {
      let sent = this.made.get(f);
      if (!sent) {
        const range = model.range(f.start, f.end);
        const { start, end } = range;
        // Where and which rule: short, so that looking it up costs little; the message and severity are compared.
        const key = `${start.line}:${start.character}:${end.line}:${end.character}:${f.rule}`;
        const related = f.related ? JSON.stringify(f.related) : '';
        const same = (s: Sent | undefined) => (s && s.message === f.message && s.severity === f.severity && s.related === related ? s : undefined);
        sent = same(now.get(key)) ?? same(before?.get(key)) ?? { key, message: f.message, severity: f.severity, related, diagnostic: this.make(f, range) };
        this.made.set(f, sent);
      }
      now.set(sent.key, sent);
      return sent.diagnostic;
    });
    if (uri !== undefined) this.sent.set(uri, now);
    return out;
  }

  /** The result id of an analysis: the same for as long as its findings are. */
  resultId(entry: Entry): string {
    let id = this.resultIds.get(entry.findings);
    if (id === undefined) this.resultIds.set(entry.findings, id = `d${++this.lastResultId}`);
    return id;
  }

  /** Adds ShellCheck's findings to the analysis, where it runs and is on; whether it added any to the current version. */
  private async shellcheck(uri: string, entry: Entry): Promise<boolean> {
    const { session } = this;
    if (!entry.settings.shellcheck.enable || !session.workspaceTrusted || entry.shellchecked) return false;
    entry.shellchecked = true;
    const sc = await session.workspace.shellcheck(entry.model, entry.options);
    const now = session.documents.get(uri);
    if (!sc.length || !now || now.version !== entry.version || session.cache.get(uri) !== entry) return false;
    for (const f of sc) this.fromShellcheck.add(f);
    entry.findings = [...entry.findings.filter((f) => !this.fromShellcheck.has(f)), ...sc];
    return true;
  }

  /** textDocument/diagnostic: the findings of the document's current version, or `unchanged` when the editor has them. */
  async report(uri: string, previousResultId: string | undefined, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const { session } = this;
    try {
      for (;;) {
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        const doc = session.documents.get(uri);
        if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const entry = await session.analyse(doc);
        // A newer version arrived meanwhile: the answer is for that one.
        if (!entry) continue;
        void this.shellcheck(uri, entry).then((added) => {
          if (added && this.canRefresh) return session.connection.languages.diagnostics.refresh();
        }).catch((e) => session.connection.console.error(`Dockwise: ShellCheck on ${uri} failed: ${(e as Error)?.stack ?? e}`));
        const resultId = this.resultId(entry);
        if (resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.toDiagnostics(entry.model, entry.findings, uri) };
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      session.connection.console.error(`Dockwise: could not lint ${uri}: ${(e as Error)?.stack ?? e}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  }

  /** Lints the document's version (once) and publishes; then ShellCheck's findings, where it runs and is on. */
  async validate(doc: TextDocument): Promise<void> {
    const { session } = this;
    const { connection, documents } = session;
    try {
      const entry = await session.analyse(doc);
      const current = documents.get(doc.uri);
      if (!entry || !current || current.version !== entry.version) return;
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.toDiagnostics(entry.model, entry.findings, doc.uri) });
      if (await this.shellcheck(doc.uri, entry)) {
        await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.toDiagnostics(entry.model, entry.findings, doc.uri) });
      }
    } catch (e) {
      connection.console.error(`Dockwise: could not lint ${doc.uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** A document changed or opened: published to an editor that does not pull. */
  changed(doc: TextDocument): void {
    if (!this.pull) void this.validate(doc);
  }

  /** Settings or files beside the Dockerfiles changed: every analysis is made again, and published or pulled again. */
  invalidate(what: { settings?: boolean }): void {
    // The language, and with it messages and links, may have changed.
    this.sent.clear();
    this.made = new WeakMap();
    this.session.invalidate(what, (doc) => this.changed(doc));
    if (this.pull && this.canRefresh) void this.session.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Another build was chosen for an open document: its diagnostics are made again, and published or pulled again. */
  rechosen(uri: string): void {
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    if (!this.pull) void this.validate(doc);
    else if (this.canRefresh) void this.session.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  closed(uri: string): void {
    this.sent.delete(uri);
    if (!this.pull) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
