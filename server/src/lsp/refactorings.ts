// Refactorings in the editor: offered as `refactor.*` code actions where the cursor is, their change computed only
// when the user picks one (codeAction/resolve, or a server command for editors that do not resolve and for the
// refactorings that must ask something first). The change comes as one workspace edit, marked for the editor's
// preview when it is more than a one-line change, and what the user should know afterwards is shown as a message.
import { type CodeAction, type ChangeAnnotation, type Command, MessageType, ShowMessageNotification, type Range, type TextDocumentEdit, type WorkspaceEdit, type CreateFile, type AnnotatedTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileModel, engineSettings, refactoringsAt, runRefactoring, localize, defineStrings, type RefactorContext, type RefactorOffer, type RefactorOutcome, type RefactorQuestion } from '../engine';
import { lineEdits } from '../engine/line-diff';
import { hasFolder, uriDirname, uriJoin } from '../workspace/uri';
import type { Entry, Session } from './session';

export const REFACTOR_COMMAND = 'dockwise.server.refactor';
export const REFACTOR_NOTES_COMMAND = 'dockwise.server.refactorNotes';

/** The request the VS Code client answers with a quick pick (it says so in `initializationOptions.quickPick`). */
export const QUICK_PICK_REQUEST = 'dockwise/quickPick';

export interface QuickPickParams {
  title: string;
  placeHolder: string;
  items: Array<{ label: string; description?: string; value: string }>;
  canPickMany: boolean;
}

export const REFACTOR_ACTION_STRINGS = defineStrings({
  'refactor.action.gone': 'The file changed: pick the refactoring again',
  'refactor.action.cancelled': '{title}: nothing picked, nothing changed',
});

/** What a refactoring's action carries until it is resolved or run. */
export interface RefactorData { uri: string; version: number; refactoring: string; key: string }

export function isRefactorData(x: unknown): x is RefactorData {
  const d = x as Partial<RefactorData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.refactoring === 'string' && typeof d.key === 'string';
}

function contextFor(session: Session, entry: Entry): RefactorContext {
  const o = entry.options;
  return {
    model: entry.model,
    settings: engineSettings(o),
    files: o.files,
    registry: session.host.registry,
    lint: { severities: o.severities, severitiesFor: o.severitiesFor, postprocess: o.postprocess },
  };
}

/** The `refactor.*` actions at `range` whose kind the editor wants; no change is computed here. */
export async function refactorActions(session: Session, doc: TextDocument, entry: Entry, range: Range, wants: (kind: string) => boolean): Promise<CodeAction[]> {
  const ctx = contextFor(session, entry);
  const start = entry.model.lines.offsetAt(range.start);
  const end = entry.model.lines.offsetAt(range.end);
  const offers = await session.workspace.withFiles(doc.uri, () => refactoringsAt(ctx, start, end));
  return offers.filter((o) => wants(o.kind) && (!o.unavailable || session.showsDisabledActions)).map((o) => {
    // Greyed out in the menu, with why (no HTTP client in the image for a health probe).
    if (o.unavailable) return { title: o.title, kind: o.kind, disabled: { reason: o.unavailable } };
    const data: RefactorData = { uri: doc.uri, version: doc.version, refactoring: o.refactoring, key: o.key };
    // A refactoring that asks first, or an editor that does not resolve edits: the server runs it when picked.
    if (o.question || !session.resolvesCodeActionEdits) return { title: o.title, kind: o.kind, command: { title: o.title, command: REFACTOR_COMMAND, arguments: [data] } };
    return { title: o.title, kind: o.kind, data };
  });
}

/** The hints of the refactorings offered at `offset` (each with its title), for the hover. */
export async function refactoringHints(session: Session, doc: TextDocument, entry: Entry, offset: number): Promise<string[]> {
  const ctx = contextFor(session, entry);
  const offers = await session.workspace.withFiles(doc.uri, () => refactoringsAt(ctx, offset, offset));
  return offers.filter((o) => o.hint).map((o) => `**${o.title}**: ${o.hint}`);
}

/** The document, its analysis and the offer `data` names, when the document is still at that version. */
async function offerFor(session: Session, data: RefactorData): Promise<{ doc: TextDocument; entry: Entry; ctx: RefactorContext; offer: RefactorOffer } | undefined> {
  const doc = session.documents.get(data.uri);
  if (!doc || doc.version !== data.version) return undefined;
  const entry = await session.analyse(doc);
  if (!entry) return undefined;
  const ctx = contextFor(session, entry);
  const offer = (await session.workspace.withFiles(doc.uri, () => refactoringsAt(ctx, 0, entry.model.text.length))).find((o) => o.refactoring === data.refactoring && o.key === data.key);
  return offer && { doc, entry, ctx, offer };
}

/** Whether the change is more than one edit on one line: then the editor shows it for confirmation first. */
function needsPreview(model: DockerfileModel, out: RefactorOutcome): boolean {
  if (out.files?.length || out.edits.length > 1) return true;
  const e = out.edits[0];
  return !!e && (model.lines.positionAt(e.start).line !== model.lines.positionAt(e.end).line || e.text.includes('\n'));
}

/** The refactoring's change as one workspace edit: the Dockerfile and the files beside it, annotated for the preview. */
export function refactorEdit(session: Session, doc: TextDocument, model: DockerfileModel, offer: RefactorOffer, out: RefactorOutcome, ctx: RefactorContext): WorkspaceEdit {
  const annotate = session.editCapabilities.changeAnnotations && needsPreview(model, out);
  const annotationId = annotate ? `dockwise.${offer.refactoring}` : undefined;
  const edits = (m: { lines: DockerfileModel['lines'] }, list: ReadonlyArray<{ start: number; end: number; text: string }>): AnnotatedTextEdit[] =>
    list.map((e) => ({ range: { start: m.lines.positionAt(e.start), end: m.lines.positionAt(e.end) }, newText: e.text, ...(annotationId ? { annotationId } : {}) }) as AnnotatedTextEdit);
  // One edit per changed run of lines: the preview then shows each change in place, not the file replaced.
  const changes: Array<TextDocumentEdit | CreateFile> = [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits(model, lineEdits(model.text, out.text)) }];
  for (const f of out.files ?? []) {
    if (!hasFolder(doc.uri)) continue;
    const target = uriJoin(uriDirname(doc.uri), f.path);
    const old = f.exists ? ctx.files?.read(f.path) : undefined;
    if (f.exists && old === undefined) continue;
    if (!f.exists) changes.push({ kind: 'create', uri: target, options: { ignoreIfExists: true }, ...(annotationId ? { annotationId } : {}) });
    const oldModel = { lines: new DockerfileModel(old ?? '').lines };
    changes.push({ textDocument: { uri: target, version: null }, edits: edits(oldModel, lineEdits(old ?? '', f.content)) });
  }
  const edit: WorkspaceEdit = { documentChanges: changes };
  if (annotationId) {
    const annotation: ChangeAnnotation = { label: offer.title, needsConfirmation: true, ...(out.notes.length ? { description: out.notes.join(' ') } : {}) };
    edit.changeAnnotations = { [annotationId]: annotation };
  }
  return edit;
}

function notesCommand(title: string, notes: readonly string[]): Command | undefined {
  return notes.length ? { title, command: REFACTOR_NOTES_COMMAND, arguments: [notes] } : undefined;
}

/** The action's edit, computed when the user picks it; an action of an older version, or one that fails, says why instead. */
export async function resolveRefactorAction(session: Session, action: CodeAction, data: RefactorData): Promise<CodeAction> {
  const locale = session.workspace.locale;
  const found = await offerFor(session, data);
  if (!found) return { ...action, command: notesCommand(action.title, [localize(REFACTOR_ACTION_STRINGS, 'refactor.action.gone', locale)]) };
  const out = await runRefactoring(found.ctx, found.offer);
  if ('error' in out) return { ...action, command: notesCommand(action.title, [out.error]) };
  return { ...action, edit: refactorEdit(session, found.doc, found.entry.model, found.offer, out, found.ctx), command: notesCommand(action.title, out.notes) };
}

/** Asks the user to pick among the question's candidates; undefined when they pick nothing. */
async function ask(session: Session, title: string, q: RefactorQuestion): Promise<string[] | undefined> {
  const { connection } = session;
  if (session.quickPick) {
    const params: QuickPickParams = { title, placeHolder: q.prompt, canPickMany: !!q.many, items: q.candidates.map((c) => ({ label: c.label ?? c.value, description: c.detail, value: c.value })) };
    const picked = await connection.sendRequest<string[] | null>(QUICK_PICK_REQUEST, params);
    return picked?.length ? picked : undefined;
  }
  // Any editor: one of the candidates, as the buttons of a message.
  const actions = q.candidates.map((c) => ({ title: c.label ?? c.value }));
  const chosen = await connection.window.showInformationMessage(`${title}: ${q.prompt}`, ...actions);
  const hit = chosen && q.candidates.find((c) => (c.label ?? c.value) === chosen.title);
  return hit ? [hit.value] : undefined;
}

/** `dockwise.server.refactor`: asks what the refactoring needs, computes the change and has the editor apply it. */
export async function runRefactorCommand(session: Session, data: unknown): Promise<void> {
  const { connection } = session;
  const locale = session.workspace.locale;
  if (!isRefactorData(data)) return;
  const found = await offerFor(session, data);
  if (!found) {
    tell(session, MessageType.Warning, localize(REFACTOR_ACTION_STRINGS, 'refactor.action.gone', locale));
    return;
  }
  const { offer } = found;
  let answers: string[] | undefined;
  if (offer.question) {
    answers = await ask(session, offer.title, offer.question);
    if (!answers) {
      tell(session, MessageType.Info, localize(REFACTOR_ACTION_STRINGS, 'refactor.action.cancelled', locale, { title: offer.title }));
      return;
    }
  }
  // The user may have typed while choosing.
  if (session.documents.get(data.uri)?.version !== data.version) {
    tell(session, MessageType.Warning, localize(REFACTOR_ACTION_STRINGS, 'refactor.action.gone', locale));
    return;
  }
  const out = await runRefactoring(found.ctx, offer, answers);
  if ('error' in out) {
    tell(session, MessageType.Warning, out.error);
    return;
  }
  await connection.workspace.applyEdit({ label: offer.title, edit: refactorEdit(session, found.doc, found.entry.model, offer, out, found.ctx) });
  if (out.notes.length) showNotes(session, out.notes);
}

/** A message the user needs not answer (window/showMessage: no buttons, nothing waits for it). */
function tell(session: Session, type: MessageType, message: string): void {
  void session.connection.sendNotification(ShowMessageNotification.type, { type, message });
}

/** What the user should know after a refactoring (the build command to add, what a newer base changes). */
export function showNotes(session: Session, notes: unknown): void {
  if (!Array.isArray(notes) || !notes.every((n) => typeof n === 'string')) return;
  tell(session, MessageType.Info, notes.join('\n'));
}
