// The dockwise command, as a function of its arguments and its I/O so tests can run it in-process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  allRules, DEFAULT_PROFILE, findRules, fixAll, isProfileName, lintText,
  PROFILE_NAMES, profileSeverity, ruleMarkdown, suggestName, unknownProfileMessage,
  type Finding, type ProfileName, type Severity,
} from '../engine';
import { fileUri, initNodeShellParser, nodeHost } from '../host/node';
import { Workspace, type DocumentSettings } from '../workspace/workspace';
import { BaselineWriter, baselinePath, fingerprint, newFindings, parseBaseline } from './baseline';
import { decodeDockerfile, expandGlob, findDockerfiles } from './files';
import { formatCheckstyle, formatGithub, formatGitlab, formatJson, formatSarif, formatStylish, type FileReport } from './formats';
import { unifiedDiff } from './diff';
import { formatFixSummary, type FixedFile } from './fix-summary';

export interface CliIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Buffer;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'];
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };

export const HELP = `Usage: dockwise [options] [path|glob|- ...]

Lints Dockerfiles against production best practices and repairs them.
With no paths, lints every Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile and *.dockerfile
below the current folder (skipping .git and node_modules). "-" reads standard input.

Options:
  -f, --format FORMAT         stylish (default), json, sarif, github, checkstyle, gitlab
      --fix                   apply safe fixes in place (and create files such as .dockerignore)
      --unsafe-fixes          with --fix or --diff, apply unsafe fixes too
      --diff                  print the fixes as a unified diff instead of writing them
  -t, --failure-threshold S   error, warning, info (default), style or none: exit 1 at or above it
  -p, --profile NAME          ${PROFILE_NAMES.join(', ')} (default ${DEFAULT_PROFILE}):
                              which rules are on, at what severity; see docs/profiles.md
      --ignore ID             turn a rule off (id, DL code or BuildKit name); repeatable
      --rule ID=SEVERITY      set a rule to off, error, warning, info or style; repeatable
  -c, --config FILE           use this config file (.dockwise.yaml or .hadolint.yaml format)
      --no-config             use no config file
      --stdin-filename PATH   the path to report (and find config for) when reading "-"
      --baseline FILE         report only the findings that FILE (from --baseline-write) does not hold
      --baseline-write FILE   record every finding in FILE instead of reporting them, and exit 0
      --shellcheck            also run ShellCheck (when installed) on RUN scripts, as hadolint does
      --color, --no-color     force colours on or off (default: on for a terminal, off with NO_COLOR)
      --explain ID            print a rule's documentation
      --list-rules            print every rule with its severity (in --profile), aliases and fix
  -v, --version               print the version
  -h, --help                  print this help

Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage error or unreadable path.
`;

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
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | { action: 'help' | 'version' } | { action: 'list'; profile: ProfileName } | { action: 'explain'; id: string } {
  const o: Options = { format: 'stylish', fix: false, unsafe: false, diff: false, ignore: [], rules: {}, noConfig: false, shellcheck: false, paths: [] };
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h': case '--help': return { action: 'help' };
      case '-v': case '--version': return { action: 'version' };
      case '--list-rules': list = true; break;
      case '--explain': return { action: 'explain', id: value() };
      case '-f': case '--format': o.format = value(); if (!FORMATS.includes(o.format)) throw new UsageError(`unknown format "${o.format}" (use ${FORMATS.join(', ')})`); break;
      case '--fix': o.fix = true; break;
      case '--unsafe-fixes': o.unsafe = true; break;
      case '--diff': o.diff = true; break;
      case '-t': case '--failure-threshold': {
        const v = value();
        if (!THRESHOLDS.includes(v)) throw new UsageError(`unknown failure threshold "${v}" (use ${THRESHOLDS.join(', ')})`);
        o.threshold = v as Severity | 'none';
        break;
      }
      case '-p': case '--profile': {
        const v = value();
        if (!isProfileName(v)) throw new UsageError(unknownProfileMessage(v));
        o.profile = v;
        break;
      }
      case '--baseline': o.baseline = value(); break;
      case '--baseline-write': o.baselineWrite = value(); break;
      case '--ignore': o.ignore.push(value()); break;
      case '--rule': {
        const v = value();
        const m = /^([^=]+)=(off|error|warning|info|style)$/.exec(v);
        if (!m) throw new UsageError(`--rule expects ID=SEVERITY (off, error, warning, info, style), got "${v}"`);
        o.rules[m[1]] = m[2];
        break;
      }
      case '-c': case '--config': o.config = value(); break;
      case '--no-config': o.noConfig = true; break;
      case '--stdin-filename': o.stdinFilename = value(); break;
      case '--color': o.color = true; break;
      case '--no-color': o.color = false; break;
      case '--shellcheck': o.shellcheck = true; break;
      case '-': o.paths.push('-'); break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  if (list) return { action: 'list', profile: o.profile ?? DEFAULT_PROFILE };
  if (o.unsafe && !o.fix && !o.diff) throw new UsageError('--unsafe-fixes needs --fix or --diff');
  if (o.baselineWrite && o.baseline) throw new UsageError('--baseline-write records every finding: it cannot be combined with --baseline');
  if (o.baselineWrite && o.diff) throw new UsageError('--baseline-write cannot be combined with --diff');
  for (const id of [...o.ignore, ...Object.keys(o.rules)]) {
    if (!findRules(id).length) {
      const hint = suggestName(id);
      throw new UsageError(`unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''}`);
    }
  }
  return o;
}

export async function runCli(argv: string[], io: CliIo, version: string): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`dockwise: ${e.message}\nRun "dockwise --help" for usage.\n`); return 2; }
    throw e;
  }
  if ('action' in parsed) {
    switch (parsed.action) {
      case 'help': io.stdout(HELP); return 0;
      case 'version': io.stdout(`${version}\n`); return 0;
      case 'list':
        for (const r of allRules) {
          const m = r.meta;
          io.stdout(`${m.id.padEnd(42)} ${profileSeverity(parsed.profile, m).padEnd(8)} ${(m.aliases.hadolint ?? '-').padEnd(7)} ${(m.aliases.buildkit ?? '-').padEnd(32)} ${m.fixable ?? '-'}\n`);
        }
        return 0;
      case 'explain': {
        const rules = findRules(parsed.id);
        if (!rules.length) {
          const hint = suggestName(parsed.id);
          io.stderr(`dockwise: unknown rule "${parsed.id}"${hint ? `; did you mean "${hint}"?` : ''}\n`);
          return 2;
        }
        io.stdout(rules.map(ruleMarkdown).join('\n'));
        return 0;
      }
    }
  }
  const o = parsed;
  await initNodeShellParser();

  // Resolve what to lint.
  const targets: Array<{ display: string; file?: string }> = [];
  let usageProblem = false;
  if (!o.paths.length) {
    for (const f of findDockerfiles(io.cwd)) targets.push({ display: path.relative(io.cwd, f) || f, file: f });
    if (!targets.length) { io.stderr('dockwise: no Dockerfiles found below the current folder\n'); return 2; }
  }
  for (const p of o.paths) {
    if (p === '-') { targets.push({ display: o.stdinFilename ?? '<stdin>' }); continue; }
    const abs = path.resolve(io.cwd, p);
    if (/[*?]/.test(p) && !fs.existsSync(abs)) {
      const matches = expandGlob(path.isAbsolute(p) ? p : path.join(io.cwd, p));
      if (!matches.length) { io.stderr(`dockwise: ${p}: no files match\n`); usageProblem = true; }
      for (const f of matches) targets.push({ display: path.relative(io.cwd, f), file: f });
      continue;
    }
    let stat: fs.Stats;
    try { stat = fs.statSync(abs); } catch { io.stderr(`dockwise: ${p}: no such file or folder\n`); usageProblem = true; continue; }
    if (stat.isDirectory()) {
      const found = findDockerfiles(abs);
      if (!found.length) io.stderr(`dockwise: ${p}: no Dockerfiles in this folder\n`);
      for (const f of found) targets.push({ display: path.relative(io.cwd, f), file: f });
    } else if (stat.isFile()) targets.push({ display: p, file: abs });
    else { io.stderr(`dockwise: ${p}: not a file\n`); usageProblem = true; }
  }

  // Config: explicit, none, or discovered per file (each problem reported once).
  const workspace = new Workspace(nodeHost, (_problem, text) => io.stderr(`dockwise: ${text}\n`));
  if (o.config && !fs.existsSync(path.resolve(io.cwd, o.config))) { io.stderr(`dockwise: ${o.config}: config file not found\n`); return 2; }
  // Without --unsafe-fixes, the config file's `fixes: unsafe` decides.
  const settings: DocumentSettings = {
    profile: o.profile, rules: o.rules, ignore: o.ignore, fixUnsafe: o.unsafe || undefined, today: todayFrom(io.env),
    ...(o.noConfig ? { configFile: null } : o.config ? { configFile: fileUri(path.resolve(io.cwd, o.config)) } : {}),
  };
  let baseline: Map<string, number> | undefined;
  if (o.baseline) {
    const file = path.resolve(io.cwd, o.baseline);
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) { io.stderr(`dockwise: ${o.baseline}: cannot read the baseline (${(e as Error).message})\n`); return 2; }
    try { baseline = parseBaseline(text); } catch (e) { io.stderr(`dockwise: ${o.baseline}: ${(e as Error).message}\n`); return 2; }
  }
  const baselineWriter = o.baselineWrite ? new BaselineWriter() : undefined;
  let baselined = 0;

  const reports: FileReport[] = [];
  const fixed: FixedFile[] = [];
  let warnedShellcheck = false;
  // Each file is judged by its own threshold (the option, else its config's `failure-threshold`), exactly as when linted alone.
  const thresholds = new Map<FileReport, Severity | 'none'>();
  for (const t of targets) {
    let bytes: Buffer;
    try { bytes = t.file ? fs.readFileSync(t.file) : io.readStdin(); } catch (e) {
      io.stderr(`dockwise: ${t.display}: cannot read (${(e as Error).message})\n`);
      usageProblem = true;
      continue;
    }
    const decoded = decodeDockerfile(bytes);
    if ('error' in decoded) { reports.push({ path: t.display, findings: [], error: decoded.error }); continue; }
    const where = t.file ?? path.resolve(io.cwd, o.stdinFilename ?? 'Dockerfile');
    const uri = fileUri(where);
    let options = await workspace.optionsFor(uri, settings);
    const threshold = o.threshold ?? options.failureThreshold ?? 'info';
    let text = decoded.text;
    if (o.fix || o.diff) {
      const result = await workspace.withFiles(uri, () => fixAll(text, { ...options, unsafe: o.unsafe || options.fixUnsafe }));
      if (o.diff) {
        // The file's byte-order mark is part of its first line, which the patch must match.
        const bom = decoded.bom ? '\uFEFF' : '';
        io.stdout(unifiedDiff(bom + text, bom + result.text, `a/${t.display}`, `b/${t.display}`));
        for (const f of result.createFiles) if (!fs.existsSync(path.join(path.dirname(where), f.path))) io.stdout(unifiedDiff('', f.content, '/dev/null', `b/${path.join(path.dirname(t.display), f.path)}`));
      } else {
        if (result.text !== text) {
          if (t.file) fs.writeFileSync(t.file, (decoded.bom ? '\uFEFF' : '') + result.text);
          else io.stdout(result.text);
        }
        const done: FixedFile = { path: t.display, applied: result.applied, created: [], notCreated: [] };
        for (const f of result.createFiles) {
          const target = path.join(path.dirname(where), f.path);
          const shown = path.join(path.dirname(t.display), f.path);
          if (!t.file) done.notCreated.push(shown);
          else if (!fs.existsSync(target)) { fs.writeFileSync(target, f.content); done.created.push(shown); }
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
    const { model, findings: lintFindings, ruleErrors } = await workspace.withFiles(uri, () => lintText(text, options));
    let findings = lintFindings;
    if (o.shellcheck) {
      if (!(await workspace.shellcheckAvailable())) {
        if (!warnedShellcheck) io.stderr('dockwise: --shellcheck: shellcheck is not installed; skipping it\n');
        warnedShellcheck = true;
      } else {
        const sc = await workspace.shellcheck(model, options);
        findings = [...findings, ...sc].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      }
    }
    for (const e of ruleErrors) io.stderr(`dockwise: internal error in rule ${e.rule} on ${t.display}: ${(e.error as Error)?.message ?? e.error}\n`);
    if (baselineWriter) {
      const p = baselinePath(path.resolve(io.cwd, o.baselineWrite!), where);
      for (const f of findings) baselineWriter.add(p, f.rule, fingerprint(model, f));
    } else if (baseline) {
      const kept = newFindings(baseline, baselinePath(path.resolve(io.cwd, o.baseline!), where), findings, (f) => fingerprint(model, f));
      baselined += findings.length - kept.length;
      findings = kept;
    }
    const report: FileReport = { path: t.display, text, findings };
    reports.push(report);
    thresholds.set(report, threshold);
  }
  if (o.diff) return exitCode(reports, thresholds, usageProblem);
  if (baselineWriter) {
    for (const r of reports) if (r.error) io.stderr(`dockwise: ${r.path}: ${r.error}\n`);
    try { fs.writeFileSync(path.resolve(io.cwd, o.baselineWrite!), baselineWriter.toJson()); } catch (e) {
      io.stderr(`dockwise: ${o.baselineWrite}: cannot write the baseline (${(e as Error).message})\n`);
      return 2;
    }
    const n = baselineWriter.total;
    io.stderr(`dockwise: recorded ${n} finding${n === 1 ? '' : 's'} in ${o.baselineWrite}\n`);
    return usageProblem ? 2 : 0;
  }

  const color = o.color ?? (io.isTTY && !io.env.NO_COLOR);
  // `--fix` on standard input writes the fixed text to stdout, so the report goes to stderr.
  const write = o.fix && targets.some((t) => !t.file) ? io.stderr : io.stdout;
  // What --fix did comes first, then what is left; never inside a machine-readable report on stdout.
  if (o.fix) (o.format === 'stylish' ? write : io.stderr)(formatFixSummary(fixed, color));
  switch (o.format) {
    case 'json': write(formatJson(reports)); break;
    case 'sarif': write(formatSarif(reports, version, o.profile ?? DEFAULT_PROFILE)); break;
    case 'github': write(formatGithub(reports)); break;
    case 'checkstyle': write(formatCheckstyle(reports)); break;
    case 'gitlab': write(formatGitlab(reports, io.cwd)); break;
    default: write(formatStylish(reports, color, baselined));
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
