// What could not be read in a compose or bake file (a YAML error, an `include:` not followed, a bake function not
// evaluated) is shown on that file, at its line: the Dockerfiles it builds are linted with the rest of it, and the
// user sees why a service or target is missing. The problems are the file's own, the same whichever Dockerfile
// found them, so each file's are sent once and again only when they change.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { FoundInvocations } from '../workspace/invocations';
import { uriJoin } from '../workspace/uri';

export class BuildFileProblems {
  /** What was last sent per compose or bake file URI, as JSON. */
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Shows the problems of every file `found` read (none: any shown before are cleared). */
  show(found: FoundInvocations): void {
    for (const file of found.files) {
      const uri = uriJoin(found.root, file);
      const diagnostics: Diagnostic[] = found.problems.filter((p) => p.file === file).map((p) => ({
        range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        source: 'dockwise',
        message: p.message,
      }));
      const json = JSON.stringify(diagnostics);
      if ((this.sent.get(uri) ?? '[]') === json) continue;
      this.sent.set(uri, json);
      void this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    }
  }

  /** The files changed: what was shown is cleared until they are read again. */
  clear(): void {
    for (const [uri, json] of this.sent) if (json !== '[]') void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    this.sent.clear();
  }
}
