// Output formats. `json` is a stable contract other tools consume: change it only by bumping "version".
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { allRules, DockerfileModel, findRules, fixTitle, profileSeverity, ruleHelpMarkdown, ruleHelpText, type Finding, type ProfileName, type Severity } from '../engine';
import { fingerprint } from './baseline';
import { plainText } from '../engine';
import type { Locale } from '../engine/i18n/locale';
import type { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';
import { cliSpeaker, padDisplay } from './strings';

export interface FileReport {
  path: string;
  /**
   * The text that was linted, where it could be read, with its lines: findings are by its offsets. (Not the
   * model: a report of many files would hold every file's model until the end.)
   */
  lines?: LineIndex;
  findings: Finding[];
  error?: string;
  /** The error's message id: the same in every language. */
  errorId?: string;
}

const aliasesOf = (id: string) => findRules(id)[0]?.meta.aliases ?? {};

/** Where a finding (or an edit) is in its file, by 0-based lines and characters. */
function rangeIn(f: FileReport, at: { start: number; end: number }): Range {
  return f.lines!.range(at.start, at.end);
}

export function formatJson(files: FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      findings: f.findings.map((x) => ({
        rule: x.rule,
        hadolint: aliasesOf(x.rule).hadolint ?? null,
        buildkit: aliasesOf(x.rule).buildkit ?? null,
        severity: x.severity,
        message: plainText(x.message),
        // The same with its code spans in Markdown, for consumers that render it.
        markdown: x.message,
        ...((r) => ({ line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 }))(rangeIn(f, x)),
        fixes: x.fixes.map((fx) => ({ title: fx.title, safety: fx.safety })),
        ...(x.related?.length ? { related: x.related.map((r) => ({ path: r.file, line: r.line, label: r.label })) } : {}),
      })),
      ...(f.error ? { error: f.error } : {}),
    })),
  }, null, 2) + '\n';
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', style: '\x1b[2m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m', underline: '\x1b[31m', safe: '\x1b[32m', unsafe: '\x1b[33m' };

/** What would fix a finding: `--fix` (it has a safe fix), only `--fix --unsafe-fixes`, or nothing. */
export function fixability(f: Finding): 'safe' | 'unsafe' | undefined {
  // A fix of another file (the compose file's arg) is the editor's, one finding at a time: --fix leaves it.
  const fixes = f.fixes.filter((x) => !x.editFiles?.length);
  if (fixes.some((x) => x.safety === 'safe')) return 'safe';
  return fixes.length ? 'unsafe' : undefined;
}

/** The tag after a finding's rule id; the summary line counts the same two kinds. */
const FIX_MARK = { safe: 'cli.stylish.fixTag', unsafe: 'cli.stylish.unsafeFixTag' } as const;

/** `baselined`: findings left out because a baseline holds them, said in the summary. Words in `locale`. */
export function formatStylish(files: FileReport[], color: boolean, baselined = 0, locale: Locale = 'en'): string {
  const t = cliSpeaker(locale);
  const c = (k: keyof typeof COLORS, s: string) => (color ? COLORS[k] + s + COLORS.reset : s);
  const severity = (s: Severity) => t(`cli.severity.${s}`);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  const fixable = { safe: 0, unsafe: 0 };
  let fileErrors = 0;
  for (const f of files) {
    if (!f.findings.length && !f.error) continue;
    out.push(c('bold', f.path));
    if (f.error) { out.push(`  ${c('error', severity('error'))}  ${f.error}`); fileErrors++; }
    const lines = f.lines?.text.split(/\r?\n/) ?? [];
    for (const x of f.findings) {
      counts[x.severity]++;
      const fix = fixability(x);
      if (fix) fixable[fix]++;
      const r = rangeIn(f, x);
      const pos = `${r.start.line + 1}:${r.start.character + 1}`;
      out.push(`  ${c('dim', pos.padEnd(7))} ${c(x.severity, padDisplay(severity(x.severity), 7))}  ${plainText(x.message)}  ${c('dim', x.rule)}${fix ? `  ${c(fix, t(FIX_MARK[fix]))}` : ''}`);
      const src = lines[r.start.line];
      if (src !== undefined) {
        const from = r.start.character;
        const to = r.end.line === r.start.line ? Math.max(from + 1, r.end.character) : src.length;
        out.push(`          ${src.replace(/\t/g, ' ')}`);
        out.push(`          ${' '.repeat(from)}${c('underline', '^'.repeat(Math.max(1, Math.min(to, src.length) - from)))}`);
      }
      for (const r of x.related ?? []) out.push(`          ${c('dim', `↳ ${r.file}:${r.line}  ${r.label}`)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  if (total || fileErrors) {
    let line = t('cli.stylish.counts', {
      problems: t.count('cli.stylish.problems', total),
      errors: t.count('cli.stylish.errors', counts.error),
      warnings: t.count('cli.stylish.warnings', counts.warning),
      info: t('cli.stylish.infos', { count: counts.info }),
      style: t('cli.stylish.styles', { count: counts.style }),
    });
    if (fileErrors) line += `, ${t.count('cli.stylish.notLinted', fileErrors)}`;
    if (fixable.safe) line += `; ${t('cli.stylish.fixable', { count: fixable.safe })}${fixable.unsafe ? `, ${t('cli.stylish.fixableMore', { count: fixable.unsafe })}` : ''}`;
    else if (fixable.unsafe) line += `; ${t('cli.stylish.fixableUnsafe', { count: fixable.unsafe })}`;
    out.push(c(counts.error || fileErrors ? 'error' : 'warning', `✖ ${line}`));
  }
  if (baselined) out.push(c('dim', t.count('cli.stylish.baselined', baselined)));
  return out.length ? out.join('\n') + '\n' : '';
}

const sarifLevel = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** `profile`: the rules' default configuration is their severity in it. */
export function formatSarif(files: FileReport[], version: string, profile: ProfileName): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const uri = (p: string) => p.split(path.sep).join('/');
  const edited = (x: Finding) => x.fixes.filter((fx) => fx.edits.length || fx.editFiles?.length);
  const results = files.flatMap((f) => f.findings.map((x) => {
    const region = (at: { start: number; end: number }) => {
      const r = rangeIn(f, at);
      return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
    };
    return {
      ruleId: x.rule,
      ruleIndex: ruleIndex.get(x.rule),
      level: sarifLevel(x.severity),
      message: { text: plainText(x.message), markdown: x.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: region(x) } }],
      ...(x.related?.length ? { relatedLocations: x.related.map((r, id) => ({ id, physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: { startLine: r.line } }, message: { text: r.label } })) } : {}),
      // A fix that only creates a file (a .dockerignore) has no replacement in this file to describe.
      ...(edited(x).length ? {
        fixes: edited(x).map((fx) => ({
          description: { text: fixTitle(fx) },
          artifactChanges: [
            ...(fx.edits.length ? [{ artifactLocation: { uri: uri(f.path) }, replacements: fx.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })) }] : []),
            ...(fx.editFiles ?? []).map((e) => ({ artifactLocation: { uri: uri(e.file) }, replacements: [{ deletedRegion: { startLine: e.line, startColumn: e.column + 1, endLine: e.line, endColumn: e.column + 1 + e.length }, insertedContent: { text: e.text } }] })),
          ],
        })),
      } : {}),
    };
  }));
  const notifications = files.filter((f) => f.error).map((f) => ({ level: 'error', message: { text: `${f.path}: ${f.error}` } }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'dockwise',
          version,
          rules: allRules.map((r) => {
            const sev = profileSeverity(profile, r.meta);
            return {
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.meta.docs.summary.replace(/`/g, '') },
              fullDescription: { text: r.meta.docs.why },
              // The whole page travels with the log (code scanning shows help.markdown): no URL to go dead.
              help: { text: ruleHelpText(r), markdown: ruleHelpMarkdown(r) },
              defaultConfiguration: { level: sev === 'off' ? 'none' : sarifLevel(sev), enabled: sev !== 'off' },
              properties: { tags: [r.meta.category, ...(r.meta.status === 'preview' ? ['preview'] : []), r.meta.aliases.hadolint, r.meta.aliases.buildkit].filter(Boolean) },
            };
          }),
        },
      },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      results,
    }],
  }, null, 2) + '\n';
}

const ghEscape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghEscape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(files: FileReport[]): string {
  const out: string[] = [];
  for (const f of files) {
    if (f.error) out.push(`::error file=${ghProp(f.path)},title=dockwise::${ghEscape(f.error)}`);
    for (const x of f.findings) {
      const kind = x.severity === 'error' ? 'error' : x.severity === 'warning' ? 'warning' : 'notice';
      const r = rangeIn(f, x);
      out.push(`::${kind} file=${ghProp(f.path)},line=${r.start.line + 1},col=${r.start.character + 1},endLine=${r.end.line + 1},endColumn=${r.end.character + 1},title=${ghProp(x.rule)}::${ghEscape(plainText(x.message))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function formatCheckstyle(files: FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const f of files) {
    out.push(`  <file name="${xml(f.path)}">`);
    if (f.error) out.push(`    <error line="1" column="1" severity="error" message="${xml(f.error)}" source="dockwise"/>`);
    for (const x of f.findings) {
      const sev = x.severity === 'style' ? 'info' : x.severity;
      const { start } = rangeIn(f, x);
      out.push(`    <error line="${start.line + 1}" column="${start.character + 1}" severity="${sev}" message="${xml(plainText(x.message))}" source="dockwise.${xml(x.rule)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}

/**
 * GitLab rates an issue info < minor < major < critical < blocker, "the potential impact of the issue" (the Code
 * Climate spec GitLab follows). An error is what Docker rejects or what fails when the container runs, which is
 * critical; not blocker, because any rule can be raised to error (the hadolint profile makes MAINTAINER one), and
 * whether the pipeline stops is --failure-threshold's to say. A warning is likely to bite (major), info costs size
 * or time (minor), style is readability (info).
 */
const GITLAB_SEVERITY: Readonly<Record<Severity, string>> = { error: 'critical', warning: 'major', info: 'minor', style: 'info' };

/**
 * GitLab Code Quality: description, check_name, fingerprint, severity, location.path (relative to the project,
 * which is `cwd` in a CI job) and location.lines.begin are what GitLab reads. The merge request compares the
 * fingerprints of both branches, so a fingerprint must not change when lines are added above the finding: it is
 * the baseline's (the rule, the instruction, the underlined text) with the path and which occurrence it is, so
 * identical findings stay distinct (GitLab shows findings that share a fingerprint as one).
 */
export function formatGitlab(files: FileReport[], cwd: string): string {
  const hash = (...parts: Array<string | number>) => createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const issues: object[] = [];
  for (const f of files) {
    const where = (path.isAbsolute(f.path) ? path.relative(cwd, f.path) : path.normalize(f.path)).split(path.sep).join('/');
    if (f.error) {
      issues.push({
        type: 'issue', description: `${where}: ${f.error}`, check_name: 'dockwise', categories: ['Bug Risk'],
        fingerprint: hash(where, 'dockwise', f.errorId ?? f.error), severity: GITLAB_SEVERITY.error, location: { path: where, lines: { begin: 1, end: 1 } },
      });
    }
    // Parsed again here, only for this format: the fingerprint reads the instruction a finding is in.
    const model = f.lines && f.findings.length ? new DockerfileModel(f.lines.text) : undefined;
    const seen = new Map<string, number>();
    for (const x of f.findings) {
      const about = fingerprint(model!, x);
      const nth = (seen.get(about) ?? 0) + 1;
      seen.set(about, nth);
      issues.push({
        type: 'issue',
        description: plainText(x.message),
        check_name: x.rule,
        // Code Climate's categories: an error is a bug risk, the rest is how the image is built.
        categories: [x.severity === 'error' ? 'Bug Risk' : 'Style'],
        fingerprint: hash(where, x.rule, about, nth),
        severity: GITLAB_SEVERITY[x.severity],
        location: { path: where, lines: ((r) => ({ begin: r.start.line + 1, end: r.end.line + 1 }))(rangeIn(f, x)) },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
