// Go to definition, find references, document highlights and links to the files COPY and ADD read: the engine's
// answers (offsets) as LSP locations. The first three step aside for a Docker extension's (`languageFeatures`).
import { DocumentHighlightKind, type DefinitionParams, type DocumentHighlight, type DocumentHighlightParams, type DocumentLink, type DocumentLinkParams, type Location, type ReferenceParams } from 'vscode-languageserver';
import { definitionAt, referencesAt } from '../engine/ide/navigation';
import { contextSourcePaths } from '../engine/ide/links';
import { hasFolder, uriDirname, uriJoin } from '../workspace/uri';
import type { Session, Entry } from './session';

/** Runs a request on the document's current analysis; any failure is logged and answered with `empty`. */
async function withEntry<T>(session: Session, uri: string, what: string, empty: T, answer: (entry: Entry) => T | Promise<T>, gated = true): Promise<T> {
  try {
    const entry = await session.current(uri);
    if (!entry || (gated && !session.ownsLanguageFeatures(entry.settings))) return empty;
    return await answer(entry);
  } catch (e) {
    session.connection.console.error(`Dockwise: ${what} failed: ${(e as Error)?.stack ?? e}`);
    return empty;
  }
}

export function definitionRequest(session: Session, params: DefinitionParams): Promise<Location[]> {
  const { uri } = params.textDocument;
  return withEntry(session, uri, 'go to definition', [], (entry) => {
    const { model } = entry;
    return definitionAt(model, model.lines.offsetAt(params.position)).map((s) => ({ uri, range: model.range(s.start, s.end) }));
  });
}

export function referencesRequest(session: Session, params: ReferenceParams): Promise<Location[]> {
  const { uri } = params.textDocument;
  return withEntry(session, uri, 'find references', [], (entry) => {
    const { model } = entry;
    return referencesAt(model, model.lines.offsetAt(params.position), params.context.includeDeclaration).map((o) => ({ uri, range: model.range(o.start, o.end) }));
  });
}

export function highlightRequest(session: Session, params: DocumentHighlightParams): Promise<DocumentHighlight[]> {
  return withEntry(session, params.textDocument.uri, 'document highlight', [], (entry) => {
    const { model } = entry;
    return referencesAt(model, model.lines.offsetAt(params.position), true).map((o) => ({ range: model.range(o.start, o.end), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  });
}

/** COPY and ADD sources that name one file of the build context (the Dockerfile's folder) link to it, when it exists. */
export function documentLinksRequest(session: Session, params: DocumentLinkParams): Promise<DocumentLink[]> {
  const { uri } = params.textDocument;
  return withEntry(session, uri, 'document links', [], async (entry) => {
    if (!hasFolder(uri)) return [];
    const { model } = entry;
    const folder = uriDirname(uri);
    const links: DocumentLink[] = [];
    for (const p of contextSourcePaths(model)) {
      const target = uriJoin(folder, p.path);
      if (await session.host.fs.isFile(target)) links.push({ range: model.range(p.start, p.end), target });
    }
    return links;
  }, false);
}
