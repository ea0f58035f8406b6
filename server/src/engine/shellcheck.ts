// ShellCheck pass-through: prepares every shell script of a Dockerfile's RUN instructions for ShellCheck and maps
// its findings (SCxxxx) to exact ranges inside the RUN. Starting the program is the host's part (a
// ShellcheckRunner: a child process on Node, none in a browser). It is asynchronous and separate from lintText
// so it never blocks the editor: the CLI and the server call it after the lint, when the `shellcheck` setting is
// on. Results are cached by program and script text.
import type { DockerfileModel, Instr, Stage } from './model/dockerfile';
import { argDefinitions, envDefinitions } from './model/dockerfile';
import { distroFamily, rootStage } from './model/base-images';
import type { ShellScript } from './model/shell';
import { shellArgvFor, shellFacts } from './model/shells';
import type { Finding, Fix, Severity } from './types';
import { defineStrings, localize } from './i18n/catalog';
import type { Locale } from './i18n/locale';
import { PLATFORM_ARGS, PROXY_ARGS } from './model/build-args';

/** Starts ShellCheck: the host's part. */
export interface ShellcheckRunner {
  /** Names the program (its path), for the cache. */
  id: string;
  /** Whether it can be started at all; asked once per run, so the answer should be cached. */
  available(): Promise<boolean>;
  /** Its standard output for these arguments and input, or undefined when it did not start or timed out. */
  run(args: string[], input: string, timeoutMs: number): Promise<string | undefined>;
}

export interface ShellcheckOptions {
  /** Per-script time limit; a script that takes longer yields no findings (default 5000 ms). */
  timeoutMs?: number;
  /** Codes never reported, e.g. `['SC2086']` (SC1090, SC1091 and SC2187 are always excluded). */
  exclude?: string[];
  /** Scripts checked at the same time (default 2). */
  concurrency?: number;
  /** The language of the fix titles (ShellCheck writes its messages in English). */
  locale?: Locale;
}

/** The English of what Dockwise adds to ShellCheck's findings. */
export const SHELLCHECK_STRINGS = defineStrings({
  'shellcheck.fixTitle': 'Apply ShellCheck\'s suggestion for SC{code}',
});

/** One ShellCheck comment as `--format=json1` prints it. */
interface Json1Comment {
  line: number; endLine: number; column: number; endColumn: number;
  level: string; code: number; message: string;
  fix?: { replacements: Array<{ line: number; endLine: number; column: number; endColumn: number; replacement: string }> } | null;
}

/** What ShellCheck cannot know inside a Dockerfile: files sourced at build time. SC2187 is about ash, which we map to sh. */
const ALWAYS_EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];
/** Build-time variables Docker predefines for every RUN. */
const PREDEFINED: readonly string[] = [...PROXY_ARGS, ...PLATFORM_ARGS];

const cache = new Map<string, Json1Comment[]>();
const CACHE_LIMIT = 1000;

/**
 * hadolint's `# hadolint shell=<name>` pragma: the last one above the RUN, in its stage or before the first FROM,
 * that is not followed by a SHELL instruction, names the shell (`powershell` turns ShellCheck off).
 */
function shellPragma(model: DockerfileModel, stage: Stage | null, instr: Instr): string | undefined {
  const stageStart = stage ? stage.from.start : 0;
  const firstFrom = model.stages[0]?.from.start ?? Infinity;
  const lastShell = stage?.instructions.filter((i) => i.keyword === 'SHELL' && i.start < instr.start).pop();
  let found: string | undefined;
  for (let line = 0; line < instr.line; line++) {
    const m = /^\s*#\s*hadolint\s+shell\s*=\s*(\S+)\s*$/.exec(model.lines.lineText(line));
    if (!m) continue;
    const at = model.lines.lineStart(line);
    if (!(at < firstFrom || at > stageStart) || (lastShell && at < lastShell.start)) continue;
    if (model.instructions.some((i) => i.start < at && at < i.end)) continue; // inside a heredoc or continued instruction
    found = m[1];
  }
  return found;
}

/** ARG and ENV names visible to a RUN (its stage up to it, the stages it is built FROM, global ARGs). */
function knownVariables(model: DockerfileModel, stage: Stage | null, instr: Instr): string[] {
  const names = new Set<string>(PREDEFINED);
  for (const name of model.globalArgs.keys()) names.add(name);
  for (let s: Stage | undefined = stage ?? undefined; s; s = s.parent) {
    for (const i of s.instructions) {
      if (s === stage && i.start >= instr.start) break;
      if (i.keyword === 'ARG') for (const d of argDefinitions(i)) names.add(d.name);
      if (i.keyword === 'ENV') for (const d of envDefinitions(i)) names.add(d.name);
    }
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

interface Job { instr: Instr; script: ShellScript; dialect: string; shebang: string; body: string }

/** The scripts of a RUN that ShellCheck should see, with their dialect. Exec form and non-POSIX shells are skipped. */
function jobsFor(model: DockerfileModel, instr: Instr): Job[] {
  const run = instr.run;
  if (!run || run.execForm) return [];
  const stage = instr.onbuild ? instr.onbuild.stage : instr.stage;
  if (stage && distroFamily(rootStage(stage).image) === 'windows') return [];
  const pragma = shellPragma(model, stage, instr);
  const argv = pragma ? [pragma] : shellArgvFor(stage, instr) ?? ['/bin/sh'];
  const facts = shellFacts(argv);
  if (facts.kind !== 'posix') return [];
  const jobs: Job[] = [];
  if (run.heredocs.length === 0) {
    const { dialect } = facts;
    if (dialect && run.scripts[0]) jobs.push({ instr, script: run.scripts[0], dialect, shebang: `#!/bin/${dialect}`, body: run.scripts[0].text });
    return jobs;
  }
  // Heredoc scripts: their own shebang (when sh-like) decides the dialect; the shebang line itself is blanked.
  for (const script of run.scripts.slice(1)) {
    const m = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(script.text);
    const dialect = m ? shellFacts([m[1].endsWith('/env') ? m[2] ?? '' : m[1]]).dialect : facts.dialect;
    if (!dialect) continue;
    const body = m ? ' '.repeat(m[0].length) + script.text.slice(m[0].length) : script.text;
    jobs.push({ instr, script, dialect, shebang: `#!/bin/${dialect}`, body });
  }
  return jobs;
}

async function runOne(runner: ShellcheckRunner, text: string, dialect: string, exclude: string[], timeoutMs: number): Promise<Json1Comment[]> {
  const stdout = await runner.run(['--format=json1', `--shell=${dialect}`, `--exclude=${exclude.join(',')}`, '-'], text, timeoutMs);
  // ShellCheck exits 1 when it found something; the JSON is still complete. No output: not started or timed out.
  if (!stdout) return [];
  try {
    return (JSON.parse(stdout) as { comments?: Json1Comment[] }).comments ?? [];
  } catch {
    return [];
  }
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

/** Runs ShellCheck on every shell-form RUN script of `model`. Never rejects: problems yield fewer findings. */
export async function runShellcheck(model: DockerfileModel, runner: ShellcheckRunner, options: ShellcheckOptions = {}): Promise<Finding[]> {
  if (!(await runner.available())) return [];
  const exclude = [...new Set([...ALWAYS_EXCLUDED, ...(options.exclude ?? []).map((c) => c.toUpperCase())])];
  const timeoutMs = options.timeoutMs ?? 5000;
  const jobs = model.runs.flatMap((instr) => jobsFor(model, instr));
  const results: Finding[][] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      const stage = job.instr.onbuild ? job.instr.onbuild.stage : job.instr.stage;
      const exports = knownVariables(model, stage, job.instr).map((n) => `export ${n}=1`);
      const prefix = [job.shebang, ...exports];
      const text = `${prefix.join('\n')}\n${job.body}\n`;
      const key = `${runner.id}\0${job.dialect}\0${exclude.join(',')}\0${text}`;
      let comments = cache.get(key);
      if (!comments) {
        comments = await runOne(runner, text, job.dialect, exclude, timeoutMs);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, comments);
      }
      results[index] = comments.flatMap((c) => toFinding(model, job, prefix.length, c, options.locale ?? 'en') ?? []);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return results.flat().sort((a, b) => a.start - b.start);
}

/** Maps a ShellCheck comment (1-based line/column in the script we sent) to a finding in the document. */
function toFinding(model: DockerfileModel, job: Job, prefixLines: number, c: Json1Comment, locale: Locale): Finding | undefined {
  const lineStarts = [0];
  for (let i = 0; i < job.body.length; i++) if (job.body[i] === '\n') lineStarts.push(i + 1);
  const offset = (line: number, column: number): number | undefined => {
    const l = line - 1 - prefixLines;
    if (l < 0 || l >= lineStarts.length) return undefined;
    const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : job.body.length;
    return job.script.base + Math.min(lineStarts[l] + column - 1, lineEnd);
  };
  const start = offset(c.line, c.column);
  if (start === undefined) return undefined;
  const end = Math.max(start, offset(c.endLine, c.endColumn) ?? start);
  const fixes: Fix[] = [];
  if (c.fix?.replacements.length) {
    const edits = c.fix.replacements.map((r) => ({ start: offset(r.line, r.column), end: offset(r.endLine, r.endColumn), text: r.replacement }));
    // Only when every replaced span is plain document text (no line continuation or blanked comment inside).
    const ok = edits.every((e) => e.start !== undefined && e.end !== undefined && e.end >= e.start
      && model.text.slice(e.start, e.end) === job.body.slice(e.start - job.script.base, e.end - job.script.base));
    if (ok) {
      fixes.push({
        title: localize(SHELLCHECK_STRINGS, 'shellcheck.fixTitle', locale, { code: String(c.code) }),
        titleId: 'shellcheck.fixTitle',
        safety: 'unsafe',
        edits: edits.map((e) => ({ start: e.start!, end: e.end!, text: e.text })),
      });
    }
  }
  return {
    rule: `SC${c.code}`,
    severity: LEVELS[c.level] ?? 'info',
    message: c.message,
    start,
    end,
    fixes,
  };
}
