// The pure half of `npm run ecosystem` (scripts/ecosystem.mjs): which files of a repository are Dockerfiles, the
// files beside one as its build context sees them, what linting and fix-all do to one file, the per-group summary,
// the diff between two summaries, and the precision ledger matched against the current findings. The script does
// the git reading and the printing; everything here works on values, so the unit test can pin it down.
import * as path from 'node:path';
import { fixAll, lintText, type FileAccess, type Finding, type LintOptions } from '../../server/src/engine';

// ---------------------------------------------------------------------------------------------------------------
// Selecting and reading files

// A Dockerfile-like name anywhere in the tree (`Dockerfile`, `Dockerfile.alpine`, `Containerfile`, `x.dockerfile`),
// but not the scripts, templates and docs named after one (`Dockerfile.template` stays in: it is a Dockerfile).
const DOCKERFILE_PATH = /(^|\/)(Dockerfile|Containerfile)[^/]*$|\.dockerfile$/i;
const NOT_A_DOCKERFILE = /\.(md|txt|json|sh|ya?ml|go|py|js|ts)$/i;

export function isDockerfilePath(p: string): boolean {
  return DOCKERFILE_PATH.test(p) && !NOT_A_DOCKERFILE.test(p);
}

/** One entry of `git ls-tree -r -l`: a blob (or a symlink, mode 120000) and its size. */
export interface TreeEntry { mode: string; blob: string; size: number }

/** Parses `git ls-tree -r -l -z` output into path → entry (submodules, which have no blob, are left out). */
export function parseTree(output: string): Map<string, TreeEntry> {
  const tree = new Map<string, TreeEntry>();
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, blob, size] = record.slice(0, tab).split(/\s+/);
    if (type === 'blob') tree.set(record.slice(tab + 1), { mode, blob, size: Number(size) });
  }
  return tree;
}

const SYMLINK = '120000';
// The command reads files beside a Dockerfile up to this size (config/file.ts); the same here.
const MAX_CONTEXT_FILE_BYTES = 1024 * 1024;

/**
 * The files beside the Dockerfile at `dockerfilePath` as the command sees them on a checkout: paths relative to its
 * folder, nothing above the repository's root, symlinks followed. `readBlob` returns a blob's text.
 */
export function treeFiles(tree: ReadonlyMap<string, TreeEntry>, dockerfilePath: string, readBlob: (blob: string) => string | undefined): FileAccess {
  const dir = path.posix.dirname(dockerfilePath);
  const resolve = (rel: string): TreeEntry | undefined => {
    let p = path.posix.normalize(path.posix.join(dir, rel));
    for (let hops = 0; hops < 8; hops++) {
      if (p === '..' || p.startsWith('../') || path.posix.isAbsolute(p)) return undefined;
      const entry = tree.get(p);
      if (!entry || entry.mode !== SYMLINK) return entry;
      const target = readBlob(entry.blob);
      if (target === undefined) return undefined;
      p = path.posix.normalize(path.posix.join(path.posix.dirname(p), target));
    }
    return undefined;
  };
  return {
    read(rel) {
      const entry = resolve(rel);
      return entry && entry.size <= MAX_CONTEXT_FILE_BYTES ? readBlob(entry.blob) : undefined;
    },
    isFile: (rel) => resolve(rel) !== undefined,
    dockerfileName: path.posix.basename(dockerfilePath),
  };
}

/** `files` with the files a fix creates (a .dockerignore) added where nothing exists yet, as the command writes them. */
export function withCreatedFiles(files: FileAccess, created: ReadonlyArray<{ path: string; content: string }>): FileAccess {
  if (!created.length) return files;
  const made = new Map(created.map((f) => [path.posix.normalize(f.path), f.content]));
  const exists = (rel: string) => files.read(rel) !== undefined || (files.isFile?.(rel) ?? false);
  return {
    ...files,
    read: (rel) => (exists(rel) ? files.read(rel) : made.get(path.posix.normalize(rel))),
    isFile: (rel) => exists(rel) || made.has(path.posix.normalize(rel)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One file: lint, then fix-all in both modes

export type FixMode = 'safe' | 'unsafe';
export const FIX_MODES: readonly FixMode[] = ['safe', 'unsafe'];

/** A finding as the ledger names it: the rule, its 1-based line and that line's text, trimmed. */
export interface FoundRecord { rule: string; severity: string; line: number; text: string; message: string }

export interface FixOutcome {
  /** Fixes fix-all applied. */
  applied: number;
  /** Error-severity findings the fixed text has more of than the original, as `rule: message`. */
  gainedErrors: string[];
  /** copy-ignored-file findings the fixed text (with the files the fixes create) has beyond the original's. */
  gainedCopyIgnored: number;
  /** Fixes the fix engine left out (their result was rejected), as `rule: title`. */
  rejected: string[];
  /** Files the fixes create beside the Dockerfile (a .dockerignore); the lint after fix-all sees them. */
  createdFiles: string[];
}

export interface FileResult { findings: FoundRecord[]; ruleErrors: string[]; fix: Record<FixMode, FixOutcome> }

const countBy = <T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, number> => {
  const m = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/** Lints `text` with `files` beside it, then runs fix-all (safe, then with unsafe) and lints what each produced. */
export function examineFile(text: string, options: LintOptions, files: FileAccess): FileResult {
  const lint = lintText(text, { ...options, files });
  const lines = text.split(/\r\n|\r|\n/);
  const findings = lint.findings.map((f: Finding): FoundRecord => {
    const { line } = lint.model.lines.positionAt(f.start);
    return { rule: f.rule, severity: f.severity, line: line + 1, text: (lines[line] ?? '').trim(), message: f.message };
  });
  const ruleErrors = lint.ruleErrors.map((e) => `${e.rule}: ${(e.error as Error)?.message ?? String(e.error)}`);
  const errorsBefore = countBy(lint.findings, (f) => (f.severity === 'error' ? f.rule : undefined));
  const copyIgnoredBefore = lint.findings.filter((f) => f.rule === 'copy-ignored-file').length;
  const fix = {} as Record<FixMode, FixOutcome>;
  for (const mode of FIX_MODES) {
    const result = fixAll(text, { ...options, files, unsafe: mode === 'unsafe' });
    const outcome: FixOutcome = {
      applied: result.applied.length, gainedErrors: [], gainedCopyIgnored: 0, rejected: result.rejected.map((r) => `${r.rule}: ${r.title}`),
      createdFiles: result.createFiles.map((f) => f.path),
    };
    if (result.text !== text || result.createFiles.length) {
      const after = lintText(result.text, { ...options, files: withCreatedFiles(files, result.createFiles) });
      for (const [rule, n] of countBy(after.findings, (f) => (f.severity === 'error' ? f.rule : undefined))) {
        if (n > (errorsBefore.get(rule) ?? 0)) outcome.gainedErrors.push(`${rule}: ${after.findings.find((f) => f.rule === rule && f.severity === 'error')!.message}`);
      }
      outcome.gainedCopyIgnored = Math.max(0, after.findings.filter((f) => f.rule === 'copy-ignored-file').length - copyIgnoredBefore);
    }
    fix[mode] = outcome;
  }
  return { findings, ruleErrors, fix };
}

// ---------------------------------------------------------------------------------------------------------------
// The summary of a run, per group, and the diff between two

/** One linted file of the run. */
export interface FileRun { group: string; repo: string; commit: string; path: string; result: FileResult }

export interface RuleCount { severity: string; findings: number; files: number }

export interface FixSummary {
  /** Files whose text fix-all changed. */
  filesChanged: number;
  applied: number;
  filesGainingError: number;
  filesGainingCopyIgnored: number;
  rejected: number;
}

export interface GroupSummary {
  repos: number;
  files: number;
  /** Warnings and errors: what the "per file" measures count. */
  findings: number;
  findingsPerFile: number;
  /** Files with no warning and no error. */
  cleanFiles: number;
  cleanShare: number;
  /** Findings of info and style severity, not in `findings`. */
  infoAndStyle: number;
  ruleErrors: number;
  fixAll: Record<FixMode, FixSummary>;
  /** Every rule that reported, by id in alphabetical order. */
  rules: Record<string, RuleCount>;
}

export interface Summary { groups: Record<string, GroupSummary> }

const isProblem = (f: FoundRecord) => f.severity === 'error' || f.severity === 'warning';
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The summary of `runs`, groups and rules in alphabetical order so the committed file diffs cleanly. */
export function summarize(runs: readonly FileRun[]): Summary {
  const groups: Record<string, GroupSummary> = {};
  for (const group of [...new Set(runs.map((r) => r.group))].sort()) {
    const files = runs.filter((r) => r.group === group);
    const rules = new Map<string, RuleCount>();
    let findings = 0;
    let infoAndStyle = 0;
    let cleanFiles = 0;
    for (const f of files) {
      const problems = f.result.findings.filter(isProblem).length;
      findings += problems;
      infoAndStyle += f.result.findings.length - problems;
      if (!problems) cleanFiles++;
      for (const [rule, n] of countBy(f.result.findings, (x) => x.rule)) {
        const c = rules.get(rule) ?? { severity: f.result.findings.find((x) => x.rule === rule)!.severity, findings: 0, files: 0 };
        c.findings += n;
        c.files++;
        rules.set(rule, c);
      }
    }
    const fix = (mode: FixMode): FixSummary => ({
      filesChanged: files.filter((f) => f.result.fix[mode].applied > 0).length,
      applied: files.reduce((n, f) => n + f.result.fix[mode].applied, 0),
      filesGainingError: files.filter((f) => f.result.fix[mode].gainedErrors.length > 0).length,
      filesGainingCopyIgnored: files.filter((f) => f.result.fix[mode].gainedCopyIgnored > 0).length,
      rejected: files.reduce((n, f) => n + f.result.fix[mode].rejected.length, 0),
    });
    groups[group] = {
      repos: new Set(files.map((f) => f.repo)).size,
      files: files.length,
      findings,
      findingsPerFile: files.length ? round(findings / files.length, 3) : 0,
      cleanFiles,
      cleanShare: files.length ? round(cleanFiles / files.length, 3) : 0,
      infoAndStyle,
      ruleErrors: files.reduce((n, f) => n + f.result.ruleErrors.length, 0),
      fixAll: { safe: fix('safe'), unsafe: fix('unsafe') },
      rules: Object.fromEntries([...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
  return { groups };
}

/** The summary as the committed file has it: JSON, each innermost object (a rule's counts) on one line. */
export function formatSummary(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2).replace(/\{\n\s+([^{}[\]]*?)\n\s*\}/g, (_, inner: string) => `{${inner.split(/\n\s*/).join(' ')}}`)}\n`;
}

/** One changed number: `where` names it (`official findings`, `official rule base-image-latest findings`). */
export interface Change { group: string; what: string; before: number | undefined; after: number | undefined }

const GROUP_NUMBERS = ['repos', 'files', 'findings', 'findingsPerFile', 'cleanFiles', 'cleanShare', 'infoAndStyle', 'ruleErrors'] as const;
const FIX_NUMBERS = ['filesChanged', 'applied', 'filesGainingError', 'filesGainingCopyIgnored', 'rejected'] as const;

/**
 * What changed from `before` to `after`, group by group: the group's numbers, fix-all's, then rule by rule
 * (findings and files; a rule missing on one side counts as undefined there). Groups only one side has are
 * compared whole, so a run of one group (--group) says nothing about the others: pass only the groups it ran.
 */
export function diffSummaries(before: Summary | undefined, after: Summary, onlyGroups?: readonly string[]): Change[] {
  const changes: Change[] = [];
  const groups = [...new Set([...Object.keys(before?.groups ?? {}), ...Object.keys(after.groups)])].sort()
    .filter((g) => !onlyGroups || onlyGroups.includes(g));
  const note = (group: string, what: string, b: number | undefined, a: number | undefined) => {
    if (b !== a) changes.push({ group, what, before: b, after: a });
  };
  for (const group of groups) {
    const b = before?.groups[group];
    const a = after.groups[group];
    for (const k of GROUP_NUMBERS) note(group, k, b?.[k], a?.[k]);
    for (const mode of FIX_MODES) for (const k of FIX_NUMBERS) note(group, `fix-all ${mode} ${k}`, b?.fixAll[mode][k], a?.fixAll[mode][k]);
    const rules = [...new Set([...Object.keys(b?.rules ?? {}), ...Object.keys(a?.rules ?? {})])].sort();
    for (const rule of rules) {
      note(group, `${rule} findings`, b?.rules[rule]?.findings, a?.rules[rule]?.findings);
      note(group, `${rule} files`, b?.rules[rule]?.files, a?.rules[rule]?.files);
    }
  }
  return changes;
}

/** `before → after` lines, one per change; `new`/`gone` where one side has nothing. */
export function formatChanges(changes: readonly Change[]): string[] {
  const show = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return changes.map((c) => `${c.group.padEnd(9)} ${c.what.padEnd(52)} ${show(c.before).padStart(7)} → ${show(c.after)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The precision ledger

export type Verdict = 'right' | 'wrong';

export interface LedgerEntry { rule: string; repo: string; commit: string; path: string; line: number; text: string; verdict: Verdict; reason: string }

/** A current finding with where it is, as the ledger is matched against it. */
export interface LocatedFinding extends FoundRecord { repo: string; commit: string; path: string }

/** Reads the ledger's JSON lines (blank lines and `//` comment lines skipped); problems name the line. */
export function parseLedger(text: string): { entries: LedgerEntry[]; problems: string[] } {
  const entries: LedgerEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    let e: LedgerEntry;
    try { e = JSON.parse(line) as LedgerEntry; } catch (error) { problems.push(`line ${i + 1}: not JSON (${(error as Error).message})`); return; }
    // The text may be empty: a finding can sit on an empty line (an empty continuation line).
    const missing: string[] = (['rule', 'repo', 'commit', 'path', 'reason'] as const).filter((k) => typeof e[k] !== 'string' || !e[k].trim());
    if (typeof e.text !== 'string') missing.push('text');
    if (missing.length) { problems.push(`line ${i + 1}: ${missing.join(', ')} missing`); return; }
    if (e.verdict !== 'right' && e.verdict !== 'wrong') { problems.push(`line ${i + 1}: verdict must be right or wrong`); return; }
    const key = ledgerKey(e);
    if (seen.has(key)) { problems.push(`line ${i + 1}: ${e.rule} ${e.repo} ${e.path} "${e.text}" is labelled twice`); return; }
    seen.add(key);
    entries.push(e);
  });
  return { entries, problems };
}

/** An entry matches a finding by rule, repository, path and the line's text: line numbers move, the text stays. */
export function ledgerKey(e: { rule: string; repo: string; path: string; text: string }): string {
  return `${e.rule}\u0000${e.repo}\u0000${e.path}\u0000${e.text.trim()}`;
}

export interface RulePrecision {
  rule: string;
  severity: string;
  /** Current findings of the rule. */
  findings: number;
  /** Labelled entries the run still reports. */
  right: number;
  wrong: number;
  /** right / (right + wrong) over entries still reported; undefined with none. */
  precision: number | undefined;
  /** Labelled findings needed: 20, or all of them when there are fewer. */
  needed: number;
  /** Wrong entries the rule still reports: these must go to zero. */
  wrongStillReported: LedgerEntry[];
  /** Right entries the rule no longer reports: lost true positives. */
  rightLost: LedgerEntry[];
  /** Wrong entries no longer reported (fixed false positives). */
  wrongGone: number;
}

export const LABELS_NEEDED = 20;

/**
 * The ledger against the findings of a run, per rule: every default-on rule (`rules`, id → default severity) and
 * every rule the ledger names. Entries of repositories the run did not lint (`linted`) count as neither reported
 * nor lost.
 */
export function matchLedger(entries: readonly LedgerEntry[], findings: readonly LocatedFinding[], rules: ReadonlyMap<string, string>, linted: ReadonlySet<string>): RulePrecision[] {
  const reported = new Set(findings.map(ledgerKey));
  const findingsPerRule = countBy(findings, (f) => f.rule);
  const ids = [...new Set([...rules.keys(), ...entries.map((e) => e.rule)])].sort();
  return ids.map((rule): RulePrecision => {
    const mine = entries.filter((e) => e.rule === rule && linted.has(e.repo));
    const still = mine.filter((e) => reported.has(ledgerKey(e)));
    const right = still.filter((e) => e.verdict === 'right').length;
    const wrong = still.length - right;
    const n = findingsPerRule.get(rule) ?? 0;
    return {
      rule,
      severity: rules.get(rule) ?? 'off',
      findings: n,
      right,
      wrong,
      precision: still.length ? right / still.length : undefined,
      needed: Math.min(LABELS_NEEDED, n),
      wrongStillReported: still.filter((e) => e.verdict === 'wrong'),
      rightLost: mine.filter((e) => e.verdict === 'right' && !reported.has(ledgerKey(e))),
      wrongGone: mine.filter((e) => e.verdict === 'wrong' && !reported.has(ledgerKey(e))).length,
    };
  });
}

/** Rules with fewer labelled findings still reported than they need. */
export function underLabelled(precision: readonly RulePrecision[]): RulePrecision[] {
  return precision.filter((p) => p.severity !== 'off' && p.right + p.wrong < p.needed);
}
