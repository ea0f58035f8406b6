// Publishing findings as diagnostics: after each change, and again when ShellCheck's findings arrive.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRules, type DockerfileModel, type Finding, type Severity } from '../engine';
import { textEdits } from './code-actions';
import { plainText } from '../engine';
import type { Session } from './session';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, style: DiagnosticSeverity.Hint };

export class Diagnostics {
  // Findings of the stages an edit left alone are the same objects from one version to the next: so are their diagnostics.
  private readonly made = new WeakMap<Finding, Diagnostic>();

  constructor(private readonly session: Session) {}

  // A finding kept from one version to the next is at the same offsets and on the same lines (incremental-lint.ts
  // keeps a stage's findings only while it starts on the same line with the same text): its diagnostic holds.
  private toDiagnostic(model: DockerfileModel, f: Finding): Diagnostic {
    let d = this.made.get(f);
    if (!d) this.made.set(f, d = this.make(model, f));
    return d;
  }

  private make(model: DockerfileModel, f: Finding): Diagnostic {
    const rule = findRules(f.rule)[0];
    const tags: DiagnosticTag[] = [];
    if (rule?.meta.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
    if (rule?.meta.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
    const href = this.session.pages.diagnosticHref(f.rule, this.session.workspace.locale);
    return {
      range: model.range(f.start, f.end),
      severity: SEVERITY[f.severity],
      code: f.rule,
      ...(href ? { codeDescription: { href } } : {}),
      source: 'dockwise',
      // VS Code shows a diagnostic's message as plain text: code spans in quotes, not backticks.
      message: plainText(f.message),
      ...(tags.length ? { tags } : {}),
      // Sent on every keystroke: a finding without fixes carries no data.
      ...(f.fixes.length ? { data: { fixes: f.fixes.map((x) => ({ ...x, edits: textEdits(model, x.edits) })) } } : {}),
    };
  }

  /** Lints the document's version (once) and publishes; then ShellCheck's findings, where it runs and is on. */
  async validate(doc: TextDocument): Promise<void> {
    const { session } = this;
    const { connection, documents } = session;
    try {
      const entry = await session.analyse(doc);
      const current = documents.get(doc.uri);
      if (!entry || !current || current.version !== entry.version) return;
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: entry.findings.map((f) => this.toDiagnostic(entry.model, f)) });
      if (entry.settings.shellcheck.enable && session.workspaceTrusted && !entry.shellchecked) {
        entry.shellchecked = true;
        const sc = await session.workspace.shellcheck(entry.model, entry.options);
        const now = documents.get(doc.uri);
        if (!sc.length || !now || now.version !== entry.version || session.cache.get(doc.uri) !== entry) return;
        entry.findings = [...entry.findings, ...sc];
        await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: entry.findings.map((f) => this.toDiagnostic(entry.model, f)) });
      }
    } catch (e) {
      connection.console.error(`Dockwise: could not lint ${doc.uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  clear(uri: string): void {
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
