// Quick fixes (each finding's fixes, fix-all of one rule, an ignore pragma, the rule's page) and fix-all on save.
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defineStrings, DockerfileModel, findRules, fixAll, fixProblem, fixTitle, ignoreEdit, localize, speaker, type Finding, type Fix, type OffsetEdit } from '../engine';
import { fixInvocations } from '../workspace/invocation-lint';
import { hasFolder, uriDirname, uriJoin } from '../workspace/uri';
import { dockerDxFindings } from './docker-dx';
import { isRefactorData, refactorActions, resolveRefactorAction } from './refactorings';
import type { Session } from './session';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockwise`;

/** Edits by offsets of `model`'s text as the editor takes them, by lines and characters. */
export function textEdits(model: DockerfileModel, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.range(e.start, e.end), newText: e.text }));
}

/**
 * A fix's edits (of `model`'s text, the document's version `doc`), the files it creates beside the Dockerfile (a
 * .dockerignore) and its edits of other files (the compose file that passes an arg, named by URI).
 */
function editFor(uri: string, doc: TextDocument, model: DockerfileModel, fix: Fix): WorkspaceEdit {
  // Other files' edits by line and character, as the fix gives them.
  const others = new Map<string, TextEdit[]>();
  for (const e of fix.editFiles ?? []) {
    const range = { start: { line: e.line - 1, character: e.column }, end: { line: e.line - 1, character: e.column + e.length } };
    others.set(e.file, [...(others.get(e.file) ?? []), { range, newText: e.text }]);
  }
  if (!fix.createFiles?.length) {
    const changes: Record<string, TextEdit[]> = Object.fromEntries(others);
    if (fix.edits.length || !others.size) changes[uri] = textEdits(model, fix.edits);
    return { changes };
  }
  const changes: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const f of fix.createFiles) {
    // A document in no folder (untitled:) has nowhere to put them.
    if (!hasFolder(uri)) continue;
    const target = uriJoin(uriDirname(uri), f.path);
    changes.push({ kind: 'create', uri: target, options: { ignoreIfExists: true } });
    changes.push({ textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.content }] });
  }
  for (const [other, edits] of others) changes.push({ textDocument: { uri: other, version: null }, edits });
  if (fix.edits.length) changes.push({ textDocument: { uri, version: doc.version }, edits: textEdits(model, fix.edits) });
  return { documentChanges: changes };
}

function wholeDocumentEdit(doc: TextDocument, text: string): WorkspaceEdit {
  return { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text }] } };
}

/** Every safe fix (and unsafe ones when the setting says so) to a fixed point, as one edit; undefined: nothing to fix. */
export async function fixAllEdit(session: Session, doc: TextDocument, onlyRules?: string[]): Promise<WorkspaceEdit | undefined> {
  const entry = await session.analyse(doc);
  if (!entry) return undefined;
  const options = { ...entry.options, unsafe: entry.settings.fix.unsafe, onlyRules };
  // As the document is linted: as each compose service and bake target builds it (those chosen), when some do.
  const built = await session.invocationsOf(doc.uri);
  const { invocations } = session.chosenInvocations(doc.uri, built);
  const result = built && invocations.length
    ? await fixInvocations(session.workspace, doc.uri, built.root, entry.text, options, invocations)
    : await session.workspace.withFiles(doc.uri, () => fixAll(entry.text, options));
  if (result.text === entry.text && !result.createFiles.length) return undefined;
  const edit = wholeDocumentEdit(doc, result.text);
  if (result.createFiles.length) {
    const withFiles = editFor(doc.uri, doc, entry.model, { title: 'fix all', safety: 'safe', edits: [], createFiles: result.createFiles });
    withFiles.documentChanges!.push({ textDocument: { uri: doc.uri, version: doc.version }, edits: edit.changes![doc.uri] });
    return withFiles;
  }
  return edit;
}

/** The English of the code actions the server adds to each finding's own fixes. */
export const ACTION_STRINGS = defineStrings({
  'action.showDocumentation': 'Show documentation for {id}',
  'action.fixAllSafe': 'Dockwise: fix all safe problems',
  'action.fixAllOfRule': 'Fix all {id} problems in this file',
  'action.ignoreForLine': 'Ignore {id} for this line',
  'action.fixAll': 'Dockwise: fix all problems',
});

/**
 * The client's own command when it has one; else the server's, which asks the editor to open the shipped page
 * (window/showDocument) and returns the page's Markdown when it does not (see commands.ts).
 */
export function documentationCommand(session: Session, id: string): Command | undefined {
  if (!findRules(id).length) return undefined;
  const title = localize(ACTION_STRINGS, 'action.showDocumentation', session.workspace.locale, { id });
  if (session.pages.options.command) return { title, command: session.pages.options.command, arguments: [id] };
  if (session.pages.fileUri(id, session.workspace.locale)) return { title, command: 'dockwise.server.showDocumentation', arguments: [id] };
  return undefined;
}

/** What a "fix all of one rule" action carries until it is resolved. */
interface FixAllData { uri: string; version: number; rule: string }

function isFixAllData(x: unknown): x is FixAllData {
  const d = x as Partial<FixAllData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.rule === 'string';
}

/**
 * An action's edit, computed when the user picks it (codeAction/resolve). When the document has changed since the
 * action was offered, it comes back without an edit: an edit of an older version would land in the wrong places.
 */
export async function resolveCodeAction(session: Session, action: CodeAction): Promise<CodeAction> {
  if (!action.edit && isRefactorData(action.data)) return resolveRefactorAction(session, action, action.data);
  if (action.edit || !isFixAllData(action.data)) return action;
  const { uri, version, rule } = action.data;
  try {
    const doc = session.documents.get(uri);
    if (!doc || doc.version !== version) return action;
    const edit = await fixAllEdit(session, doc, [rule]);
    return edit && doc.version === version ? { ...action, edit } : action;
  } catch (e) {
    session.connection.console.error(`Dockwise: resolving a code action failed: ${(e as Error)?.stack ?? e}`);
    return action;
  }
}

export async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const { connection } = session;
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const entry = await session.analyse(doc);
    if (!entry) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const t = speaker(ACTION_STRINGS, session.workspace.locale);
    if (only && wants(FIX_ALL_KIND) && !wants(CodeActionKind.QuickFix)) {
      const edit = await fixAllEdit(session, doc);
      return edit ? [{ title: t('action.fixAllSafe'), kind: FIX_ALL_KIND, edit }] : [];
    }
    const refactors = !only || only.some((k) => k === CodeActionKind.Refactor || k.startsWith(`${CodeActionKind.Refactor}.`)) ? await refactorActions(session, doc, entry, params.range, wants) : [];
    if (!wants(CodeActionKind.QuickFix)) return refactors;
    const ours = params.context.diagnostics.filter((d) => d.source === 'dockwise');
    const { model } = entry;
    const ignores = ours.map((d) => textEdits(model, [ignoreEdit(model, d.range.start.line, String(d.code))]));
    // Diagnostics carry no fixes: each is the finding of its rule at its range in the analysis (by its start alone
    // when the editor has stretched the range as the user typed in it).
    const findings = ours.map((d) => {
      const id = String(d.code);
      const start = model.lines.offsetAt(d.range.start);
      const end = model.lines.offsetAt(d.range.end);
      return entry.findings.find((f) => f.rule === id && f.start === start && f.end === end) ?? entry.findings.find((f) => f.rule === id && f.start === start);
    });
    let vetted: DockerfileModel | undefined;
    const fixActions = (d: Diagnostic, finding: Finding): CodeAction[] => finding.fixes.flatMap((fix) => {
      const unsafe = fix.safety === 'unsafe';
      // A safe fix is offered only when, applied on its own, it parses and changes no more than it declares.
      const problem = unsafe ? undefined : fixProblem(vetted ??= new DockerfileModel(entry.text), fix);
      if (problem) {
        connection.console.warn(`Dockwise: withheld the fix "${fix.title}" of ${finding.rule}: ${problem}`);
        return [];
      }
      return [{ title: fixTitle(fix, session.workspace.locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !unsafe, edit: editFor(doc.uri, doc, model, fix) }];
    });
    // Where Docker DX shows a BuildKit check in place of Dockwise's diagnostic, Dockwise's fixes go on DX's.
    const onDockerDx = dockerDxFindings(params.context.diagnostics, entry.findings, model).flatMap(({ diagnostic, finding }) => fixActions(diagnostic, finding));
    for (const [k, d] of ours.entries()) {
      const id = String(d.code);
      const finding = findings[k];
      if (!finding) continue;
      actions.push(...fixActions(d, finding));
      const same = entry.findings.filter((f) => f.rule === id && f.fixes.some((x) => !x.editFiles?.length && (x.safety === 'safe' || entry.settings.fix.unsafe)));
      if (same.length > 1) {
        const title = t('action.fixAllOfRule', { id });
        // Fixing every finding of the rule to a fixed point lints the file several times (a second on a long file):
        // an editor that resolves actions asks for it only when the user picks this one.
        if (session.resolvesCodeActionEdits) {
          const data: FixAllData = { uri: doc.uri, version: doc.version, rule: id };
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], data });
        } else {
          const edit = await fixAllEdit(session, doc, [id]);
          if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
        }
      }
      actions.push({ title: t('action.ignoreForLine', { id }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: ignores[k] } } });
      const show = documentationCommand(session, id);
      if (show) actions.push({ title: show.title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: show });
    }
    return [...actions, ...onDockerDx, ...refactors];
  } catch (e) {
    connection.console.error(`Dockwise: code actions failed: ${(e as Error)?.stack ?? e}`);
    return [];
  }
}
