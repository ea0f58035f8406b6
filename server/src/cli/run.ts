// The dockwise command, as a function of its arguments and its I/O so tests can run it in-process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  allRules, DEFAULT_PROFILE, findRules, fixAll, isProfileName, lintText,
  PROFILE_NAMES, profileSeverity, ruleMarkdown,
  type Finding, type ProfileName, type Severity,
} from '../engine';
import { unknownProfileText, unknownRuleText } from '../engine/config/suggest';
import { isLocale, localeFromEnvironment, type Locale } from '../engine/i18n/locale';
import { fileUri, initNodeShellParser, nodeHost } from '../host/node';
import { Workspace, type DocumentSettings } from '../workspace/workspace';
import { BaselineWriter, baselinePath, fingerprint, newFindings, parseBaseline } from './baseline';
import { decodeDockerfile, readTarget, resolveTargets } from './files';
import { formatCheckstyle, formatGithub, formatGitlab, formatJson, formatSarif, formatStylish, type FileReport } from './formats';
import { unifiedDiff } from './diff';
import { formatFixSummary, type FixedFile } from './fix-summary';
import { cliSpeaker, type CliStringId } from './strings';
import { configSettings, helpColumns, helpLanguages, languageOption, optionWords, UsageError, type CliIo } from './command';
import { runFormat } from './format';
import { runPin } from './pin';
import { runRefactor } from './refactor';
import { buildFiles, explainContext, invocationsOf } from './explain-context';
import { fixInvocations, lintInvocations } from '../workspace/invocation-lint';

export type { CliIo } from './command';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'];
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };

/** The options --help lists: the option as typed (code) and its description (a text, maybe of several lines). */
const HELP_OPTIONS: ReadonlyArray<readonly [string, CliStringId]> = [
  ['-f, --format FORMAT', 'cli.help.format'],
  ['    --fix', 'cli.help.fix'],
  ['    --unsafe-fixes', 'cli.help.unsafeFixes'],
  ['    --diff', 'cli.help.diff'],
  ['-t, --failure-threshold S', 'cli.help.failureThreshold'],
  ['-p, --profile NAME', 'cli.help.profile'],
  ['    --ignore ID', 'cli.help.ignore'],
  ['    --rule ID=SEVERITY', 'cli.help.rule'],
  ['-c, --config FILE', 'cli.help.config'],
  ['    --no-config', 'cli.help.noConfig'],
  ['    --stdin-filename PATH', 'cli.help.stdinFilename'],
  ['    --baseline FILE', 'cli.help.baseline'],
  ['    --baseline-write FILE', 'cli.help.baselineWrite'],
  ['    --shellcheck', 'cli.help.shellcheck'],
  ['    --color, --no-color', 'cli.help.color'],
  ['    --lang LANG', 'cli.help.lang'],
  ['    --explain ID', 'cli.help.explain'],
  ['    --explain-context', 'cli.help.explainContext'],
  ['    --compose FILE', 'cli.help.compose'],
  ['    --service NAME', 'cli.help.service'],
  ['    --bake FILE', 'cli.help.bake'],
  ['    --target NAME', 'cli.help.target'],
  ['    --standalone', 'cli.help.standalone'],
  ['    --list-rules', 'cli.help.listRules'],
  ['-v, --version', 'cli.help.version'],
  ['-h, --help', 'cli.help.help'],
];

/** The commands besides linting, for --help. */
const HELP_COMMANDS: ReadonlyArray<readonly [string, CliStringId]> = [
  ['format [path|glob|- ...]', 'cli.help.formatCommand'],
  ['pin [path|glob|- ...]', 'cli.help.pinCommand'],
  ['refactor NAME FILE', 'cli.help.refactorCommand'],
];

/** `dockwise --help` in `locale`. */
export function helpText(locale: Locale): string {
  const t = cliSpeaker(locale);
  const data = {
    profiles: PROFILE_NAMES.join(', '),
    profile: DEFAULT_PROFILE,
    languages: helpLanguages(locale),
  };
  return `${t('cli.help.usage')}\n\n${t('cli.help.intro')}\n\n${t('cli.help.commands')}\n${helpColumns(HELP_COMMANDS, locale)}\n\n${t('cli.help.options')}\n${helpColumns(HELP_OPTIONS, locale, data)}\n\n${t('cli.help.exitCodes')}\n`;
}

export const HELP = helpText('en');

interface Options {
  format: string;
  profile?: ProfileName;
  baseline?: string;
  baselineWrite?: string;
  fix: boolean;
  unsafe: boolean;
  diff: boolean;
  threshold?: Severity | 'none';
  ignore: string[];
  rules: Record<string, string>;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  color?: boolean;
  shellcheck: boolean;
  lang?: Locale;
  /** Say what builds each file (compose services, bake targets) instead of linting it. */
  explainContext: boolean;
  /** Compose and bake files to read instead of looking for them, and the services and targets to lint as. */
  compose: string[];
  bake: string[];
  services: string[];
  bakeTargets: string[];
  /** Lint each file as built alone, whatever compose and bake files say. */
  standalone: boolean;
  paths: string[];
}


/**
 * The language of a run, known before its arguments are checked (so that their errors are in it too): the last
 * valid `--lang`, else LC_ALL, LC_MESSAGES or LANG.
 */
export function localeOfArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  let lang: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (isLocale(v)) lang = v;
  }
  return lang ?? localeFromEnvironment(env);
}

function parseArgs(argv: string[], locale: Locale): Options | { action: 'help' | 'version' } | { action: 'list'; profile: ProfileName } | { action: 'explain'; id: string } {
  const t = cliSpeaker(locale);
  const o: Options = { format: 'stylish', fix: false, unsafe: false, diff: false, ignore: [], rules: {}, noConfig: false, shellcheck: false, explainContext: false, compose: [], bake: [], services: [], bakeTargets: [], standalone: false, paths: [] };
  let list = false;
  let explain: string | undefined;
  for (const { word: a, name, value } of optionWords(argv, locale)) {
    switch (name) {
      case '-h': case '--help': return { action: 'help' };
      case '-v': case '--version': return { action: 'version' };
      case '--list-rules': list = true; break;
      case '--explain': explain = value(); break;
      case '--explain-context': o.explainContext = true; break;
      case '--compose': o.compose.push(value()); break;
      case '--bake': o.bake.push(value()); break;
      case '--service': o.services.push(value()); break;
      case '--target': o.bakeTargets.push(value()); break;
      case '--standalone': o.standalone = true; break;
      case '-f': case '--format': o.format = value(); if (!FORMATS.includes(o.format)) throw new UsageError(t('cli.usage.unknownFormat', { format: o.format, formats: FORMATS.join(', ') })); break;
      case '--fix': o.fix = true; break;
      case '--unsafe-fixes': o.unsafe = true; break;
      case '--diff': o.diff = true; break;
      case '-t': case '--failure-threshold': {
        const v = value();
        if (!THRESHOLDS.includes(v)) throw new UsageError(t('cli.usage.unknownThreshold', { threshold: v, thresholds: THRESHOLDS.join(', ') }));
        o.threshold = v as Severity | 'none';
        break;
      }
      case '-p': case '--profile': {
        const v = value();
        if (!isProfileName(v)) throw new UsageError(unknownProfileText(v, undefined, locale));
        o.profile = v;
        break;
      }
      case '--baseline': o.baseline = value(); break;
      case '--baseline-write': o.baselineWrite = value(); break;
      case '--ignore': o.ignore.push(value()); break;
      case '--rule': {
        const v = value();
        const m = /^([^=]+)=(off|error|warning|info|style)$/.exec(v);
        if (!m) throw new UsageError(t('cli.usage.ruleSyntax', { value: v }));
        o.rules[m[1]] = m[2];
        break;
      }
      case '-c': case '--config': o.config = value(); break;
      case '--no-config': o.noConfig = true; break;
      case '--stdin-filename': o.stdinFilename = value(); break;
      case '--color': o.color = true; break;
      case '--no-color': o.color = false; break;
      case '--shellcheck': o.shellcheck = true; break;
      case '--lang': o.lang = languageOption(value(), locale); break;
      case '-': o.paths.push('-'); break;
      default:
        if (a.startsWith('-')) throw new UsageError(t('cli.usage.unknownOption', { option: a }));
        o.paths.push(a);
    }
  }
  if (explain !== undefined) return { action: 'explain', id: explain };
  if (list) return { action: 'list', profile: o.profile ?? DEFAULT_PROFILE };
  if (o.unsafe && !o.fix && !o.diff) throw new UsageError(t('cli.usage.unsafeNeedsFix'));
  if (o.baselineWrite && o.baseline) throw new UsageError(t('cli.usage.baselineWriteWithBaseline'));
  if (o.baselineWrite && o.diff) throw new UsageError(t('cli.usage.baselineWriteWithDiff'));
  for (const id of [...o.ignore, ...Object.keys(o.rules)]) {
    if (!findRules(id).length) throw new UsageError(unknownRuleText(id, locale));
  }
  return o;
}

export async function runCli(argv: string[], io: CliIo, version: string): Promise<number> {
  const locale = localeOfArgs(argv, io.env);
  if (argv[0] === 'format') return runFormat(argv.slice(1), io, locale);
  if (argv[0] === 'pin') return runPin(argv.slice(1), io, locale);
  if (argv[0] === 'refactor') return runRefactor(argv.slice(1), io, locale);
  const t = cliSpeaker(locale);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, locale);
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`dockwise: ${e.message}\n${t('cli.usage.seeHelp')}\n`); return 2; }
    throw e;
  }
  if ('action' in parsed) {
    switch (parsed.action) {
      case 'help': io.stdout(helpText(locale)); return 0;
      case 'version': io.stdout(`${version}\n`); return 0;
      case 'list':
        for (const r of allRules) {
          const m = r.meta;
          const columns = [m.id.padEnd(42), profileSeverity(parsed.profile, m).padEnd(8), m.category.padEnd(15), (m.aliases.hadolint ?? '-').padEnd(7), (m.aliases.buildkit ?? '-').padEnd(32), m.fixable ?? '-'];
          if (m.status === 'preview') columns[5] = columns[5].padEnd(6) + ' preview';
          io.stdout(`${columns.join(' ')}\n`);
        }
        return 0;
      case 'explain': {
        const rules = findRules(parsed.id);
        if (!rules.length) {
          io.stderr(`dockwise: ${unknownRuleText(parsed.id, locale)}\n`);
          return 2;
        }
        io.stdout(rules.map((r) => ruleMarkdown(r, locale)).join('\n'));
        return 0;
      }
    }
  }
  const o = parsed;
  await initNodeShellParser();

  // Resolve what to lint.
  const resolved = resolveTargets(o.paths, io, o.stdinFilename, t);
  if (!resolved) return 2;
  const { targets } = resolved;
  const builds = buildFiles(o, io);
  if (o.explainContext) return resolved.usageProblem ? 2 : explainContext(targets, io, locale, builds);
  let usageProblem = resolved.usageProblem;

  // Config: explicit, none, or discovered per file (each problem reported once).
  const workspace = new Workspace(nodeHost, (_problem, text) => io.stderr(`dockwise: ${text}\n`), locale);
  const configFile = configSettings(o, io, locale);
  if (!configFile) return 2;
  // Without --unsafe-fixes, the config file's `fixes: unsafe` decides.
  const settings: DocumentSettings = {
    profile: o.profile, rules: o.rules, ignore: o.ignore, fixUnsafe: o.unsafe || undefined, today: todayFrom(io.env),
    ...configFile,
  };
  let baseline: Map<string, number> | undefined;
  if (o.baseline) {
    const file = path.resolve(io.cwd, o.baseline);
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) { io.stderr(`dockwise: ${t('cli.baseline.cannotRead', { path: o.baseline, error: (e as Error).message })}\n`); return 2; }
    try { baseline = parseBaseline(text, locale); } catch (e) { io.stderr(`dockwise: ${o.baseline}: ${(e as Error).message}\n`); return 2; }
  }
  const baselineWriter = o.baselineWrite ? new BaselineWriter() : undefined;
  let baselined = 0;

  const reports: FileReport[] = [];
  const reportedProblems = new Set<string>();
  const fixed: FixedFile[] = [];
  let warnedShellcheck = false;
  // Each file is judged by its own threshold (the option, else its config's `failure-threshold`), exactly as when linted alone.
  const thresholds = new Map<FileReport, Severity | 'none'>();
  for (const target of targets) {
    const bytes = readTarget(target, io, t);
    if (!bytes) {
      usageProblem = true;
      continue;
    }
    const decoded = decodeDockerfile(bytes, locale);
    if ('error' in decoded) { reports.push({ path: target.display, findings: [], error: decoded.error, errorId: decoded.errorId }); continue; }
    const where = target.file ?? path.resolve(io.cwd, o.stdinFilename ?? 'Dockerfile');
    const uri = fileUri(where);
    let options = await workspace.optionsFor(uri, settings);
    const threshold = o.threshold ?? options.failureThreshold ?? 'info';
    let text = decoded.text;
    // As each compose service and bake target builds it, when some do (and --standalone does not say otherwise).
    const found = target.file && builds ? await invocationsOf(uri, builds, io, locale, reportedProblems) : undefined;
    if (o.fix || o.diff) {
      const fixOptions = { ...options, unsafe: o.unsafe || options.fixUnsafe };
      const result = found?.invocations.length
        ? await fixInvocations(workspace, uri, found.root, text, fixOptions, found.invocations)
        : await workspace.withFiles(uri, () => fixAll(text, fixOptions));
      if (o.diff) {
        // The file's byte-order mark is part of its first line, which the patch must match.
        const bom = decoded.bom ? '\uFEFF' : '';
        io.stdout(unifiedDiff(bom + text, bom + result.text, `a/${target.display}`, `b/${target.display}`));
        for (const f of result.createFiles) if (!fs.existsSync(path.join(path.dirname(where), f.path))) io.stdout(unifiedDiff('', f.content, '/dev/null', `b/${path.join(path.dirname(target.display), f.path)}`));
      } else {
        if (result.text !== text) {
          if (target.file) fs.writeFileSync(target.file, (decoded.bom ? '\uFEFF' : '') + result.text);
          else io.stdout(result.text);
        }
        const done: FixedFile = { path: target.display, applied: result.applied, created: [], notCreated: [] };
        for (const f of result.createFiles) {
          const created = path.join(path.dirname(where), f.path);
          const shown = path.join(path.dirname(target.display), f.path);
          if (!target.file) done.notCreated.push(shown);
          else if (!fs.existsSync(created)) { fs.writeFileSync(created, f.content); done.created.push(shown); }
        }
        fixed.push(done);
        text = result.text;
        // The files just created are beside the Dockerfile now: the lint below must read them afresh.
        if (done.created.length) {
          workspace.forget(uri);
          options = await workspace.optionsFor(uri, settings);
        }
      }
    }
    const { model, findings: lintFindings, ruleErrors } = found?.invocations.length
      ? await lintInvocations(workspace, uri, found.root, text, options, found.invocations)
      : await workspace.withFiles(uri, () => lintText(text, options));
    // The compose and bake lines findings point at and fixes edit, shown as paths like the Dockerfiles' own.
    const shown = <T extends { file: string }>(r: T): T => ({ ...r, file: shownPath(r.file, io.cwd) });
    let findings = lintFindings.map((f) => (f.related ? { ...f, related: f.related.map(shown), fixes: f.fixes.map((x) => (x.editFiles ? { ...x, editFiles: x.editFiles.map(shown) } : x)) } : f));
    if (o.shellcheck) {
      if (!(await workspace.shellcheckAvailable())) {
        if (!warnedShellcheck) io.stderr(`dockwise: ${t('cli.shellcheckMissing')}\n`);
        warnedShellcheck = true;
      } else {
        const sc = await workspace.shellcheck(model, options);
        findings = [...findings, ...sc].sort((a, b) => a.start - b.start);
      }
    }
    for (const e of ruleErrors) io.stderr(`dockwise: ${t('cli.internalError', { rule: e.rule, path: target.display, error: String((e.error as Error)?.message ?? e.error) })}\n`);
    if (baselineWriter) {
      const p = baselinePath(path.resolve(io.cwd, o.baselineWrite!), where);
      for (const f of findings) baselineWriter.add(p, f.rule, fingerprint(model, f));
    } else if (baseline) {
      const kept = newFindings(baseline, baselinePath(path.resolve(io.cwd, o.baseline!), where), findings, (f) => fingerprint(model, f));
      baselined += findings.length - kept.length;
      findings = kept;
    }
    const report: FileReport = { path: target.display, lines: model.lines, findings };
    reports.push(report);
    thresholds.set(report, threshold);
  }
  if (o.diff) return exitCode(reports, thresholds, usageProblem);
  if (baselineWriter) {
    for (const r of reports) if (r.error) io.stderr(`dockwise: ${r.path}: ${r.error}\n`);
    try { fs.writeFileSync(path.resolve(io.cwd, o.baselineWrite!), baselineWriter.toJson()); } catch (e) {
      io.stderr(`dockwise: ${t('cli.baseline.cannotWrite', { path: o.baselineWrite!, error: (e as Error).message })}\n`);
      return 2;
    }
    io.stderr(`dockwise: ${t.count('cli.baseline.recorded', baselineWriter.total, { path: o.baselineWrite! })}\n`);
    return usageProblem ? 2 : 0;
  }

  const color = o.color ?? (io.isTTY && !io.env.NO_COLOR);
  // `--fix` on standard input writes the fixed text to stdout, so the report goes to stderr.
  const write = o.fix && targets.some((x) => !x.file) ? io.stderr : io.stdout;
  // What --fix did comes first, then what is left; never inside a machine-readable report on stdout.
  if (o.fix) (o.format === 'stylish' ? write : io.stderr)(formatFixSummary(fixed, color, locale));
  switch (o.format) {
    case 'json': write(formatJson(reports)); break;
    case 'sarif': write(formatSarif(reports, version, o.profile ?? DEFAULT_PROFILE)); break;
    case 'github': write(formatGithub(reports)); break;
    case 'checkstyle': write(formatCheckstyle(reports)); break;
    case 'gitlab': write(formatGitlab(reports, io.cwd)); break;
    default: write(formatStylish(reports, color, baselined, locale));
  }
  return exitCode(reports, thresholds, usageProblem);
}

function exitCode(reports: FileReport[], thresholds: Map<FileReport, Severity | 'none'>, usageProblem: boolean): number {
  if (usageProblem) return 2;
  if (reports.some((r) => r.error)) return 1;
  return reports.some((r) => {
    const threshold = thresholds.get(r) ?? 'none';
    return threshold !== 'none' && r.findings.some((f: Finding) => RANK[f.severity] >= RANK[threshold]);
  }) ? 1 : 0;
}

/**
 * The date end-of-life checks compare with: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when
 * set, so that a pinned CI run or a baseline gives the same findings next month; otherwise the engine uses today.
 */
function todayFrom(env: Record<string, string | undefined>): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

/** A file URI as the command shows paths: relative to the current folder (absolute when outside it). */
function shownPath(uri: string, cwd: string): string {
  if (!uri.startsWith('file:')) return uri;
  const file = fileURLToPath(uri);
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
