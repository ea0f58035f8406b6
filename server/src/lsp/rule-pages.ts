// Where a rule's page opens. The pages (docs/rules/<id>.md) ship with the server: in the .vsix and in the npm
// package the bundle is <package>/dist/server.js and the pages are <package>/docs/rules. No link leaves the
// machine, so none can go dead. VS Code's client asks for its own kinds of link (see DocumentationOptions).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** docs/rules of the package this file belongs to: the first folder upwards with a package.json is its root. */
export function findRulePagesDir(from: string = __dirname): string | undefined {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
    const pages = path.join(dir, 'docs', 'rules');
    return fs.existsSync(pages) ? pages : undefined;
  }
  return undefined;
}

/** ShellCheck's findings (SCxxxx) are documented on ShellCheck's wiki, one page per code. */
export function shellcheckWikiUrl(code: string): string | undefined {
  return /^SC\d{4}$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined;
}

export class RulePages {
  private readonly files = new Map<string, string | undefined>();

  constructor(readonly dir: string | undefined, readonly options: DocumentationOptions = {}) {}

  /** The file: URI of the page shipped for `id`, if there is one. */
  fileUri(id: string): string | undefined {
    if (!this.dir) return undefined;
    if (!this.files.has(id)) {
      const file = path.join(this.dir, `${id}.md`);
      // Ids are rule ids; anything with a path separator is not one.
      this.files.set(id, /^[A-Za-z0-9-]+$/.test(id) && fs.existsSync(file) ? pathToFileURL(file).href : undefined);
    }
    return this.files.get(id);
  }

  /** Diagnostic.codeDescription.href: the client's rule URI, else the shipped page. */
  diagnosticHref(id: string): string | undefined {
    const wiki = shellcheckWikiUrl(id);
    if (wiki) return wiki;
    if (this.options.ruleUri) return this.options.ruleUri + encodeURIComponent(id);
    return this.fileUri(id);
  }

  /** The hover's Documentation link: the client's command, else the shipped page. */
  hoverLink(id: string): string | undefined {
    if (this.options.command) return `command:${this.options.command}?${encodeURIComponent(JSON.stringify([id]))}`;
    return this.fileUri(id);
  }
}
