// Beside Docker DX (the docker.docker extension): its language server reports BuildKit's build checks as diagnostics
// of source `docker-language-server` whose code is the check's name (JSONArgsRecommended) and whose range covers the
// instruction's whole lines. Where a Dockwise rule makes the same check there, the client shows DX's diagnostic alone
// (client/src/docker-dx.ts, from the table the server sends at initialize) and the server offers Dockwise's fixes on it.
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import { allRules, type DockerfileModel, type Finding } from '../engine';

export const DOCKER_DX_SOURCE = 'docker-language-server';

/** What the client needs to tell DX's diagnostics from others: their source, and rule id → BuildKit check name. */
export interface DockerDxChecks { source: string; checks: Record<string, string> }

let table: DockerDxChecks | undefined;

export function dockerDxChecks(): DockerDxChecks {
  if (!table) {
    const checks: Record<string, string> = {};
    for (const r of allRules) if (r.meta.aliases.buildkit) checks[r.meta.id] = r.meta.aliases.buildkit;
    table = { source: DOCKER_DX_SOURCE, checks };
  }
  return table;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function codeOf(d: Diagnostic): string | undefined {
  return typeof d.code === 'string' ? d.code : undefined;
}

/**
 * Docker DX's diagnostics in `diagnostics` (a code action's context: every diagnostic at the cursor, of any source),
 * each with the finding of `findings` it reports: a finding of a rule whose BuildKit name is the diagnostic's code,
 * inside its range. A finding whose own diagnostic is in `diagnostics` too is left out: its fixes are offered there.
 * `model` is the findings' model.
 */
export function dockerDxFindings(diagnostics: readonly Diagnostic[], findings: readonly Finding[], model: DockerfileModel): Array<{ diagnostic: Diagnostic; finding: Finding }> {
  const dx = diagnostics.filter((d) => d.source === DOCKER_DX_SOURCE && codeOf(d));
  if (!dx.length) return [];
  const { checks } = dockerDxChecks();
  const shown = new Set(diagnostics.filter((d) => d.source === 'dockwise').map((d) => `${String(d.code)}@${model.lines.offsetAt(d.range.start)}`));
  const out: Array<{ diagnostic: Diagnostic; finding: Finding }> = [];
  for (const f of findings) {
    const check = checks[f.rule];
    if (!check || shown.has(`${f.rule}@${f.start}`)) continue;
    const range = model.range(f.start, f.end);
    const diagnostic = dx.find((d) => codeOf(d) === check && contains(d.range, range));
    if (diagnostic) out.push({ diagnostic, finding: f });
  }
  return out;
}
