// Linting a Dockerfile as each of its invocations builds it (compose services, bake targets): the target decides
// which stage ships, the args fill ARGs, the context decides which .dockerignore and files COPY sees. Invocations
// that build alike are linted once; a finding every one of them has is reported once as it is, and one only some
// of them have says which.
import { defineStrings, localize } from '../engine/i18n/catalog';
import { isRemoteReference, type Invocation } from '../engine/invocation';
import { lintText, type LintOptions, type LintResult } from '../engine/linter';
import { findRules } from '../engine/rule-lookup';
import { fixAll, type FixAllOptions, type FixAllResult } from '../engine/fix/apply';
import type { FileAccess } from '../engine/rule';
import type { BuildInvocation, CreatedFile, FileEdit, Finding, Fix, RelatedLocation } from '../engine/types';
import type { Locale } from '../engine/i18n/locale';
import type { DocumentOptions, Workspace } from './workspace';
import { uriDirname, uriJoin, uriRelative } from './uri';

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
  return JSON.stringify([i.context, i.target?.toLowerCase() ?? null, sorted(i.args), i.secretsUnknown ? null : [...i.secrets].sort(), sorted(i.additionalContexts), [...(i.sharedArgs ?? [])].sort(), sorted(i.projectImages ?? {})]);
}

/** The invocation as the rules read it, its parts' places as URIs under `root`, labelled with its name. */
function buildInvocation(i: Invocation, root: string, builtTargets: readonly string[], locale: Locale): BuildInvocation {
  const label = invocationLabel(i, locale);
  const declaredAt: Record<string, RelatedLocation> = {};
  if (i.source.file) declaredAt[''] = { file: uriJoin(root, i.source.file), line: i.source.line ?? 1, label };
  for (const [key, at] of Object.entries(i.declaredAt ?? {})) declaredAt[key] = { ...at, file: uriJoin(root, at.file), label };
  const localImages = i.projectImages && Object.fromEntries(Object.entries(i.projectImages).map(([image, service]) => [image, invocationLabel({ ...i, name: service }, locale)]));
  return { ...(localImages ? { localImages } : {}), target: i.target, args: i.args, ...(i.sharedArgs ? { sharedArgs: i.sharedArgs } : {}), secrets: i.secretsUnknown ? undefined : i.secrets, contexts: i.additionalContexts, builtTargets, declaredAt };
}

/** One distinct way the file is built: the invocations alike, what the rules read for them, and the context folder. */
interface Build { key: string; invocations: Invocation[]; options: LintOptions; context: string | undefined }

/**
 * Lints the text as one build (`key` names it, the same for the same build in the next version): the editor keeps
 * each build's model and stage memo, so that an edit re-lints the stage it touched in every build.
 */
export type BuildLint = (text: string, options: LintOptions, key: string) => LintResult;

/** The distinct ways `invocations` build the Dockerfile `uri` (`root`: the folder their paths are relative to). */
function distinctBuilds(workspace: Workspace, uri: string, root: string, options: DocumentOptions, invocations: readonly Invocation[]): Build[] {
  const groups = new Map<string, Invocation[]>();
  for (const i of invocations) groups.set(lintKey(i), [...(groups.get(lintKey(i)) ?? []), i]);
  const builtTargets = [...new Set(invocations.flatMap((i) => (i.target ? [i.target] : [])))];
  return [...groups].map(([key, group]) => {
    const i = group[0];
    // The Dockerfile's own folder as the context is what the rules read by default; a remote context (a git or
    // http URL) has no files here to read.
    const context = isRemoteReference(i.context) ? undefined : uriJoin(root, i.context);
    const files: FileAccess | undefined = !context ? undefined : context === uriDirname(uri) ? options.files : workspace.contextFiles(uri, context);
    const invocation = buildInvocation(i, root, builtTargets, workspace.locale);
    // The others of the group build alike; findings about a part point at each one's place of it too.
    const others = group.slice(1).map((g) => buildInvocation(g, root, builtTargets, workspace.locale).declaredAt ?? {});
    if (others.length) {
      const keys = new Set(others.flatMap((d) => Object.keys(d)));
      invocation.alsoDeclaredAt = Object.fromEntries([...keys].map((k) => [k, others.flatMap((d) => { const at = d[k] ?? d['']; return at ? [at] : []; })]));
    }
    return { key, invocations: group, context, options: { ...options, files, invocation } };
  });
}

/**
 * Files a fix creates are relative to what its rule read: the build's context. Those who apply fixes put them
 * beside the Dockerfile: the paths are made relative to its folder (`../../.dockerignore` for the repository root).
 */
function besideDockerfile(uri: string, build: Build, created: readonly CreatedFile[]): CreatedFile[] {
  const { context } = build;
  if (!context || context === uriDirname(uri)) return [...created];
  return created.map((f) => ({ ...f, path: uriRelative(uriDirname(uri), uriJoin(context, f.path)) }));
}

/**
 * `fixes` with the other files' edits of the same fixes in `more` added (each place once), and those of `more`'s
 * fixes that `fixes` lacks (a build whose place of the name is not known offers none).
 */
function withEditsOf(fixes: readonly Fix[], more: readonly Fix[]): Fix[] {
  const key = (e: FileEdit) => `${e.file}:${e.line}:${e.column}`;
  const merged = fixes.map((fix) => {
    const same = more.find((m) => m.title === fix.title && m.editFiles?.length);
    if (!fix.editFiles || !same?.editFiles) return fix;
    return { ...fix, editFiles: [...fix.editFiles, ...same.editFiles.filter((e) => !fix.editFiles!.some((x) => key(x) === key(e)))] };
  });
  return [...merged, ...more.filter((m) => m.editFiles?.length && !fixes.some((f) => f.title === m.title))];
}

/**
 * Lints `text` once per distinct way `invocations` build it (root: the folder their paths are relative to, as a
 * URI; `uri`: the Dockerfile). The model and rule errors are those of the first; findings are merged.
 */
export async function lintInvocations(workspace: Workspace, uri: string, root: string, text: string, options: DocumentOptions, invocations: readonly Invocation[], lintBuild: BuildLint = lintText): Promise<LintResult> {
  const locale = workspace.locale;
  const merged = new Map<string, { finding: Finding; names: string[] }>();
  let first: LintResult | undefined;
  for (const build of distinctBuilds(workspace, uri, root, options, invocations)) {
    const result = await workspace.withFiles(uri, () => lintBuild(text, build.options, build.key));
    first ??= result;
    const names = build.invocations.map((g) => invocationLabel(g, locale));
    for (const found of result.findings) {
      const f = found.fixes.some((x) => x.createFiles?.length) ? { ...found, fixes: found.fixes.map((x) => (x.createFiles ? { ...x, createFiles: besideDockerfile(uri, build, x.createFiles) } : x)) } : found;
      const key = `${f.rule}\u0000${f.start}\u0000${f.end}\u0000${f.message}`;
      const hit = merged.get(key);
      if (hit) {
        hit.names.push(...names);
        const related = [...(hit.finding.related ?? []), ...(f.related ?? []).filter((r) => !hit.finding.related?.some((h) => h.file === r.file && h.line === r.line && h.label === r.label))];
        if (related.length) hit.finding = { ...hit.finding, related };
        // A rename where the arg is passed renames it in every build that passes it.
        if (f.fixes.some((x) => x.editFiles?.length)) hit.finding = { ...hit.finding, fixes: withEditsOf(hit.finding.fixes, f.fixes) };
      } else merged.set(key, { finding: f, names: [...names] });
    }
  }
  const all = invocations.length;
  const findings = [...merged.values()].filter(({ finding, names }) => names.length === all || findRules(finding.rule)[0]?.meta.builds !== 'every').map(({ finding, names }) => (names.length === all ? finding : { ...finding, message: localize(INVOCATION_LINT_STRINGS, 'invocationLint.onlyIn', locale, { message: finding.message, names: names.join(', ') }) }));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { ...first!, findings };
}

/**
 * Fixes `text` as each distinct build lints it, one after the other on the text the one before left: what is
 * fixed is what the findings of `lintInvocations` offer to fix. Created files' paths are beside the Dockerfile.
 */
export async function fixInvocations(workspace: Workspace, uri: string, root: string, text: string, options: DocumentOptions & Pick<FixAllOptions, 'unsafe' | 'onlyRules'>, invocations: readonly Invocation[]): Promise<FixAllResult> {
  let result: FixAllResult | undefined;
  for (const build of distinctBuilds(workspace, uri, root, options, invocations)) {
    const created = result?.createFiles ?? [];
    const next = await workspace.withFiles(uri, () => fixAll(result?.text ?? text, { ...build.options, unsafe: options.unsafe, onlyRules: options.onlyRules }));
    const createFiles = [...created, ...besideDockerfile(uri, build, next.createFiles).filter((f) => !created.some((c) => c.path === f.path))];
    result = !result ? { ...next, createFiles } : {
      text: next.text,
      applied: [...result.applied, ...next.applied],
      createFiles,
      passes: result.passes + next.passes,
      rejected: [...result.rejected, ...next.rejected],
      converged: next.converged,
    };
  }
  return result ?? workspace.withFiles(uri, () => fixAll(text, options));
}
