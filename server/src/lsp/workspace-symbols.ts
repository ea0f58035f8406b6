// Workspace symbol search: the stages and variables of every Dockerfile of the workspace, opened or not. Files on
// disk are parsed once per version (their size and time tell a new one; only their symbols are kept); open documents
// answer from their analysis.
import type { CancellationToken, Range, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { DockerfileModel } from '../engine';
import { searchableSymbols } from '../engine/ide/symbols';
import type { Discovery } from '../workspace/dockerfiles';
import { SYMBOL_KINDS } from './symbols';
import type { Session } from './session';

/** Largest Dockerfile read from disk for its symbols. */
const MAX_BYTES = 1024 * 1024;
/** The editor filters and ranks what it gets; more than this is noise. */
const MAX_RESULTS = 500;

/** A file's symbols as the editor gets them, less the URI; kept per file version, not its model. */
type Item = Omit<SymbolInformation, 'location'> & { range: Range };

interface Parsed { stamp: string; items: Item[] }

function itemsOf(model: DockerfileModel): Item[] {
  return searchableSymbols(model).map((s) => ({ name: s.name, kind: SYMBOL_KINDS[s.kind], range: model.range(s.selectionStart, s.selectionEnd), ...(s.container ? { containerName: s.container } : {}) }));
}

/** Whether every character of `query` appears in `name` in order, ignoring case (the editor's own filter). */
export function fuzzyMatches(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let k = 0;
  for (let i = 0; i < n.length && k < q.length; i++) if (n[i] === q[k]) k++;
  return k === q.length;
}

export class WorkspaceSymbols {
  private readonly parsed = new Map<string, Parsed>();

  /** `dockerfiles`: the workspace's Dockerfiles (the workspace diagnostics' list, which is kept up to date). */
  constructor(private readonly session: Session, private readonly dockerfiles: () => Promise<Discovery>) {}

  private async symbolsOf(uri: string): Promise<Parsed | undefined> {
    const open = this.session.cache.get(uri);
    if (open) return { stamp: `open:${open.version}`, items: itemsOf(open.model) };
    const fs = this.session.host.fs;
    const stamp = await fs.stamp?.(uri);
    if (!stamp) return undefined;
    const key = `${stamp.size}:${stamp.mtime}`;
    const hit = this.parsed.get(uri);
    if (hit?.stamp === key) return hit;
    const read = await fs.read(uri, MAX_BYTES);
    if (!('text' in read)) return undefined;
    const parsed = { stamp: key, items: itemsOf(new DockerfileModel(read.text)) };
    this.parsed.set(uri, parsed);
    return parsed;
  }

  async search(params: WorkspaceSymbolParams, token?: CancellationToken): Promise<SymbolInformation[]> {
    const { session } = this;
    try {
      await session.ready;
      const { files } = await this.dockerfiles();
      // Open documents outside the workspace folders count too.
      const uris = [...new Set([...files, ...session.cache.keys()])];
      const out: SymbolInformation[] = [];
      for (const uri of uris) {
        if (token?.isCancellationRequested || out.length >= MAX_RESULTS) break;
        const parsed = await this.symbolsOf(uri);
        if (!parsed) continue;
        for (const { range, ...item } of parsed.items) {
          if (!fuzzyMatches(params.query, item.name)) continue;
          out.push({ ...item, location: { uri, range } });
          if (out.length >= MAX_RESULTS) break;
        }
      }
      return out;
    } catch (e) {
      session.connection.console.error(`Dockwise: workspace symbols failed: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  }
}
