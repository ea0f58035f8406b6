// Inline suppression: our pragmas, hadolint's and BuildKit's `# check=` directive, each with its own
// real scope. Read once per model.
import type { DockerfileModel, Instr } from '../model/dockerfile';
import type { Finding } from '../types';
import { findRules } from '../rule-lookup';

export type PragmaSource = 'dockwise' | 'hadolint' | 'buildkit';

export interface PragmaName { name: string; start: number; end: number; known: boolean }

export interface Pragma {
  source: PragmaSource;
  scope: 'file' | 'instruction' | 'stage';
  line: number;
  names: PragmaName[];
  /** `skip=all` */
  all?: boolean;
  /** Lines of the findings it covers (scope instruction/stage); undefined for file scope. */
  covers?: { from: number; to: number };
}

export interface PragmaInfo {
  pragmas: Pragma[];
  /** `# check=error=true`: BuildKit findings become errors. */
  buildkitError: boolean;
  /** `# check=experimental=…` names (or 'all'). */
  experimental: string[];
}

const cache = new WeakMap<DockerfileModel, PragmaInfo>();

const DOCKWISE = /^#\s*dockwise\s+(global\s+)?ignore\s*=\s*(.*)$/i;
// hadolint: lowercase keywords, codes made of D L S C and digits, an optional trailing `# comment`.
// The list is trimmed after the match (`\s*([^#]*?)\s*` is quadratic on a long run of spaces).
const HADOLINT = /^#\s*hadolint\s+(global\s+|stage\s+)?ignore\s*=([^#]*)(#.*)?$/;
const CHECK = /^#\s*check\s*=\s*(.*)$/i;
/** Every line the three above could match, and a few more. */
const MAYBE_PRAGMA = /^\uFEFF?\s*#\s*(?:dockwise|hadolint|check)/i;

function splitNames(text: string, base: number): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  const re = /[^,\s]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/**
 * The text before a trailing comment that starts at `marker`, without the whitespace before it. (Not
 * `replace(/\s+#.*$/, '')`: that retries at every space of a long run, quadratic in its length.)
 */
function withoutComment(text: string, marker: RegExp): string {
  const i = text.search(marker);
  return i < 0 ? text : text.slice(0, i).trimEnd();
}

const known = (name: string, source: PragmaSource) => findRules(name).length > 0 || (source === 'hadolint' && /^SC\d{4}$/.test(name));

interface LineMaps { starts: Map<number, Instr>; comments: Set<number> }

function lineMaps(model: DockerfileModel): LineMaps {
  return {
    starts: new Map(model.instructions.map((i) => [i.line, i])),
    comments: new Set(model.comments.filter((c) => !c.embedded).map((c) => c.line)),
  };
}

/** The instruction a comment block above belongs to: the first instruction after `line` with only comments between. */
function instructionBelow(model: DockerfileModel, maps: LineMaps, line: number): Instr | undefined {
  for (let l = line + 1; l < model.lines.lineCount; l++) {
    const instr = maps.starts.get(l);
    if (instr) return instr;
    if (!maps.comments.has(l)) return undefined;
  }
  return undefined;
}

export function readPragmas(model: DockerfileModel): PragmaInfo {
  const hit = cache.get(model);
  if (hit) return hit;
  const info: PragmaInfo = { pragmas: [], buildkitError: false, experimental: [] };
  const directiveLines = new Set(model.directives.map((d) => d.line));
  // Parser directives are not comments to the Dockerfile parser, but `# check=` lives among them. Only lines
  // that could be a pragma are read (this runs on every keystroke in the editor).
  const candidates = new Set<number>();
  for (const d of model.directives) if (MAYBE_PRAGMA.test(model.lines.lineText(d.line))) candidates.add(d.line);
  for (const c of model.comments) if (!c.embedded && MAYBE_PRAGMA.test(model.lines.lineText(c.line))) candidates.add(c.line);
  const lines = [...candidates].sort((a, b) => a - b);
  let lineMapsOnce: LineMaps | undefined;
  const maps = () => (lineMapsOnce ??= lineMaps(model));
  for (const line of lines) {
    const c = { line };
    const lineText = model.lines.lineText(c.line).replace(/^\uFEFF/, '');
    const indent = lineText.length - lineText.trimStart().length;
    const text = lineText.trim();
    const lineStart = model.lines.lineStart(c.line) + indent;
    let m: RegExpExecArray | null;
    if ((m = DOCKWISE.exec(text))) {
      const listStart = lineStart + text.length - m[2].length;
      const names = splitNames(withoutComment(m[2], /\s#/), listStart).map((n) => ({ ...n, known: known(n.name, 'dockwise') }));
      const target = m[1] ? undefined : instructionBelow(model, maps(), c.line);
      if (m[1]) info.pragmas.push({ source: 'dockwise', scope: 'file', line: c.line, names });
      else if (target) info.pragmas.push({ source: 'dockwise', scope: 'instruction', line: c.line, names, covers: { from: target.line, to: target.endLine } });
      else info.pragmas.push({ source: 'dockwise', scope: 'instruction', line: c.line, names, covers: { from: -1, to: -1 } });
    } else if ((m = HADOLINT.exec(text))) {
      const list = m[2].trim();
      const listStart = lineStart + text.indexOf(list, text.indexOf('=') + 1);
      const names = splitNames(list, listStart).map((n) => ({ ...n, known: known(n.name, 'hadolint') }));
      // hadolint drops the whole pragma when any name is not a code made of D, L, S, C and digits.
      const valid = names.every((n) => /^[DLSC0-9]+$/.test(n.name));
      const kind = (m[1] ?? '').trim();
      let covers: Pragma['covers'];
      if (kind === '') {
        // Only the instruction starting on the very next line (stacked pragmas: only the last counts).
        const next = maps().starts.get(c.line + 1);
        covers = next && valid ? { from: next.line, to: next.endLine } : { from: -1, to: -1 };
      } else if (kind === 'stage') {
        const from = maps().starts.get(c.line + 1);
        const stage = from?.keyword === 'FROM' ? from.stage : undefined;
        const last = stage?.instructions[stage.instructions.length - 1];
        covers = stage && last && valid ? { from: from!.line + 1, to: last.endLine } : { from: -1, to: -1 };
      }
      if (!valid) info.pragmas.push({ source: 'hadolint', scope: 'instruction', line: c.line, names, covers: { from: -1, to: -1 } });
      else info.pragmas.push({ source: 'hadolint', scope: kind === 'global' ? 'file' : kind === 'stage' ? 'stage' : 'instruction', line: c.line, names, covers });
    } else if ((m = CHECK.exec(text))) {
      const fileLevel = directiveLines.has(c.line);
      const target = fileLevel ? undefined : instructionBelow(model, maps(), c.line);
      // `skip=A,B;error=true;experimental=C` — also allow a trailing `// reason`.
      const body = withoutComment(m[1], /\/\//);
      const bodyStart = lineStart + text.length - m[1].length;
      for (const part of body.split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0) continue;
        const key = part.slice(0, eq).trim().toLowerCase();
        const value = part.slice(eq + 1);
        const valueStart = bodyStart + body.indexOf(part) + eq + 1;
        if (key === 'skip') {
          const names = splitNames(value, valueStart).map((n) => ({ ...n, known: n.name === 'all' || known(n.name, 'buildkit') }));
          const all = names.some((n) => n.name === 'all');
          if (fileLevel) info.pragmas.push({ source: 'buildkit', scope: 'file', line: c.line, names, all });
          else if (target) info.pragmas.push({ source: 'buildkit', scope: 'instruction', line: c.line, names, all, covers: { from: target.line, to: target.endLine } });
        } else if (key === 'error' && fileLevel) info.buildkitError = value.trim().toLowerCase() === 'true';
        else if (key === 'experimental' && fileLevel) info.experimental.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
      }
    }
  }
  cache.set(model, info);
  return info;
}

const pragmaIds = new WeakMap<Pragma, Set<string>>();

/** The rule ids and ShellCheck codes a pragma's known names stand for, worked out once per pragma (it may list thousands). */
function idsOf(p: Pragma): Set<string> {
  let ids = pragmaIds.get(p);
  if (!ids) {
    ids = new Set();
    for (const n of p.names) {
      if (!n.known) continue;
      if (/^SC\d{4}$/.test(n.name)) ids.add(n.name);
      for (const r of findRules(n.name)) ids.add(r.meta.id);
    }
    pragmaIds.set(p, ids);
  }
  return ids;
}

function matches(p: Pragma, f: Finding): boolean {
  // ShellCheck findings carry their SC code as the rule, kept as it is in idsOf.
  if (p.source === 'buildkit' && p.all && !/^SC\d{4}$/.test(f.rule)) return !!findRules(f.rule)[0]?.meta.aliases.buildkit;
  return idsOf(p).has(f.rule);
}

/** Drops findings that an inline pragma suppresses; applies `# check=error=true`. */
export function applyPragmas(model: DockerfileModel, findings: Finding[]): Finding[] {
  const info = readPragmas(model);
  if (!info.pragmas.length && !info.buildkitError) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const line = model.lines.positionAt(f.start).line;
    const suppressed = info.pragmas.some((p) => matches(p, f) && (p.scope === 'file' || (p.covers !== undefined && line >= p.covers.from && line <= p.covers.to)));
    if (suppressed) continue;
    if (info.buildkitError && findRules(f.rule)[0]?.meta.aliases.buildkit) out.push({ ...f, severity: 'error' });
    else out.push(f);
  }
  return out;
}
