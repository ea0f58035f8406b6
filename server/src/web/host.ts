// The Host of a language server in a browser worker (vscode.dev, github.dev): files come from the client, which
// reads them with the editor's file system (see fs-protocol.ts); the shell grammar is fetched from the URLs the
// client sends in initializationOptions; there is no user config folder and no ShellCheck (no programs run).
import type { Host, HostFileSystem, ReadResult } from '../workspace/host';
import { fromBase64, IS_FILE, READ, READ_HEAD, type IsFileParams, type ReadHeadParams, type ReadParams } from './fs-protocol';

/** What the web client sends in `initializationOptions.web`. */
export interface WebInitOptions {
  /** Fetchable URLs of web-tree-sitter's runtime WASM and of the bash grammar. */
  shellParserWasm?: { runtime: string; grammar: string };
  /** The URI of the shipped rule pages (docs/rules in the extension), as the editor names it. */
  rulePages?: string;
}

/** The part of the LSP connection the host needs: requests to the client. */
export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** `initializationOptions.web`, checked: anything else than strings is dropped. */
export function webInitOptions(initializationOptions: unknown): WebInitOptions {
  const web = (initializationOptions as { web?: unknown } | null | undefined)?.web as { shellParserWasm?: { runtime?: unknown; grammar?: unknown } } | undefined;
  const wasm = web?.shellParserWasm;
  const rulePages = (web as { rulePages?: unknown } | undefined)?.rulePages;
  return {
    ...(wasm && typeof wasm.runtime === 'string' && wasm.runtime && typeof wasm.grammar === 'string' && wasm.grammar ? { shellParserWasm: { runtime: wasm.runtime, grammar: wasm.grammar } } : {}),
    ...(typeof rulePages === 'string' && rulePages ? { rulePages } : {}),
  };
}

function message(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

export function clientFileSystem(client: RequestSender): HostFileSystem {
  return {
    async read(uri: string, maxBytes: number): Promise<ReadResult> {
      try {
        const r = await client.sendRequest<ReadResult>(READ, { uri, maxBytes } satisfies ReadParams);
        if (r && typeof (r as { text?: unknown }).text === 'string') return { text: (r as { text: string }).text };
        if (r && typeof (r as { error?: unknown }).error === 'string') return r;
        return { error: `the editor sent no text for ${uri}` };
      } catch (e) {
        return { error: `the editor could not read ${uri}: ${message(e)}` };
      }
    },
    async isFile(uri: string): Promise<boolean> {
      try {
        return (await client.sendRequest<boolean>(IS_FILE, { uri } satisfies IsFileParams)) === true;
      } catch {
        return false;
      }
    },
    async readHead(uri: string, length: number): Promise<Uint8Array | undefined> {
      try {
        const r = await client.sendRequest<string | null>(READ_HEAD, { uri, length } satisfies ReadHeadParams);
        return typeof r === 'string' ? fromBase64(r).subarray(0, length) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function browserHost(client: RequestSender, options: WebInitOptions): Host {
  return {
    fs: clientFileSystem(client),
    // A browser has no home or XDG folder: settings and the workspace's own config files are all there is.
    userConfigUris: () => [],
    shellParserWasm() {
      if (!options.shellParserWasm) throw new Error('Dockwise: the editor did not say where the shell grammar is (initializationOptions.web.shellParserWasm); RUN instructions cannot be parsed');
      return options.shellParserWasm;
    },
  };
}
