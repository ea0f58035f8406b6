// Completion: what may be typed at an offset. While the user types the text is incomplete (`FROM nod`, `COPY --fr`,
// `RUN --mount=type=cache,target=`, `${N`, `# dockwise ignore=apt-`), so the context is read from the characters
// before the cursor on its line and from the model around them (the instruction the cursor is in, its stage, what
// is defined before it), not only from what `resolve` finds. Items carry document offsets and Markdown; the
// language server turns them into LSP items.
import type { DockerfileModel, Instr } from '../../model/dockerfile';
import type { Locale } from '../../i18n/locale';
import { commentCompletions } from './comments';
import { keywordCompletions } from './keywords';
import { argumentCompletions } from './arguments';

export type CompletionKind = 'keyword' | 'snippet' | 'flag' | 'value' | 'variable' | 'directive' | 'rule' | 'image' | 'tag' | 'stage' | 'folder';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One plain-text line beside the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What replaces [start, end): a snippet (`${1:image}`) when `snippet`, else plain text. */
  insertText: string;
  snippet: boolean;
  start: number;
  end: number;
  /** The order the items were made in, which is the order to show them in. */
  sortText: string;
  deprecated?: boolean;
  filterText?: string;
  /** More completion follows right after this item (`--mount=` is followed by its options). */
  retrigger?: boolean;
}

export interface CompletionContext {
  locale: Locale;
  /** YYYY-MM-DD: which release lines are still maintained. */
  today: string;
  /** The editor takes snippets; otherwise insert texts are plain, without placeholders. */
  snippets: boolean;
  /**
   * The character whose typing asked for completion (` `, `=`, `$`…); undefined when the user asked or is typing a
   * word. A space after `RUN` or `#` asks for nothing: only where a value must follow (`FROM `) does it.
   */
  trigger?: string;
}

/** An item before it is placed: where it goes and how it sorts are its proposal's. */
export interface Draft {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** The label when omitted. */
  insertText?: string;
  snippet?: boolean;
  deprecated?: boolean;
  filterText?: string;
  retrigger?: boolean;
}

/** The items for one span of text: what the word at the cursor may be replaced with. */
export interface Proposal { start: number; end: number; drafts: Draft[] }

export function completions(model: DockerfileModel, offset: number, context: CompletionContext): CompletionItem[] {
  const proposal = propose(model, offset, context);
  if (!proposal) return [];
  return proposal.drafts.map((d, i) => place(d, i, proposal, context));
}

function propose(model: DockerfileModel, offset: number, ctx: CompletionContext): Proposal | undefined {
  if (offset < 0 || offset > model.text.length || inHeredocBody(model, offset)) return undefined;
  const { line } = model.lines.positionAt(offset);
  // Between the \r and \n of a line break: no place an editor puts a cursor.
  if (offset > model.lines.lineEnd(line)) return undefined;
  const lineStart = model.lines.lineStart(line);
  const before = model.text.slice(lineStart, offset);
  if (/^\uFEFF?\s*#/.test(before)) return commentCompletions(model, line, offset, ctx);
  if (/^\uFEFF?\s*#/.test(model.lines.lineText(line))) return undefined;
  const instr = cursorInstruction(model, offset, line);
  if (instr && offset < instr.keywordStart) return undefined;
  if (instr?.onbuild && offset <= instr.keywordEnd) return keywordCompletions(model, 'trigger', offset, instr.onbuild.keywordEnd, ctx);
  if (!instr || offset <= instr.keywordEnd) return keywordCompletions(model, 'instruction', offset, lineStart, ctx);
  if (instr.keyword === 'ONBUILD' && !instr.trigger) return keywordCompletions(model, 'trigger', offset, instr.keywordEnd, ctx);
  return argumentCompletions(model, instr, offset, ctx);
}

/**
 * The instruction whose text the cursor is in or right after (on the same line, or on a line it continues onto);
 * an ONBUILD's trigger when the cursor is in it. Undefined on a line of its own.
 */
function cursorInstruction(model: DockerfileModel, offset: number, line: number): Instr | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  let found: Instr | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) { found = list[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  if (!found || line > found.endLine) return undefined;
  return found.trigger && offset >= found.trigger.start ? found.trigger : found;
}

function inHeredocBody(model: DockerfileModel, offset: number): boolean {
  for (const instr of model.instructions) {
    if (instr.start > offset) break;
    for (const h of (instr.trigger ?? instr).heredocs) {
      const end = h.terminated ? h.contentEnd : model.text.length;
      if (offset > model.lines.lineEnd(h.markerLine) && offset <= end) return true;
    }
  }
  return false;
}

function place(d: Draft, index: number, p: Proposal, ctx: CompletionContext): CompletionItem {
  const insert = d.insertText ?? d.label;
  const snippet = d.snippet === true && ctx.snippets;
  const item: CompletionItem = {
    label: d.label,
    kind: d.kind,
    insertText: d.snippet && !ctx.snippets ? plainOfSnippet(insert) : insert,
    snippet,
    start: p.start,
    end: p.end,
    sortText: String(index).padStart(4, '0'),
  };
  if (d.detail !== undefined) item.detail = d.detail;
  if (d.documentation !== undefined) item.documentation = d.documentation;
  if (d.deprecated) item.deprecated = true;
  if (d.filterText !== undefined) item.filterText = d.filterText;
  if (d.retrigger) item.retrigger = true;
  return item;
}

/** A snippet's text with its placeholders filled by their defaults (a choice by its first option) and tab stops dropped. */
export function plainOfSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(',')[0])
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
