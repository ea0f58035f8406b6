import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand } from '../model/commands';
import { distroFamily, rootStage, type DistroFamily } from '../model/base-images';
import type { ShellCommand, ShellPipeline } from '../model/shell';
import { binShOf, pipefailAvailable, shellArgvFor, shellFacts, shellInstructionArgv, shellInstructionFor } from '../model/shells';
import { hasPipefailOption, isPlainShellRun, setsPipefail } from './support';
import { checksDigest } from '../model/verification';

/** The commands inside one stage of a pipeline (in a `{ …; }` group or `$(…)` too). */
function stageCommands(cmds: ShellCommand[], stage: { start: number; end: number }): ShellCommand[] {
  return cmds.filter((c) => c.start >= stage.start && c.end <= stage.end);
}

// Producers whose failure a pipe hides in practice: downloads (a network error, or an HTTP error page with
// curl -f). A local command feeding a pipe (`dpkg --print-architecture | awk …`, `find … | xargs …`) fails only
// when the build is broken anyway, and the docker-library pattern `scanelf … | xargs -r apk info --installed`
// even relies on a failing middle stage being ignored: pipefail there breaks a working build.
const FETCHERS = ['curl', 'wget', 'fetch', 'aria2c'];

/** The consumer fails by itself on the empty or cut-off input a failed download leaves it. */
function failsOnBadInput(c: ShellCommand): boolean {
  const words = c.args.map((a) => a.value);
  if (isCommand(c, 'tar', 'bsdtar')) return /^-?[A-Za-z]*x/.test(words[0] ?? '') || words.some((w) => w === '--extract' || w === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(w));
  if (isCommand(c, 'gunzip', 'zcat', 'unxz', 'xzcat', 'bunzip2', 'bzcat', 'unzstd', 'zstdcat', 'lzcat', 'unlzma')) return true;
  if (isCommand(c, 'gzip', 'xz', 'bzip2', 'zstd', 'lzma')) return words.some((w) => w === '--decompress' || /^-[A-Za-z]*d/.test(w));
  if (checksDigest(c)) return true;
  if (isCommand(c, 'gpg', 'gpg2')) return words.includes('--import');
  return isCommand(c, 'grep', 'egrep', 'fgrep', 'patch', 'jq');
}

/**
 * A download feeds the pipe (as a stage's own command, or anywhere in a `{ …; }` group) and the last command
 * would go on with what it got: only there does the RUN succeed on a failed download.
 */
function hidesFailedDownload(model: DockerfileModel, cmds: ShellCommand[], pipeline: ShellPipeline): boolean {
  if (pipeline.stages.length < 2) return false;
  const last = stageCommands(cmds, pipeline.stages[pipeline.stages.length - 1])[0];
  if (last && failsOnBadInput(last)) return false;
  return pipeline.stages.slice(0, -1).some((s) => {
    const inside = stageCommands(cmds, s);
    if (/^[{(]/.test(model.text.slice(s.start, s.end))) return inside.some((c) => isCommand(c, ...FETCHERS));
    // The stage's own command comes first; the ones after it run in its `$(…)`, whose status is lost anyway.
    return inside.length > 0 && isCommand(inside[0], ...FETCHERS);
  });
}

/** A RUN that pipes `yes` into a command: under pipefail it fails with status 141 when the reader stops reading. */
function pipesYes(instr: Instr): boolean {
  const run = instr.run;
  if (!run) return false;
  return run.scripts.some((s) => s.pipelines.some((p) => p.stages.slice(0, -1).some((st) => stageCommands(run.commands, st).some((c) => isCommand(c, 'yes')))));
}

/** An `echo` whose output depends on the shell: dash's echo reads `\t`, `\n`, `\c`…, bash's and ash's print them, and take `-e`. */
function escapeDependentEcho(model: DockerfileModel, instr: Instr): boolean {
  if (instr.run) return instr.run.commands.some((c) => isCommand(c, 'echo') && c.args.some((a) => a.raw.includes('\\') || /^-[neE]*[eE][neE]*$/.test(a.value)));
  const text = model.text.slice(instr.keywordEnd, instr.end);
  return (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') && !instr.execForm && /\becho\b/.test(text) && /\\|\s-[neE]*[eE]/.test(text);
}

/** The instructions a SHELL placed at `at` in `stage` would run, in the stage and the stages built FROM it that set none of their own. */
function coveredBy(model: DockerfileModel, stage: Stage, at: number): Instr[] {
  const out: Instr[] = [];
  for (const s of model.stages) {
    let from: Stage | undefined = s;
    while (from && from !== stage) from = from.parent;
    if (!from) continue;
    for (const i of s.instructions) {
      if (s === stage && i.start < at) continue;
      if (i.keyword === 'SHELL' || shellInstructionFor(s, i)) {
        if (s === stage) break;
        continue;
      }
      out.push(i);
    }
  }
  return out;
}

/** `set -o pipefail &&` before the RUN's commands, where its shell has pipefail and no `yes` is piped. */
function runFix(instr: Instr, argv: readonly string[], family: DistroFamily): FixInput | undefined {
  const script = instr.run?.scripts[0];
  if (!isPlainShellRun(instr) || !script || script.hasErrors || !pipefailAvailable(argv, family) || pipesYes(instr)) return undefined;
  const at = instr.run!.bodyStart;
  return { titleId: 'startWithPipefail', safety: 'unsafe', edits: [{ start: at, end: at, text: 'set -o pipefail && ' }] };
}

/**
 * A SHELL with pipefail: the SHELL in effect gets `-o pipefail` when its shell has it, else a new one goes before
 * the first RUN with a pipe. Not offered when a RUN it would cover pipes `yes`, nor when it would replace Debian's
 * dash with bash under an `echo` whose output depends on the shell.
 */
function shellFix(model: DockerfileModel, stage: Stage, firstRun: Instr, family: DistroFamily): FixInput | undefined {
  if (rootStage(stage).image.unresolved.length) return undefined;
  const existing = shellInstructionFor(stage, firstRun);
  if (existing) {
    const argv = shellInstructionArgv(existing);
    if (!argv || argv.length < 2 || !pipefailAvailable(argv, family) || shellFacts([argv[0]]).kind !== 'posix') return undefined;
    const covered = model.runs.filter((r) => r.stage && shellInstructionFor(r.stage, r) === existing);
    if (covered.some(pipesYes)) return undefined;
    const json = JSON.stringify([argv[0], '-o', 'pipefail', ...argv.slice(1)]).replace(/","/g, '", "');
    const args = existing.args;
    return { titleId: 'addPipefailToShell', data: { line: existing.line + 1 }, safety: 'unsafe', edits: [{ start: args[0].start, end: args[args.length - 1].end, text: json }] };
  }
  const sh = binShOf(family);
  const shell = sh === 'ash' ? '/bin/ash' : sh ? '/bin/bash' : undefined;
  if (!shell) return undefined;
  const at = model.lines.lineStart(firstRun.line);
  const covered = coveredBy(model, stage, at);
  if (covered.some(pipesYes)) return undefined;
  if (sh === 'dash' && covered.some((i) => escapeDependentEcho(model, i))) return undefined;
  const line = `SHELL ["${shell}", "-o", "pipefail", "-c"]${model.lines.eol}`;
  return { titleId: 'addShellWithPipefail', data: { instruction: line.trim(), shell: shell.split('/').pop()! }, safety: 'unsafe', edits: [{ start: at, end: at, text: line }] };
}

export default defineRule({
  meta: {
    id: 'pipe-without-pipefail',
    aliases: { hadolint: 'DL4006' },
    counterparts: {
      tally: ['hadolint/DL4006'],
      kics: ['Shell Running A Pipe Without Pipefail Flag'],
      differences: 'Reports only pipes fed by a download whose last command would carry on with empty input, not every pipe.',
    },
    category: 'correctness',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      pipeHidesFailure: 'Only the last command of this pipe decides whether the RUN fails; set -o pipefail',
      startWithPipefail: 'Start the RUN with set -o pipefail (unsafe: a failing stage of any pipe now fails the RUN)',
      addPipefailToShell: 'Add -o pipefail to the SHELL on line {line} (unsafe: a failing stage of any pipe now fails its RUN)',
      addShellWithPipefail: 'Add {instruction} before the first RUN with a pipe (unsafe: later RUNs use {shell})',
    },
    docs: {
      summary: 'A pipe in RUN without `pipefail`',
      why: 'A pipeline\'s exit status is that of its last command. In `RUN curl -fsSL https://x/key | gpg --dearmor > key.gpg`, a failed download still lets the build continue, with an empty key. With `set -o pipefail`, or a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, any failing stage fails the RUN. Reported where that matters: a download (curl, wget) feeds the pipe and the last command would carry on with empty or cut-off input. Not reported when the last command fails on such input by itself (`tar -x`, `gunzip`, `sha256sum -c`, `gpg --import`, `grep`, `patch`, `jq`), nor for pipes fed by local commands (`dpkg --print-architecture | awk …`): they fail only when the build is broken anyway, and in the docker-library pattern `find … | xargs -r dpkg-query --search | …` a middle stage is meant to fail on some files, so pipefail would break a working build.',
      examples: [
        { bad: 'FROM alpine:3.21\nRUN wget -qO- https://example.com/list | sort > /list\n', good: 'FROM alpine:3.21\nRUN set -o pipefail && wget -qO- https://example.com/list | sort > /list\n', note: 'BusyBox ash, Alpine\'s /bin/sh, has pipefail.' },
        { bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/example.gpg\n', good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/example.gpg\n', note: 'Debian\'s /bin/sh is dash, which has no pipefail: bash has.' },
      ],
      fixSafety: 'Unsafe: with pipefail a pipe whose early stage fails, fails the RUN where it passed before. Where the RUN\'s shell has pipefail (bash, or /bin/sh on Alpine and RHEL-family images; not Debian\'s dash) the fix starts the RUN with `set -o pipefail &&`. The other fix gives the SHELL in effect `-o pipefail`, or adds a SHELL with it before the RUN: then every later RUN, and shell-form CMD and ENTRYPOINT, of the stage runs under it, under bash instead of dash on Debian. No fix is offered for a RUN it would cover that pipes `yes` into a command (status 141 under pipefail), nor a switch from dash to bash over an `echo` with backslashes or `-e` (dash\'s echo turns `\\t` into a tab, bash\'s prints it).',
      references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const family = distroFamily(rootStage(stage).image);
      if (family === 'scratch' || family === 'distroless' || family === 'windows') continue;
      const offending: Array<{ instr: Instr; pipeline: ShellPipeline; argv: string[] }> = [];
      for (const instr of stage.instructions) {
        if (!instr.run || instr.run.execForm || !instr.run.hasPipe) continue;
        const argv = shellArgvFor(stage, instr);
        if (!argv || shellFacts(argv).kind !== 'posix' || hasPipefailOption(argv)) continue;
        const cmds = instr.run.commands;
        const pipeline = instr.run.scripts.flatMap((s) => s.pipelines).find((p) => !setsPipefail(cmds, p.start) && hidesFailedDownload(model, cmds, p));
        if (pipeline) offending.push({ instr, pipeline, argv });
      }
      if (!offending.length) continue;
      const shell = shellFix(model, stage, offending[0].instr, family);
      for (const o of offending) {
        const fixes = [runFix(o.instr, o.argv, family), shell].filter((f): f is FixInput => !!f);
        ctx.report({
          start: o.pipeline.start,
          end: o.pipeline.end,
          messageId: 'pipeHidesFailure',
          fixes,
        });
      }
    }
  },
});
