// Where a rule's page opens. The pages (docs/rules/<id>.md) ship with the server: in the .vsix and in the npm
// package the bundle is <package>/dist/server.js and the pages are <package>/docs/rules. No link leaves the
// machine, so none can go dead. VS Code's client asks for its own kinds of link (see DocumentationOptions).
import { findRules, type Locale } from '../engine';
import { uriJoin } from '../workspace/uri';

/** What the client says about opening rule pages, in `initializationOptions.documentation`. */
export interface DocumentationOptions {
  /** A URI that opens a rule's page once the rule id is appended (VS Code: the extension's URI handler). */
  ruleUri?: string;
  /** A client command that opens a rule's page, given its id (VS Code: `dockwise.showDocumentation`). */
  command?: string;
}

export function documentationOptions(value: unknown): DocumentationOptions {
  const v = value && typeof value === 'object' ? value as Record<string, unknown> : {};
  return {
    ...(typeof v.ruleUri === 'string' && v.ruleUri ? { ruleUri: v.ruleUri } : {}),
    ...(typeof v.command === 'string' && v.command ? { command: v.command } : {}),
  };
}

/** ShellCheck's findings (SCxxxx) are documented on ShellCheck's wiki, one page per code. */
export function shellcheckWikiUrl(code: string): string | undefined {
  return /^SC\d{4}$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined;
}

export class RulePages {
  private readonly files = new Map<string, string | undefined>();

  /**
   * `folder`: the URI of the shipped pages; `isFile`: whether a page is there, where the host can tell at once
   * (else every rule's page is taken to be shipped).
   */
  constructor(readonly folder: string | undefined, readonly options: DocumentationOptions = {}, private readonly isFile?: (uri: string) => boolean) {}

  /** The URI of the page shipped for `id` in `locale` (docs/rules/<locale>/<id>.md; English at the top), if there is one. */
  fileUri(id: string, locale: Locale = 'en'): string | undefined {
    if (!this.folder) return undefined;
    const name = locale === 'en' ? `${id}.md` : `${locale}/${id}.md`;
    if (!this.files.has(name)) {
      const page = uriJoin(this.folder, name);
      // Ids are rule ids; anything with a path separator is not one.
      const shipped = /^[A-Za-z0-9-]+$/.test(id) && (this.isFile ? this.isFile(page) : findRules(id).some((r) => r.meta.id === id));
      this.files.set(name, shipped ? page : undefined);
    }
    return this.files.get(name);
  }

  /** Diagnostic.codeDescription.href: the client's rule URI, else the shipped page. */
  diagnosticHref(id: string, locale: Locale = 'en'): string | undefined {
    const wiki = shellcheckWikiUrl(id);
    if (wiki) return wiki;
    if (this.options.ruleUri) return this.options.ruleUri + encodeURIComponent(id);
    return this.fileUri(id, locale);
  }

  /** The hover's Documentation link: the client's command, else the shipped page. */
  hoverLink(id: string, locale: Locale = 'en'): string | undefined {
    if (this.options.command) return `command:${this.options.command}?${encodeURIComponent(JSON.stringify([id]))}`;
    return this.fileUri(id, locale);
  }
}
