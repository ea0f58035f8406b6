// Document and range formatting: the engine's formatter over the document's current analysis, with the options of
// its config file (`format:`) and the editor's indentation where the file has none of its own. The engine's small
// edits become TextEdits, so the cursor and undo keep their place. Offered beside the Docker extensions too (VS Code
// lets the user choose the default formatter), unless `dockwise.format.enable` is false.
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, type Disposable, type DocumentFormattingParams, type DocumentRangeFormattingParams, type InitializeParams, type TextEdit } from 'vscode-languageserver';
import { formatDockerfile } from '../engine';
import { readSettings } from './settings';
import type { Session } from './session';

/** The editor's indentation (FormattingOptions), as the formatter's fallback indent: a tab, or 1 to 8 spaces. */
export function editorIndent(options: { tabSize: number; insertSpaces: boolean } | undefined): 'tab' | number | undefined {
  if (!options) return undefined;
  if (!options.insertSpaces) return 'tab';
  const size = Math.round(Number(options.tabSize));
  return Number.isFinite(size) ? Math.min(8, Math.max(1, size)) : undefined;
}

export class Formatting {
  /**
   * The client registers providers as the server asks (VS Code's does): formatting is then registered while
   * `dockwise.format.enable` is on, so with it off Dockwise is not even listed as a formatter. Other clients get
   * the providers in `initialize`, and a document whose setting is off gets no edits.
   */
  private dynamic = false;
  private registered: Promise<Disposable[]> | undefined;
  private updating: Promise<void> = Promise.resolve();

  constructor(private readonly session: Session) {}

  /** The capabilities to announce in `initialize`'s answer. */
  capabilities(params: InitializeParams): { documentFormattingProvider?: boolean; documentRangeFormattingProvider?: boolean } {
    const text = params.capabilities.textDocument;
    this.dynamic = this.session.canConfigure && text?.formatting?.dynamicRegistration === true && text?.rangeFormatting?.dynamicRegistration === true;
    return this.dynamic ? {} : { documentFormattingProvider: true, documentRangeFormattingProvider: true };
  }

  /** Registers or unregisters the providers as the window's `dockwise.format.enable` says (after `initialized`, and when settings change). */
  update(): Promise<void> {
    if (!this.dynamic) return Promise.resolve();
    this.updating = this.updating.then(async () => {
      const section: unknown = await this.session.connection.workspace.getConfiguration({ section: 'dockwise' }).then((v: unknown) => v, () => undefined);
      const enabled = readSettings(section).settings.format.enable;
      if (enabled && !this.registered) {
        // documentSelector null: the client's own selector (the Dockerfiles it hands this server).
        this.registered = Promise.all([
          this.session.connection.client.register(DocumentFormattingRequest.type, { documentSelector: null }),
          this.session.connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector: null }),
        ]).catch(() => []);
        await this.registered;
      } else if (!enabled && this.registered) {
        const done = await this.registered;
        this.registered = undefined;
        for (const d of done) d.dispose();
      }
    }).catch((e: unknown) => this.session.connection.console.error(`Dockwise: registering formatting failed: ${(e as Error)?.stack ?? e}`));
    return this.updating;
  }

  /** The edits that format the document, or the instructions in `params.range`; none for a closed, changed or disabled document. */
  async provide(params: DocumentFormattingParams | DocumentRangeFormattingParams): Promise<TextEdit[]> {
    try {
      const doc = this.session.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const version = doc.version;
      const entry = await this.session.analyse(doc);
      // Edits are offsets into the text as it was asked about: a newer version makes them wrong.
      if (!entry || this.session.documents.get(doc.uri)?.version !== version || !entry.settings.format.enable) return [];
      const { model } = entry;
      const range = 'range' in params ? { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) } : undefined;
      const defaultIndent = editorIndent(params.options);
      const result = formatDockerfile(entry.text, entry.options.format, { ...(range ? { range } : {}), ...(defaultIndent !== undefined ? { defaultIndent } : {}) });
      return result.edits.map((e) => ({ range: model.range(e.start, e.end), newText: e.text }));
    } catch (e) {
      this.session.connection.console.error(`Dockwise: formatting failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  }
}
