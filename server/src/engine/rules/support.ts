// Helpers several rules share: RUN adjacency, flags equality, and the text edits that merge RUNs or
// append a command to one while keeping its continuation style and every comment.
import type { DockerfileModel, Instr, InstructionFlag, Stage } from '../model/dockerfile';
import type { FileAccess, OffsetEdit, RuleContext, RuleHandlers } from '../rule';
import type { MessageRef } from '../messages';
import { commandsAfter, isCommand, parseArgs } from '../model/commands';
import { assumesYes, cacheDirsOf, changesPackages, isInCacheDir, mountCoversCache, packageCommand, packageCommands, readsIndexOnDisk, refreshesIndex, removedLater, type PackageCommand, type PackageManager, type PinAdvice } from '../model/package-managers';
import type { ShellCommand, ShellScript } from '../model/shell';
import { substitute } from '../model/variables';
import { shellArgvFor, shellFacts, type ShellFacts } from '../model/shells';
import { scriptLeavesState } from '../fix/meaning';
import { defaultShellArgv } from '../model/base-images';
import { detectStyle } from '../format/style';
import * as posix from '../model/paths';
import { cacheMountTargets } from '../model/cache-targets';
import { APT_DOCKER_CLEAN } from '../data/cache-mounts';

// Kept in the model, where the model's own readers (toolchain.ts) find them too.
export { commandsAfter } from '../model/commands';
export { packageCommands } from '../model/package-managers';

/** The instruction before `instr` in its stage, or undefined. Only comments and blank lines may sit between two neighbours. */
export function previousInStage(instr: Instr): Instr | undefined {
  const list = instr.stage?.instructions;
  if (!list || instr.index < 0) return undefined;
  return instr.index > 0 ? list[instr.index - 1] : undefined;
}

export function nextInStage(instr: Instr): Instr | undefined {
  const list = instr.stage?.instructions;
  if (!list || instr.index < 0) return undefined;
  return instr.index + 1 < list.length ? list[instr.index + 1] : undefined;
}

export function flagsText(model: DockerfileModel, instr: Instr): string {
  return instr.flags.map((f) => model.text.slice(f.start, f.end)).sort().join(' ');
}

/** Shell-form RUN without heredocs: its body can be joined to another with &&. */
export function isPlainShellRun(instr: Instr): boolean {
  return !!instr.run && !instr.run.execForm && instr.run.heredocs.length === 0 && instr.args.length > 0 && instr.run.scripts.length === 1;
}

/** Two RUNs that can become one without changing their mounts, network or security mode. */
export function canMerge(model: DockerfileModel, a: Instr, b: Instr): boolean {
  return isPlainShellRun(a) && isPlainShellRun(b) && flagsText(model, a) === flagsText(model, b) && !escapesBlank(model, a) && !escapesBlank(model, b);
}

/**
 * The RUN escapes a blank inside a line (`curl \ ;`, `RUN \ a=b`): a word that starts or ends with a space, which
 * joining bodies (trimming blanks, adding ` && `) would change.
 */
function escapesBlank(model: DockerfileModel, instr: Instr): boolean {
  const body = model.text.slice(instr.keywordEnd, instr.end);
  return (model.escapeChar === '`' ? ESCAPED_BLANK_OR_BACKTICK : ESCAPED_BLANK).test(body);
}

// An escaped space or tab that is more than blanks before a line break: by the shell's backslash, and by the
// Dockerfile's escape character when that is the backtick.
const ESCAPED_BLANK = /\\[ \t](?![ \t]*(\r?\n|\r|$))/;
const ESCAPED_BLANK_OR_BACKTICK = /[`\\][ \t](?![ \t]*(\r?\n|\r|$))/;

/**
 * End of the RUN body without trailing blanks and `;`, nor a continuation that only led to them (`a \` + `;`).
 * A `\;` stays: it is find's argument, not a separator; so does cmd's `;`, an argument there too.
 */
function bodyEnd(model: DockerfileModel, instr: Instr): number {
  const text = model.text;
  const separator = runShell(instr)?.separator === ';';
  let end = instr.end;
  for (;;) {
    while (end > instr.start && /\s/.test(text[end - 1])) end--;
    if (separator && text[end - 1] === ';' && text[end - 2] !== '\\') end--;
    else if (text[end - 1] === model.escapeChar && /^[ \t]*[\r\n]/.test(text.slice(end, instr.end))) end--;
    else return end;
  }
}

/** The shell that runs a shell-form RUN: its SHELL's, else the image's default; undefined when the SHELL does not parse. */
export function runShell(instr: Instr): ShellFacts | undefined {
  const argv = shellArgvFor(instr.stage, instr, defaultShellArgv(instr.stage));
  return argv ? shellFacts(argv) : undefined;
}

function bodyText(model: DockerfileModel, instr: Instr): string {
  return model.text.slice(instr.run!.bodyStart, bodyEnd(model, instr));
}

/** Whether `instr` continues lines with a leading operator (`&&`, `;`) rather than a trailing one. */
/** Where `instr` itself puts `op` when it breaks lines: at a line's start or end; undefined when it does not say. */
function operatorSide(model: DockerfileModel, instr: Instr, op: string): 'start' | 'end' | undefined {
  for (let l = instr.line + 1; l <= instr.endLine; l++) if (model.lines.lineText(l).trimStart().startsWith(op)) return 'start';
  const continued = new RegExp(`\\s*\\${model.escapeChar}?\\s*$`);
  for (let l = instr.line; l < instr.endLine; l++) if (model.lines.lineText(l).replace(continued, '').endsWith(op)) return 'end';
  return undefined;
}

/**
 * How a command is joined after a RUN's last one with `op`: ` && \` + newline + indent, in the RUN's own style, or
 * where the RUN is one line, in the file's (its continuation indent and operator side, as the formatter reads them).
 * `comments` become lines of the continuation just before the command (Docker skips them there).
 */
function joiner(model: DockerfileModel, instr: Instr, op = '&&'): (cmd: string, comments?: string[]) => string {
  const eol = model.lines.eol;
  const esc = model.escapeChar;
  const file = detectStyle(model);
  let indent = file.indent === 'tab' ? '\t' : ' '.repeat(file.indent ?? 4);
  if (instr.endLine > instr.line) {
    const m = /^[ \t]+/.exec(model.lines.lineText(instr.endLine));
    if (m) indent = m[0];
  }
  const lines = (comments: string[]) => comments.map((c) => `${indent}${c}${eol}`).join('');
  if ((operatorSide(model, instr, op) ?? (op === '&&' ? file.operators : undefined)) === 'start') return (cmd, comments = []) => ` ${esc}${eol}${lines(comments)}${indent}${op} ${cmd}`;
  const trailing = op === ';' ? ';' : ` ${op}`;
  return (cmd, comments = []) => `${trailing} ${esc}${eol}${lines(comments)}${indent}${cmd}`;
}

/** A RUN whose text can safely get more commands appended after it. */
export function canAppend(instr: Instr): boolean {
  const script = instr.run?.scripts[0];
  // Nothing after `exit` or `exec` runs, so an appended command would silently never run.
  return isPlainShellRun(instr) && !!script && !script.hasComment && !script.hasErrors && !/&\s*$/.test(script.text.replace(/&&\s*$/, ''))
    && !script.commands.some((c) => !c.nested && (c.name === 'exit' || c.name === 'exec'));
}

/**
 * The RUN ends in continuation lines that hold only comments or nothing (`RUN a \\` + `# note`): text
 * appended at its end would land in the comment, and the line after it would join the command.
 */
function endsInCommentLines(model: DockerfileModel, instr: Instr): boolean {
  const script = instr.run?.scripts[0];
  if (!script || instr.run!.heredocs.length) return false;
  return /[\r\n]/.test(model.text.slice(script.base + script.text.trimEnd().length, instr.end));
}

/** The script turns errexit on before anything else can fail: `set -e`, `set -euxo pipefail`, `set -o errexit` or a `-e` shebang. */
function exitsOnError(script: ShellScript): boolean {
  const shebang = /^#![^\n]*\s-[a-z]*e/.exec(script.text.replace(/^\s*/, ''));
  if (shebang) return true;
  const first = script.commands.find((c) => !c.nested);
  return !!first && first.name === 'set' && first.args.some((a, i, all) => /^-[a-zA-Z]*e/.test(a.value) || (a.value === '-o' && all[i + 1]?.value === 'errexit'));
}

/** Edit that appends `command` at the end of a shell-form RUN (or as a last line of a heredoc script). */
export function appendCommandEdit(model: DockerfileModel, instr: Instr, command: string): OffsetEdit | undefined {
  const run = instr.run;
  if (!run || run.execForm) return undefined;
  const script = [...run.heredocs].reverse().find((h) => h.isScript && h.terminated);
  if (run.heredocs.length) {
    if (!script) return undefined;
    // A heredoc opened inside the script (or a parse error) would swallow the appended line.
    const body = run.scripts.find((sc) => sc.base === script.contentStart);
    if (!body || body.hasErrors || body.text.includes('<<')) return undefined;
    // A script's exit status is its last command's: a line added after `apt-get install` would let a failed
    // install pass, unless the script stops at the first failure (`set -e`, `#!/bin/sh -e`).
    if (!exitsOnError(body)) return undefined;
    return { start: script.contentEnd, end: script.contentEnd, text: `${model.lines.eol}${command}` };
  }
  // The commands appended (`rm -rf …`, `yarn cache clean`) are POSIX shell commands, joined with `&&`: not for
  // cmd or PowerShell on Windows, nor a shell Dockwise does not know.
  const shell = runShell(instr);
  if (!canAppend(instr) || endsInCommentLines(model, instr) || shell?.kind !== 'posix' || shell.andThen !== '&&') return undefined;
  const end = bodyEnd(model, instr);
  return { start: end, end: instr.end, text: joiner(model, instr)(command) };
}

/**
 * Edits that merge `runs` (consecutive in one stage) into the first: every later body is appended with its shell's
 * and-then operator (`&&`), or with its plain separator when `sequence` allows it and the shell has no and-then
 * (Windows PowerShell's `;`, which runs on after a failure: the caller says so). Comments that stood between the RUNs
 * go along as lines of the continuation, just before the command they stood above. Undefined under a shell Dockwise
 * does not know.
 */
export function mergeRunsEdits(model: DockerfileModel, runs: Instr[], options: { sequence?: boolean } = {}): OffsetEdit[] | undefined {
  if (runs.length < 2 || !runs.every((_r, i) => i === 0 || canAppend(runs[i - 1])) || runs.some((r) => endsInCommentLines(model, r))) return undefined;
  const shell = runShell(runs[0]);
  const op = shell?.andThen ?? (options.sequence ? shell?.separator : undefined);
  if (!op) return undefined;
  // `first && b || c`, `first && b; c` or `first && b &` would let a failing `first` pass: append `&&` chains only,
  // that parse and are not empty (`RUN ;` would leave a dangling `&&`).
  if (!runs.slice(1).every((r) => r.run?.scripts[0]?.andOnly && !r.run.scripts[0].hasErrors && bodyText(model, r).trim() !== '')) return undefined;
  // Comment lines between a later RUN's keyword and its body (`RUN \` + `# note` + `cmd`) would be dropped with the keyword.
  if (runs.slice(1).some((r) => model.commentsBetween(r.start + 1, r.run!.bodyStart).length)) return undefined;
  const first = runs[0];
  const last = runs[runs.length - 1];
  const join = joiner(model, first, op);
  let appended = '';
  for (let i = 1; i < runs.length; i++) {
    const comments = model.commentsBetween(runs[i - 1].end + 1, runs[i].start).filter((c) => !c.embedded);
    appended += join(bodyText(model, runs[i]), comments.map((c) => model.text.slice(c.start, c.end).trim()));
  }
  return [{ start: bodyEnd(model, first), end: last.end, text: appended }];
}

/** Commands that leave state behind for the next command (so merging RUNs changes what runs where). */
// cmd's, which it matches in any letter case.
const CMD_STATEFUL = ['cd', 'chdir', 'pushd', 'popd', 'set', 'setlocal', 'endlocal', 'path'];
export function changesShellState(instr: Instr): boolean {
  const cmd = runShell(instr)?.kind === 'cmd';
  if (cmd) return !!instr.run?.commands.some((c) => !c.nested && CMD_STATEFUL.includes(c.name.toLowerCase()));
  // The fix engine's reading of the script: builtins, assignments, functions, and commands whose name is an expansion.
  return !!instr.run?.scripts.some((s) => scriptLeavesState(s.text));
}

/**
 * Why merging these RUNs (in order) into one may change what they do, as the id of a wording every merging rule
 * declares, or undefined when it does not: under
 * PowerShell `;` runs on after a failure and variables and the location carry over; elsewhere an earlier RUN that
 * leaves shell state behind (cd, export, an assignment, set) changes how the later ones run.
 */
export function mergeRisk(chain: readonly Instr[]): MessageRef | undefined {
  const shell = runShell(chain[0]);
  // Each rule that merges declares these three wordings.
  if (shell?.kind === 'powershell') return { messageId: shell.andThen ? 'riskPowershellState' : 'riskPowershellRunsOn' };
  if (chain.slice(0, -1).some(changesShellState)) return { messageId: 'riskShellState' };
  return undefined;
}

/** A command whose only purpose is deleting files, caches or packages (`rm`, `apt-get purge`, `yarn cache clean`). */
export function isCleanupCommand(cmd: ShellCommand): boolean {
  // Removing Debian's docker-clean hook configures apt (it then keeps downloaded packages, for a cache mount): it
  // frees nothing.
  if (isCommand(cmd, 'rm', 'rmdir')) return !removesOnly(cmd, APT_DOCKER_CLEAN);
  const action = packageCommand(cmd)?.action;
  return action === 'clean' || action === 'remove';
}

/** An `rm` of `path` and nothing else. */
function removesOnly(cmd: ShellCommand, path: string): boolean {
  const operands = parseArgs(cmd).operands;
  return operands.length > 0 && operands.every((w) => w.value === path);
}

/** A RUN that only deletes things (every command is a cleanup). */
export function isCleanupOnlyRun(instr: Instr): boolean {
  const cmds = instr.run?.commands.filter((c) => !c.nested) ?? [];
  return isPlainShellRun(instr) && cmds.length > 0 && cmds.every(isCleanupCommand);
}

/**
 * The handlers of a rule that reports `manager`'s commands that change packages without assuming yes (a build
 * cannot answer the prompt): message `messageId` with `data`, and the safe fix `addYes` that puts the manager's
 * yes flag after the subcommand.
 */
export function assumeYesHandlers(ctx: RuleContext, manager: PackageManager, messageId: string, data: (pc: PackageCommand) => Record<string, string>): RuleHandlers {
  const yes = manager.yes!.add;
  const judge = (cmd: ShellCommand) => {
    const pc = packageCommand(cmd);
    // Everything that changes packages asks first.
    if (pc?.manager !== manager || !changesPackages(pc) || assumesYes(pc)) return;
    const sub = pc.sub[pc.sub.length - 1];
    ctx.report({
      start: pc.nameWord.start,
      end: pc.nameWord.end,
      messageId,
      data: data(pc),
      fixes: [{ titleId: 'addYes', safety: 'safe', changes: [{ kind: 'adds-arguments', command: pc.cmd.name, args: [yes] }], edits: [{ start: sub.end, end: sub.end, text: ` ${yes}` }] }],
    });
  };
  return { commands: Object.fromEntries(manager.commands.map((name) => [name, judge])) };
}


/** Where `m` keeps its cache as seen from `instr` (an ENV such as YARN_CACHE_FOLDER can move it). */
export function cacheDirsAt(model: DockerfileModel, instr: Instr, m: PackageManager, indexOnly = false): string[] {
  const env = m.cacheDirEnv ? model.lookupVariable(m.cacheDirEnv, instr.onbuild ?? instr) : undefined;
  return cacheDirsOf(m, indexOnly, env?.kind === 'ENV' ? env.value : undefined);
}

/** A RUN with a cache or tmpfs mount on one of `dirs`: what is downloaded there stays out of the layer. */
export function mountsCache(instr: Instr, dirs: readonly string[]): boolean {
  return cacheMountTargets(instr).some((t) => mountCoversCache(t, dirs));
}

/** `rm` of one of `dirs` (or something inside one). */
export function removesCacheDir(cmd: ShellCommand, dirs: readonly string[]): boolean {
  return isCommand(cmd, 'rm') && parseArgs(cmd).operands.some((w) => isInCacheDir(w.value, dirs));
}

/** After `pc` in the same RUN, its manager's cache is cleaned (`dnf clean all`) or its cache directory removed. */
export function cacheCleanedAfter(instr: Instr, pc: PackageCommand, dirs: readonly string[]): boolean {
  return commandsAfter(instr, pc.cmd).some((c) => {
    const later = packageCommand(c);
    return (later?.manager === pc.manager && later.action === 'clean') || removesCacheDir(c, dirs);
  });
}

// The three "only the last one counts" rules (CMD, ENTRYPOINT, HEALTHCHECK) share these handlers: the instructions
// of each stage are collected, and every one but the last is reported once the walk is done.
export function ignoredDuplicatesHandlers(ctx: RuleContext, keyword: string): RuleHandlers {
  const { model } = ctx;
  const byStage = new Map<Stage, Instr[]>();
  return {
    instructions: {
      [keyword](instr) {
        // Instructions before the first FROM belong to no stage.
        const stage = instr.stage;
        if (!stage) return;
        const all = byStage.get(stage);
        if (all) all.push(instr);
        else byStage.set(stage, [instr]);
      },
    },
    done() {
      for (const all of byStage.values()) {
        for (const earlier of all.slice(0, -1)) {
          const last = all[all.length - 1];
          // Delete the whole lines of the ignored instruction.
          const start = model.lines.lineStart(earlier.line);
          const end = model.lines.lineStart(earlier.endLine + 1) > start ? model.lines.lineStart(earlier.endLine + 1) : model.text.length;
          ctx.report({
            start: earlier.keywordStart,
            end: earlier.keywordEnd,
            messageId: 'overridden',
            data: { keyword, line: last.line + 1 },
            fixes: [{ titleId: 'removeIgnored', data: { keyword }, safety: 'safe', changes: [{ kind: 'removes-overridden' }], edits: [{ start, end, text: '' }] }],
          });
        }
      }
    },
  };
}

/** Whether a RUN's files end up in the shipped image (final stage or a stage it is built FROM; ONBUILD: always). */
export function runShips(instr: Instr): boolean {
  if (instr.onbuild) return true;
  return !instr.stage || instr.stage.ships;
}

/**
 * The handlers the yum, dnf and zypper cache rules share: one finding per shipping RUN whose install or upgrade
 * leaves the manager's download cache in the layer (no clean afterwards, no cache mount), with the clean command
 * appended as the fix. `clean` names the command for the tool as written (`dnf5 clean all`).
 */
export function cacheNotCleanedHandlers(ctx: RuleContext, manager: PackageManager, clean: (pc: PackageCommand) => string): RuleHandlers {
  const run = (instr: Instr): void => {
    if (!runShips(instr)) return;
    const dirs = cacheDirsAt(ctx.model, instr, manager);
    if (mountsCache(instr, dirs)) return;
    for (const pc of packageCommands(instr)) {
      // What downloads packages into the cache.
      if (pc.manager !== manager || !(pc.action === 'install' || pc.action === 'upgrade')) continue;
      if (cacheCleanedAfter(instr, pc, dirs)) continue;
      const command = clean(pc);
      const edit = appendCommandEdit(ctx.model, instr, command);
      ctx.report({
        start: pc.cmd.start,
        end: pc.cmd.end,
        messageId: 'cacheNotCleaned',
        data: { tool: pc.tool, command },
        fixes: edit ? [{ titleId: 'appendClean', data: { command }, safety: 'safe', changes: [{ kind: 'appends-command', command }], edits: [edit] }] : [],
      });
      break;
    }
  };
  // One function under each of the manager's names: called once per RUN however many of them it has.
  return { runs: Object.fromEntries(manager.commands.map((name) => [name, run])) };
}

/**
 * The words a package operand stands for: itself, or the ARG/ENV value of a `$pkgs` / `${pkgs}` operand split
 * on whitespace. Undefined when the word contains an expansion we cannot resolve.
 */
export function resolvedOperand(model: DockerfileModel, instr: Instr, w: ShellCommand['args'][number]): string[] | undefined {
  if (!/[$`]/.test(w.raw) || /^'[^']*'$/.test(w.raw)) return [w.value];
  const m = /^"?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"?$/.exec(w.raw);
  if (!m) return undefined;
  const at = instr.onbuild ?? instr;
  const def = model.lookupVariable(m[1] ?? m[2], at);
  if (!def || def.value === undefined) return undefined;
  return def.value.split(/\s+/).filter(Boolean);
}

/**
 * One finding per install command that names unpinned packages: over its package list (`words`, by default
 * every operand), naming each unpinned package with how to pin it. Packages the same RUN removes again (build
 * dependencies under `apk add --virtual`, or purged by apt) never ship and are not judged, nor are words
 * whose variables cannot be resolved.
 */
export function reportUnpinned(ctx: RuleContext, instr: Instr, pc: PackageCommand, words: readonly ShellCommand['args'][number][] = pc.operands): void {
  if (!words.length) return;
  const removed = removedLater(pc, commandsAfter(instr, pc.cmd), instr.run?.commands ?? []);
  const groups = new Map<string, { advice: PinAdvice; specs: string[] }>();
  for (const w of words) {
    for (const spec of resolvedOperand(ctx.model, instr, w) ?? []) {
      const advice = pc.manager.unpinned(spec, pc);
      if (!advice || removed(spec)) continue;
      const key = JSON.stringify(advice);
      if (!groups.has(key)) groups.set(key, { advice, specs: [] });
      groups.get(key)!.specs.push(spec);
    }
  }
  if (!groups.size) return;
  const parts = [...groups.values()].map((g): MessageRef => ({ messageId: PIN_ID[g.advice.what], data: { packages: g.specs.map((s) => `\`${s}\``).join(', '), how: g.advice.how } }));
  const packages = parts.reduceRight((rest, first) => ({ messageId: 'pinAndMore', data: { first, rest } }));
  ctx.report({ start: words[0].start, end: words[words.length - 1].end, messageId: 'unpinned', data: { packages } });
}

const PIN_ID = { version: 'pinVersion', stream: 'pinStream', revision: 'pinRevision' } as const;

/** The handlers of a rule that reports `manager`'s installs of packages without a version (reportUnpinned). */
export function unpinnedInstallHandlers(ctx: RuleContext, manager: PackageManager): RuleHandlers {
  const install = (cmd: ShellCommand, instr: Instr): void => {
    const pc = packageCommand(cmd);
    if (pc?.manager !== manager || pc.action !== 'install') return;
    reportUnpinned(ctx, instr, pc);
  };
  // One function under each of the manager's names: called once per command.
  return { commands: Object.fromEntries(manager.commands.map((name) => [name, install])) };
}

/**
 * The distribution packages (apt, apk, yum, dnf, zypper installs) that the RUNs of `instr`'s stage and of the
 * stages it is built FROM install, by name; with `before`, only those installed before that command of `instr`.
 * An ONBUILD trigger sees its own stage's RUNs. Operands whose variables cannot be resolved are left out.
 */
export function installedPackages(model: DockerfileModel, instr: Instr, before?: ShellCommand): Set<string> {
  const names = new Set<string>();
  const add = (run: Instr, limit?: ShellCommand) => {
    for (const pc of packageCommands(run)) {
      if (limit && pc.cmd.start >= limit.start) break;
      if (!pc.manager.system || pc.action !== 'install') continue;
      for (const w of pc.operands) for (const spec of resolvedOperand(model, run, w) ?? []) names.add(pc.manager.packageName(spec));
    }
  };
  const stage = instr.onbuild?.stage ?? instr.stage;
  for (let s = stage ?? undefined; s; s = s.parent) {
    for (const i of s.instructions) {
      if (!i.run) continue;
      if (before && s === stage && i.start > instr.start) break;
      add(i, before && i === instr ? before : undefined);
    }
  }
  if (instr.onbuild) add(instr, before);
  return names;
}

const builtOn = (s: Stage, base: Stage) => { for (let x: Stage | undefined = s; x; x = x.parent) if (x === base) return true; return false; };

/**
 * A later RUN of this stage (or of a stage built FROM it, or a later ONBUILD trigger) that reads `m`'s package
 * index from disk before refreshing it itself: deleting the index here, or not downloading it, makes it fail.
 */
export function indexReadLater(model: DockerfileModel, instr: Instr, m: PackageManager): boolean {
  const later = model.runs.filter((r) => r.start > instr.start && (instr.onbuild ? !!r.onbuild : !r.onbuild && !!r.stage && !!instr.stage && builtOn(r.stage, instr.stage)));
  return later.some((r) => {
    for (const pc of packageCommands(r)) {
      if (pc.manager !== m) continue;
      if (refreshesIndex(pc)) return false;
      if (readsIndexOnDisk(pc)) return true;
    }
    return false;
  });
}


/** A COPY/ADD operand: the path as Docker reads it (quotes removed) and its document offsets (inside the quotes). */
export interface CopyOperand { value: string; start: number; end: number; json: boolean }

/** Sources and destination of COPY/ADD, in shell or JSON form; heredoc sources are included as `<<NAME`. */
export function copyOperands(model: DockerfileModel, instr: Instr): { sources: CopyOperand[]; dest: CopyOperand } | undefined {
  let args = instr.args;
  if (!args.length) return undefined;
  const heredoc = args.find((a) => a.value.startsWith('<<'));
  if (heredoc) {
    const lineEnd = model.lines.lineEnd(model.lines.positionAt(heredoc.start).line);
    args = args.filter((a) => a.start < lineEnd);
  }
  let ops: CopyOperand[];
  if (args[0].value.startsWith('[')) {
    const start = args[0].start;
    const text = model.text.slice(start, args[args.length - 1].end);
    if (!/^\[\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")*\s*\]$/s.test(text.replace(/\\\r?\n/g, ''))) return undefined;
    ops = [];
    const re = /"((?:[^"\\]|\\.)*)"/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let value: string;
      try { value = JSON.parse(m[0]) as string; } catch { return undefined; }
      ops.push({ value, start: start + m.index + 1, end: start + m.index + m[0].length - 1, json: true });
    }
  } else {
    // A quote inside a word (`a"b c"`) joins words the way Docker reads them, not as split here: no reading.
    if (args.some((a) => /["']/.test(/^(["'])(.*)\1$/s.exec(a.value)?.[2] ?? a.value))) return undefined;
    ops = args.map((a) => {
      const q = /^(["'])(.*)\1$/s.exec(a.value);
      return q ? { value: q[2], start: a.start + 1, end: a.end - 1, json: false } : { value: a.value, start: a.start, end: a.end, json: false };
    });
  }
  // A heredoc marker is never the destination (`COPY a <<EOF` is malformed): nothing to say about it.
  if (ops.length < 2 || (!ops[ops.length - 1].json && ops[ops.length - 1].value.startsWith('<<'))) return undefined;
  return { sources: ops.slice(0, -1), dest: ops[ops.length - 1] };
}

/** Whether a WORKDIR is set before `instr` in its stage or in a stage it is built FROM. */
export function workdirSet(instr: Instr): boolean {
  let stage = instr.stage;
  let limit = stage ? instr.index : -1;
  while (stage) {
    if (stage.instructions.slice(0, limit < 0 ? undefined : limit).some((i) => i.keyword === 'WORKDIR')) return true;
    stage = stage.parent ?? null;
    limit = -1;
  }
  return false;
}

/** One `key=value` of a LABEL, with the key and value as Docker reads them and their document offsets. */
export interface LabelPair { key: string; keyStart: number; keyEnd: number; value: string; valueStart: number; valueEnd: number; instr: Instr }

/** The pairs of a LABEL instruction (offsets of key and value exclude surrounding quotes). */
export function labelPairs(model: DockerfileModel, instr: Instr): LabelPair[] {
  const out: LabelPair[] = [];
  for (const p of instr.props) {
    let keyStart = p.nameStart;
    let keyEnd = p.nameEnd;
    if (/^["']/.test(model.text[keyStart]) && keyEnd - keyStart >= 2) { keyStart++; keyEnd--; }
    const hasValue = p.valueStart !== undefined;
    let valueStart = p.valueStart ?? keyEnd;
    let valueEnd = p.valueEnd ?? keyEnd;
    if (hasValue && /^["']/.test(model.text[valueStart]) && valueEnd - valueStart >= 2 && model.text[valueEnd - 1] === model.text[valueStart]) { valueStart++; valueEnd--; }
    out.push({ key: p.name, keyStart, keyEnd, value: p.value ?? '', valueStart, valueEnd, instr });
  }
  return out;
}


/**
 * The handlers of a rule that checks the labels the configured `labelSchema` gives type `type`: each non-empty
 * value, with ARG/ENV variables resolved (unresolvable values are not judged), must pass `valid`.
 */
export function labelTypeHandlers(ctx: RuleContext, type: string, valid: (value: string) => boolean): RuleHandlers {
  const schema = ctx.settings.labelSchema ?? {};
  const { model } = ctx;
  return {
    instructions: {
      LABEL(instr) {
        for (const pair of labelPairs(model, instr)) {
          if (schema[pair.key] !== type || pair.value === '') continue;
          const { value, unresolved } = substitute(pair.value, (n) => model.lookupVariable(n, pair.instr)?.value, model.escapeChar);
          if (unresolved.length || valid(value)) continue;
          ctx.report({ start: pair.valueStart, end: pair.valueEnd, messageId: 'invalidLabel', data: { key: pair.key, value } });
        }
      },
    },
  };
}

/**
 * The Dockerfile's own name says it follows the newest base on purpose (`Dockerfile.latest`, `nightly.Dockerfile`),
 * usually beside a pinned `Dockerfile`: a moving base is what it is for.
 */
export function namedToTrackLatest(files: FileAccess | undefined): boolean {
  return /^(dockerfile[.-](latest|edge|nightly)|(latest|edge|nightly)[.-]dockerfile)$/i.test(files?.dockerfileName ?? '');
}

/** Absolute destination of a COPY/ADD, resolved against the stage's WORKDIR; undefined when unknown. */
export function copyDestination(stage: Stage, instr: Instr): string | undefined {
  const dest = instr.args[instr.args.length - 1]?.value;
  if (!dest || dest.includes('$')) return undefined;
  if (dest.startsWith('/')) return posix.normalize(dest);
  let dir: string | undefined;
  for (const i of stage.instructions) {
    if (i === instr) break;
    if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
    const w = i.args[0].value;
    if (w.includes('$')) return undefined;
    dir = w.startsWith('/') ? w : posix.join(dir ?? '/', w);
  }
  return dir ? posix.normalize(posix.join(dir, dest)) : undefined;
}

/** `path` is `dir` or inside it (trailing slashes do not count). */
export function pathWithin(path: string, dir: string): boolean {
  const a = path.replace(/(?<!\/)\/+$/, '') || '/';
  const b = dir.replace(/(?<!\/)\/+$/, '') || '/';
  return a === b || a.startsWith(b === '/' ? '/' : `${b}/`);
}

/** The edit that deletes `instr` with its whole lines (comments above it stay). */
export function instructionLinesEdit(model: DockerfileModel, instr: Instr): OffsetEdit {
  const start = model.lines.lineStart(instr.line);
  const end = instr.endLine + 1 < model.lines.lineCount ? model.lines.lineStart(instr.endLine + 1) : model.text.length;
  return { start, end, text: '' };
}

/** An insertion of a whole line after `line`, also when `line` is the last one and has no line break. */
export function afterLine(model: DockerfileModel, line: number, text: string): OffsetEdit {
  const eol = model.lines.eol;
  if (line + 1 < model.lines.lineCount) {
    const at = model.lines.lineStart(line + 1);
    return { start: at, end: at, text: text + eol };
  }
  return { start: model.text.length, end: model.text.length, text: eol + text + eol };
}

/**
 * Whether the file may use a Dockerfile feature of frontend 1.`minor`: false when its `# syntax=` directive pins an
 * older `docker/dockerfile` frontend or names another one; true without a directive (the builder's own frontend).
 */
export function frontendAllows(model: DockerfileModel, minor: number): boolean {
  const syntax = model.directives.find((d) => d.name.toLowerCase() === 'syntax');
  if (!syntax) return true;
  const value = syntax.value.trim();
  const m = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:(\d+)(?:\.(\d+))?/.exec(value);
  if (!m) return /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?(?:$|@)/.test(value);
  const major = Number(m[1]);
  return major > 1 || (major === 1 && (m[2] === undefined || Number(m[2]) >= minor));
}

/**
 * Where the values of an instruction are written, as document spans: for a RUN each word of each command (those
 * inside `sh -c '…'` too, whose outer word holds the same text: callers dedupe by offset), never its comments; for
 * ARG, ENV and LABEL each value; for other instructions each argument.
 */
export function valueSpans(instr: Instr): Array<{ start: number; end: number }> {
  if (instr.run) return instr.run.commands.flatMap((cmd) => [cmd.nameWord, ...cmd.args]);
  if (instr.keyword === 'ARG' || instr.keyword === 'ENV' || instr.keyword === 'LABEL') {
    return instr.props.flatMap((p) => (p.valueStart !== undefined && p.valueEnd !== undefined ? [{ start: p.valueStart, end: p.valueEnd }] : []));
  }
  return instr.args;
}

/** `-o pipefail` among a shell's words (`set -eo pipefail`, `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`). */
export function hasPipefailOption(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'pipefail' && i > 0 && /^-[a-z]*o$/.test(words[i - 1]));
}

/** `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`) before `offset` in the RUN. */
export function setsPipefail(cmds: readonly ShellCommand[], offset: number): boolean {
  return cmds.some((c) => c.start < offset && isCommand(c, 'set') && hasPipefailOption(c.args.map((a) => a.value)));
}

/** Whether a pipe of `instr` at `offset` fails when any of its stages fails: its SHELL says `-o pipefail`, or the RUN sets it before. */
export function pipefailAt(instr: Instr, offset: number): boolean {
  const argv = shellArgvFor(instr.stage, instr);
  return (!!argv && hasPipefailOption(argv)) || setsPipefail(instr.run?.commands ?? [], offset);
}

/** The edit that removes an instruction flag (`--network=host`) and the blanks after it, keeping every other line. */
export function removeFlagEdit(model: DockerfileModel, flag: InstructionFlag): OffsetEdit {
  let end = flag.end;
  while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
  return { start: flag.start, end, text: '' };
}

/** One `key=value` option of a `RUN --mount=…` flag, with the document span of the whole option and of its value. */
export interface MountOption { key: string; value: string; start: number; end: number; valueStart: number }

/** The options of a `--mount` flag in order (empty for another flag or a mount without a value). */
export function mountOptions(flag: InstructionFlag): MountOption[] {
  if (flag.name !== 'mount' || !flag.value || flag.valueStart === undefined) return [];
  const out: MountOption[] = [];
  let at = flag.valueStart;
  for (const part of flag.value.split(',')) {
    const eq = part.indexOf('=');
    out.push({ key: (eq < 0 ? part : part.slice(0, eq)).toLowerCase(), value: eq < 0 ? '' : part.slice(eq + 1), start: at, end: at + part.length, valueStart: eq < 0 ? at + part.length : at + eq + 1 });
    at += part.length + 1;
  }
  return out;
}
