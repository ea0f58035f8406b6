// The outline (document symbols) as LSP's hierarchical DocumentSymbol; it steps aside for a Docker extension's.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { outline, type OutlineSymbol, type SymbolKind as OutlineKind } from '../engine/ide/symbols';
import type { DockerfileModel } from '../engine';
import type { Session } from './session';

export const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = { stage: SymbolKind.Class, instruction: SymbolKind.Function, variable: SymbolKind.Variable, label: SymbolKind.Property };

function toSymbol(model: DockerfileModel, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KINDS[s.kind],
    range: model.range(s.start, s.end),
    selectionRange: model.range(s.selectionStart, s.selectionEnd),
    ...(s.children.length ? { children: s.children.map((c) => toSymbol(model, c)) } : {}),
  };
}

export async function documentSymbolRequest(session: Session, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  try {
    const entry = await session.current(params.textDocument.uri);
    if (!entry || !session.ownsLanguageFeatures(entry.settings)) return [];
    return outline(entry.model).map((s) => toSymbol(entry.model, s));
  } catch (e) {
    session.connection.console.error(`Dockwise: outline failed: ${(e as Error)?.stack ?? e}`);
    return [];
  }
}
