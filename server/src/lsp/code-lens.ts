// The code lenses above each FROM (engine/ide/lenses.ts). "used by N" opens the references peek through the
// client's command when it has one (VS Code's dockwise.showReferences turns the JSON into the types
// editor.action.showReferences takes); in other editors, and for the other lenses, the lens is a label.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { stageLenses } from '../engine/ide/lenses';
import type { Session } from './session';

export async function codeLensRequest(session: Session, params: CodeLensParams): Promise<CodeLens[]> {
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const entry = await session.analyse(doc);
    if (!entry) return [];
    const show = session.showReferencesCommand;
    const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
    return stageLenses(entry.model, session.workspace.locale).map((lens): CodeLens => {
      const at = range(lens.start, lens.end);
      if (!lens.references || !show) return { range: at, command: { title: lens.title, command: '' } };
      const locations = lens.references.map((r) => ({ uri: doc.uri, range: range(r.start, r.end) }));
      return { range: at, command: { title: lens.title, command: show, arguments: [doc.uri, at.start, locations] } };
    });
  } catch (e) {
    session.connection.console.error(`Dockwise: code lenses failed: ${(e as Error)?.stack ?? e}`);
    return [];
  }
}
