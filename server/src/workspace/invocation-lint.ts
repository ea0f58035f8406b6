// Linting a Dockerfile as each of its invocations builds it (compose services, bake targets): the target decides
// which stage ships, the args fill ARGs, the context decides which .dockerignore and files COPY sees. Invocations
// that build alike are linted once; a finding every one of them has is reported once as it is, and one only some
// of them have says which.
import { defineStrings, localize } from '../engine/i18n/catalog';
import { isRemoteReference, type Invocation } from '../engine/invocation';
import { lintText, type LintResult } from '../engine/linter';
import type { FileAccess } from '../engine/rule';
import type { BuildInvocation, Finding, RelatedLocation } from '../engine/types';
import type { Locale } from '../engine/i18n/locale';
import type { DocumentOptions, Workspace } from './workspace';
import { uriDirname, uriJoin } from './uri';

export const INVOCATION_LINT_STRINGS = defineStrings({
  'invocationLint.onlyIn': '{message} (only in {names})',
  'invocationLint.compose': 'compose service {name}',
  'invocationLint.bake': 'bake target {name}',
});

/** How an invocation is named in a finding: `compose service api`, `bake target app-arm64`. */
export function invocationLabel(i: Invocation, locale: Locale): string {
  return localize(INVOCATION_LINT_STRINGS, i.source.kind === 'bake' ? 'invocationLint.bake' : 'invocationLint.compose', locale, { name: i.name });
}

/** What decides how the file lints: two invocations alike in these lint alike. */
function lintKey(i: Invocation): string {
  const sorted = (o: Record<string, string>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([i.context, i.target?.toLowerCase() ?? null, sorted(i.args), [...i.secrets].sort(), sorted(i.additionalContexts), [...(i.sharedArgs ?? [])].sort()]);
}

/** The invocation as the rules read it, its parts' places as URIs under `root`, labelled with its name. */
function buildInvocation(i: Invocation, root: string, builtTargets: readonly string[], locale: Locale): BuildInvocation {
  const label = invocationLabel(i, locale);
  const declaredAt: Record<string, RelatedLocation> = {};
  if (i.source.file) declaredAt[''] = { file: uriJoin(root, i.source.file), line: i.source.line ?? 1, label };
  for (const [key, at] of Object.entries(i.declaredAt ?? {})) declaredAt[key] = { file: uriJoin(root, at.file), line: at.line, label };
  return { target: i.target, args: i.args, ...(i.sharedArgs ? { sharedArgs: i.sharedArgs } : {}), secrets: i.secrets, contexts: i.additionalContexts, builtTargets, declaredAt };
}

/**
 * Lints `text` once per distinct way `invocations` build it (root: the folder their paths are relative to, as a
 * URI; `uri`: the Dockerfile). The model and rule errors are those of the first; findings are merged.
 */
export async function lintInvocations(workspace: Workspace, uri: string, root: string, text: string, options: DocumentOptions, invocations: readonly Invocation[]): Promise<LintResult> {
  const locale = workspace.locale;
  const groups = new Map<string, Invocation[]>();
  for (const i of invocations) groups.set(lintKey(i), [...(groups.get(lintKey(i)) ?? []), i]);
  const builtTargets = [...new Set(invocations.flatMap((i) => (i.target ? [i.target] : [])))];
  const merged = new Map<string, { finding: Finding; names: string[] }>();
  let first: LintResult | undefined;
  for (const group of groups.values()) {
    const i = group[0];
    // The Dockerfile's own folder as the context is what the rules read by default; a remote context (a git or
    // http URL) has no files here to read.
    const context = isRemoteReference(i.context) ? undefined : uriJoin(root, i.context);
    const files: FileAccess | undefined = !context ? undefined : context === uriDirname(uri) ? options.files : workspace.contextFiles(uri, context);
    const result = await workspace.withFiles(uri, () => lintText(text, { ...options, files, invocation: buildInvocation(i, root, builtTargets, locale) }));
    first ??= result;
    const names = group.map((g) => invocationLabel(g, locale));
    for (const f of result.findings) {
      const key = `${f.rule}\u0000${f.start}\u0000${f.end}\u0000${f.message}`;
      const hit = merged.get(key);
      if (hit) {
        hit.names.push(...names);
        const related = [...(hit.finding.related ?? []), ...(f.related ?? []).filter((r) => !hit.finding.related?.some((h) => h.file === r.file && h.line === r.line && h.label === r.label))];
        if (related.length) hit.finding = { ...hit.finding, related };
      } else merged.set(key, { finding: f, names: [...names] });
    }
  }
  const all = invocations.length;
  const findings = [...merged.values()].map(({ finding, names }) => (names.length === all ? finding : { ...finding, message: localize(INVOCATION_LINT_STRINGS, 'invocationLint.onlyIn', locale, { message: finding.message, names: names.join(', ') }) }));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { ...first!, findings };
}
