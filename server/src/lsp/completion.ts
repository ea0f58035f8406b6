// Completion over LSP: the engine's items (engine/ide/completion) as CompletionItems with text edits, in the
// user's language, for documents whose language features are Dockwise's (none while a Docker extension, which
// completes on its own, is installed and `dockwise.languageFeatures` is `auto`).
import { CompletionItemKind, CompletionItemTag, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams, type InitializeParams } from 'vscode-languageserver';
import { completions, type CompletionItem as EngineItem, type CompletionKind } from '../engine/ide/completion';
import { plainText } from '../engine/plain-text';
import type { DockerfileModel } from '../engine';
import type { Session } from './session';

/** What completes after a space (`FROM `), a dash (`--`), `=`, `$`, `{`, a comma of a list and an image's `:`. */
export const TRIGGER_CHARACTERS = [' ', '-', '=', '$', '{', ',', ':'];

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  flag: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  variable: CompletionItemKind.Variable,
  directive: CompletionItemKind.Keyword,
  rule: CompletionItemKind.EnumMember,
  image: CompletionItemKind.Module,
  tag: CompletionItemKind.Constant,
  stage: CompletionItemKind.Reference,
  folder: CompletionItemKind.Folder,
};

// VS Code and the editors built on it: they have the command that opens completion again after an item.
const REOPENS_COMPLETION = /visual studio code|code-server|vscodium|cursor/i;

export class Completion {
  private snippets = false;
  private markdown = false;
  private reopens = false;

  constructor(private readonly session: Session) {}

  /** Reads what the editor can do with completion items from `initialize`. */
  configure(params: InitializeParams): void {
    const item = params.capabilities.textDocument?.completion?.completionItem;
    this.snippets = item?.snippetSupport === true;
    this.markdown = item?.documentationFormat?.includes(MarkupKind.Markdown) === true;
    this.reopens = REOPENS_COMPLETION.test(params.clientInfo?.name ?? '');
  }

  async provide(params: CompletionParams): Promise<CompletionItem[]> {
    try {
      const doc = this.session.documents.get(params.textDocument.uri);
      const entry = doc && (await this.session.analyse(doc));
      if (!entry || !this.session.ownsLanguageFeatures(entry.settings)) return [];
      const { model } = entry;
      const context = params.context;
      const items = completions(model, model.lines.offsetAt(params.position), {
        locale: this.session.workspace.locale,
        today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10),
        snippets: this.snippets,
        ...(context?.triggerKind === CompletionTriggerKind.TriggerCharacter && context.triggerCharacter ? { trigger: context.triggerCharacter } : {}),
      });
      return items.map((i) => this.toLsp(model, i));
    } catch (e) {
      this.session.connection.console.error(`Dockwise: completion failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  }

  private toLsp(model: DockerfileModel, i: EngineItem): CompletionItem {
    const item: CompletionItem = {
      label: i.label,
      kind: KINDS[i.kind],
      sortText: i.sortText,
      textEdit: { range: model.range(i.start, i.end), newText: i.insertText },
      insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (i.detail) item.detail = i.detail;
    if (i.documentation) item.documentation = this.markdown ? { kind: MarkupKind.Markdown, value: i.documentation } : plainText(i.documentation);
    if (i.filterText) item.filterText = i.filterText;
    if (i.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (i.retrigger && this.reopens) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    return item;
  }
}
