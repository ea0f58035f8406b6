// The hover request: the engine's hover (engine/ide/hover.ts) over the document's current analysis.
import type { Hover, HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../engine/ide/hover';
import { refactoringHints } from './refactorings';
import type { Session } from './session';

export async function hoverRequest(session: Session, params: HoverParams): Promise<Hover | null> {
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const entry = await session.analyse(doc);
    if (!entry) return null;
    const { instructions } = entry.settings.hover;
    const keywords = instructions === 'on' || (instructions === 'auto' && !session.dockerExtensionActive);
    const locale = session.workspace.locale;
    const offset = doc.offsetAt(params.position);
    const h = hoverAt(entry.model, entry.findings, offset, { today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10), keywords, pageLink: (id) => session.pages.hoverLink(id, locale), locale });
    // What a refactoring offered right here brings with it (the build command a secret mount needs).
    const hints = (await refactoringHints(session, doc, entry, offset)).join('\n\n');
    if (!h && !hints) return null;
    const markdown = [h?.markdown, hints].filter(Boolean).join('\n\n---\n\n');
    return { contents: { kind: 'markdown', value: markdown }, ...(h ? { range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } } : {}) };
  } catch (e) {
    session.connection.console.error(`Dockwise: hover failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
}
