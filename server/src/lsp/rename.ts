// Rename: a stage with every reference or a variable within its scope, as one workspace edit; refused with the
// reason when the result would build differently (the engine's checks, and a compose, bake or make file nearby
// that names it).
import { ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { renameEdits, renameTarget, RENAME_STRINGS } from '../engine/ide/rename';
import { speaker } from '../engine';
import { buildFileMentioning } from '../workspace/build-files';
import type { Session } from './session';

// LSP's RequestFailed: the editor shows the message to the user.
const REQUEST_FAILED = -32803;

async function target(session: Session, uri: string, position: { line: number; character: number }) {
  const entry = await session.current(uri);
  if (!entry || !session.ownsLanguageFeatures(entry.settings)) return undefined;
  const locale = session.workspace.locale;
  const found = renameTarget(entry.model, entry.model.lines.offsetAt(position), locale);
  if ('refused' in found) return { entry, refused: found.refused };
  const thing = found.thing;
  // Names other files can give the build: a stage (a target) and an ARG (a build argument).
  if (thing.kind === 'stage' || thing.symbol.kind === 'ARG') {
    const file = await buildFileMentioning(session.host, uri, session.roots, found.name);
    if (file) {
      const t = speaker(RENAME_STRINGS, locale);
      return { entry, refused: t('rename.usedOutside', { name: found.name, file, what: t(thing.kind === 'stage' ? 'rename.usedOutside.stage' : 'rename.usedOutside.arg') }) };
    }
  }
  return { entry, found };
}

export async function prepareRenameRequest(session: Session, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  let t;
  try {
    t = await target(session, params.textDocument.uri, params.position);
  } catch (e) {
    session.connection.console.error(`Dockwise: rename failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
  if (!t) return null;
  if (t.refused !== undefined) throw new ResponseError(REQUEST_FAILED, t.refused);
  return { range: t.entry.model.range(t.found.start, t.found.end), placeholder: t.found.name };
}

export async function renameRequest(session: Session, params: RenameParams): Promise<WorkspaceEdit | null> {
  const { uri } = params.textDocument;
  let t;
  let edits;
  try {
    t = await target(session, uri, params.position);
    if (t?.found) edits = renameEdits(t.entry.model, t.found, params.newName, session.workspace.locale);
  } catch (e) {
    session.connection.console.error(`Dockwise: rename failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
  if (!t) return null;
  if (t.refused !== undefined) throw new ResponseError(REQUEST_FAILED, t.refused);
  if (!edits) return null;
  if ('refused' in edits) throw new ResponseError(REQUEST_FAILED, edits.refused);
  const { model, version } = t.entry;
  return { documentChanges: [{ textDocument: { uri, version }, edits: edits.map((e) => ({ range: model.range(e.start, e.end), newText: e.text })) }] };
}
