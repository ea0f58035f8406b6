// The commands the server runs for the client: fix all, a rule's documentation as Markdown, and showing a
// rule's shipped page (for clients without their own way to open it: every editor but VS Code).
import type { ExecuteCommandParams } from 'vscode-languageserver';
import { findRules, localize, ruleMarkdown } from '../engine';
import { ACTION_STRINGS, fixAllEdit } from './code-actions';
import { REFACTOR_COMMAND, REFACTOR_NOTES_COMMAND, runRefactorCommand, showNotes } from './refactorings';
import type { Session } from './session';
import { LENS_STRINGS, PIN_DIGEST_COMMAND } from './code-lens';

export const SERVER_COMMANDS = ['dockwise.server.fixAll', 'dockwise.server.explain', 'dockwise.server.showDocumentation', REFACTOR_COMMAND, REFACTOR_NOTES_COMMAND, PIN_DIGEST_COMMAND];

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  const { connection } = session;
  try {
    if (params.command === 'dockwise.server.fixAll') {
      const doc = session.documents.get(String(params.arguments?.[0] ?? ''));
      if (!doc) return null;
      const edit = await fixAllEdit(session, doc);
      if (edit) await connection.workspace.applyEdit({ label: localize(ACTION_STRINGS, 'action.fixAll', session.workspace.locale), edit });
      return null;
    }
    if (params.command === PIN_DIGEST_COMMAND) {
      // [uri, offset of the digest, the digest there, the new one]: applied only while the old digest is still there.
      const [uri, start, old, digest] = (params.arguments ?? []) as [string, number, string, string];
      const doc = session.documents.get(String(uri));
      if (!doc || typeof start !== 'number' || typeof old !== 'string' || typeof digest !== 'string' || doc.getText().slice(start, start + old.length) !== old) return null;
      const range = { start: doc.positionAt(start), end: doc.positionAt(start + old.length) };
      await connection.workspace.applyEdit({ label: localize(LENS_STRINGS, 'lens.pinCurrent', session.workspace.locale), edit: { changes: { [doc.uri]: [{ range, newText: digest }] } } });
      return null;
    }
    if (params.command === REFACTOR_COMMAND) {
      await runRefactorCommand(session, params.arguments?.[0]);
      return null;
    }
    if (params.command === REFACTOR_NOTES_COMMAND) {
      showNotes(session, params.arguments?.[0]);
      return null;
    }
    if (params.command === 'dockwise.server.explain') {
      const rule = findRules(String(params.arguments?.[0] ?? ''))[0];
      return rule ? ruleMarkdown(rule, session.workspace.locale) : null;
    }
    if (params.command === 'dockwise.server.showDocumentation') {
      const rule = findRules(String(params.arguments?.[0] ?? ''))[0];
      if (!rule) return { success: false };
      const uri = session.pages.fileUri(rule.meta.id, session.workspace.locale);
      if (uri && (await showDocument(session, uri))) return { success: true };
      // Not opened: the page itself, for an editor that shows what a command returns (docs/editor.md, Neovim).
      return ruleMarkdown(rule, session.workspace.locale);
    }
  } catch (e) {
    connection.console.error(`Dockwise: command ${params.command} failed: ${(e as Error)?.stack ?? e}`);
  }
  return null;
}

/**
 * Asks the editor to open a page, also when it does not announce window/showDocument: Helix opens it all the
 * same (24.03 to 25.07 handle the request without announcing it), and an editor that cannot answers with an error.
 */
async function showDocument(session: Session, uri: string): Promise<boolean> {
  try {
    return (await session.connection.window.showDocument({ uri, takeFocus: true }))?.success === true;
  } catch {
    return false;
  }
}
