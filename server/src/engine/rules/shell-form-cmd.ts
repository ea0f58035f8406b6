import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { continuationsJoined } from '../model/dockerfile';
import { parseShell } from '../model/shell';
import { distroFamily, hasNoShell, rootStage, stageEntrypoint } from '../model/base-images';
import { binShExecsFromScript, SHELL_ONLY_COMMANDS, shellInstructionFor } from '../model/shells';
import { runShell } from './support';
import { brokenExecArray } from '../model/exec-form';

/** A fix named by its title's message id. */
type IdFix = Extract<FixInput, { titleId: string }>;

// Characters that need a shell: expansions, operators, globs, redirections, subshells, escapes.
const NEEDS_SHELL = /[$`|&;<>()*?[\]{}~!#\\]/;

/** Splits a command line with only plain words and simple quotes; undefined when a shell is needed. */
export function splitWords(command: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < command.length) {
    while (i < command.length && /\s/.test(command[i])) i++;
    if (i >= command.length) break;
    let word = '';
    while (i < command.length && !/\s/.test(command[i])) {
      const c = command[i];
      if (c === '"' || c === "'") {
        const close = command.indexOf(c, i + 1);
        if (close < 0) return undefined;
        const inner = command.slice(i + 1, close);
        if (c === '"' && NEEDS_SHELL.test(inner)) return undefined;
        word += inner;
        i = close + 1;
      } else {
        if (NEEDS_SHELL.test(c)) return undefined;
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words.length ? words : undefined;
}

/** The command of a shell-form CMD or ENTRYPOINT as Docker hands it to the shell (continuations joined). */
function commandText(model: DockerfileModel, instr: Instr): string {
  return continuationsJoined(model.text, model.lines, instr.args[0].start, instr.args[instr.args.length - 1].end, model.escapeChar);
}

/**
 * The command starts a daemon and then only keeps the container up (`svc start && sleep infinity`, `tail --pid=…`):
 * no form gets the signals to the daemon, so exec form changes nothing.
 */
export function keepsAliveLast(command: string): boolean {
  const script = parseShell(command, 0);
  if (script.hasErrors || script.commands.length < 2) return false;
  let last: (typeof script.commands)[number] | undefined;
  for (const c of script.commands) if (!c.nested && (!last || c.end > last.end)) last = c;
  if (!last || last.pipeline !== undefined) return false;
  const args = last.args.map((a) => a.value);
  return (last.name === 'sleep' && /^inf/.test(args[0] ?? '')) || (last.name === 'tail' && args.some((a) => a === '-f' || a.startsWith('--pid'))) || last.name === 'wait';
}

/**
 * The command the shell runs last, when it is a simple command at the top of the script: not in a pipeline, and
 * only `;` or blanks after it (an `exec` inside `( … )`, `$( … )`, `if … fi` or `{ …; }` replaces a subshell).
 */
function finalCommand(command: string) {
  const script = parseShell(command, 0);
  if (script.hasErrors) return undefined;
  let last: (typeof script.commands)[number] | undefined;
  for (const c of script.commands) if (!c.nested && (!last || c.end > last.end)) last = c;
  if (!last || last.pipeline !== undefined || !/^[\s;]*$/.test(command.slice(last.end))) return undefined;
  return { script, last };
}

/**
 * The command ends by replacing the shell with its program (`exec nginx`, `set -e; mkdir -p /run && exec "$@"`):
 * that program becomes PID 1 and receives the signals itself.
 */
export function execsLast(command: string): boolean {
  const final = finalCommand(command);
  return !!final && final.last.name === 'exec' && final.last.args.length > 0;
}

/**
 * The image's /bin/sh replaces itself with the command's program without an `exec` (BusyBox ash with the last
 * command, bash with a lone simple command; never with a trap set, which the shell must stay to run).
 */
function shellExecsProgram(command: string, how: 'last' | 'single' | undefined): boolean {
  const final = how && finalCommand(command);
  if (!final || SHELL_ONLY_COMMANDS.has(final.last.name) || final.script.commands.some((c) => c.name === 'trap')) return false;
  return how === 'last' || (final.script.commands.length === 1 && final.script.topLevelCount === 1 && !final.script.hasPipe);
}

/** Collapses runs of blanks outside quotes to one space (the command's words stay as they are). */
function collapseBlanks(command: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      out += c;
      if (c === '\\' && quote === '"' && i + 1 < command.length) out += command[++i];
      else if (c === quote) quote = '';
    } else if (/\s/.test(c)) {
      if (!/\s/.test(command[i + 1] ?? '')) out += ' ';
    } else {
      out += c;
      if (c === '\\' && i + 1 < command.length) out += command[++i];
      else if (c === '"' || c === "'") quote = c;
    }
  }
  return out.trim();
}

// `NAME=value` before the program sets a variable for it: in exec form it would be the program's name.
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The exec form of a shell-form CMD or ENTRYPOINT: its words as a JSON array when they are plain (a leading
 * `exec` dropped: it only replaced the shell), else `/bin/sh -c "exec …"` when one simple command needs the shell
 * only to expand variables. Undefined when it needs a shell for more, or names a shell builtin.
 */
export function execFormFix(model: DockerfileModel, instr: Instr): IdFix | undefined {
  const start = instr.args[0].start;
  const end = instr.args[instr.args.length - 1].end;
  const command = collapseBlanks(commandText(model, instr)).replace(/^exec\s+/, '');
  const words = splitWords(command);
  if (words && !ASSIGNMENT.test(words[0])) {
    if (SHELL_ONLY_COMMANDS.has(words[0]) || words[0].startsWith('-')) return undefined;
    const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
    // The words are split as a POSIX shell splits them; cmd and PowerShell read quotes and escapes their own way.
    const posix = runShell(instr)?.kind === 'posix';
    // The title shows the array, a long one cut short.
    const data = { keyword: instr.keyword, command: json.length > 60 ? json.slice(0, 57) + '…' : json };
    if (!posix) return { titleId: 'useExecFormNotPosix', data, safety: 'unsafe', edits: [{ start, end, text: json }] };
    return { titleId: 'useExecForm', data, safety: 'safe', changes: [{ kind: 'exec-form' }], edits: [{ start, end, text: json }] };
  }
  // One simple command that only needs the shell for variables: let the shell expand them, then exec
  // the program so it becomes PID 1 and receives signals.
  const script = parseShell(command, 0);
  if (script.hasErrors || script.hasComment || script.hasPipe || script.topLevelCount !== 1 || script.commands.length !== 1) return undefined;
  // `[^{}]`, not `[^}]`: with thousands of `${` and no `}`, each would scan to the end (quadratic).
  if (/[|&;<>()`]/.test(command.replace(/\$\{[^{}]*\}/g, ''))) return undefined;
  const program = script.commands[0];
  if (SHELL_ONLY_COMMANDS.has(program.name) || program.name.startsWith('-')) return undefined;
  // `FOO=bar exec node`: the assignments stay in front, where the shell exports them to the program.
  const at = program.nameWord.start;
  const json = JSON.stringify(['/bin/sh', '-c', `${command.slice(0, at)}exec ${command.slice(at)}`]).replace(/","/g, '", "');
  return { titleId: 'useExecFormThroughSh', safety: 'unsafe', edits: [{ start, end, text: json }] };
}

/**
 * What else changes when `instr` turns to exec form: a CMD is the argument list of an exec-form ENTRYPOINT (the
 * stage's, or the base image's when it may have one), and an exec-form ENTRYPOINT receives the stage's CMD. Given as
 * the message id of the fix title that says so.
 */
export function argumentsChange(instr: Instr): 'useExecFormCmdBecomesArguments' | 'useExecFormEntrypointArguments' | 'useExecFormBaseEntrypointArguments' | undefined {
  const stage = instr.stage;
  if (!stage) return undefined;
  if (instr.keyword === 'ENTRYPOINT') return stage.instructions.some((i) => i.keyword === 'CMD') ? 'useExecFormCmdBecomesArguments' : undefined;
  const entrypoint = stageEntrypoint(stage);
  if (entrypoint === 'exec') return 'useExecFormEntrypointArguments';
  if (entrypoint === 'unknown') return 'useExecFormBaseEntrypointArguments';
  return undefined;
}

/**
 * The exec-form ENTRYPOINT written in this file that a CMD of `stage` is handed to as its arguments: the stage's last
 * one, else the last one of the stage it is built FROM (and so on). Undefined for a shell-form or empty one, or none.
 */
export function fileExecEntrypoint(stage: Stage): Instr | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const last = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
    if (last) return last.execForm && !/^\[\s*\]$/.test(last.args.map((a) => a.value).join('')) ? last : undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'shell-form-cmd',
    aliases: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
    counterparts: {
      kics: ['Not Using JSON In CMD And ENTRYPOINT Arguments'],
      sonar: ['S7019'],
      differences: 'Skips commands that `exec` the program and CMDs on images whose shell execs it anyway (Alpine, Fedora), and offers a fix that rewrites to exec form.',
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'both',
    messages: {
      noSignals: '{keyword} in shell form runs under /bin/sh -c, which does not pass signals on to the process',
      entrypointIgnoresArguments: 'ENTRYPOINT in shell form ignores CMD and the arguments of `docker run`',
      cmdBecomesShellArguments: 'CMD in shell form is handed to the exec-form ENTRYPOINT on line {line} as the arguments `/bin/sh -c "…"`: write the arguments it expects as a JSON array',
      useExecForm: 'Use exec form: {keyword} {command}',
      useExecFormNotPosix: 'Use exec form: {keyword} {command} (unsafe: the SHELL is not a POSIX shell)',
      useExecFormCmdBecomesArguments: 'Use exec form: {keyword} {command} (unsafe: CMD becomes its arguments)',
      useExecFormEntrypointArguments: 'Use exec form: {keyword} {command} (unsafe: the ENTRYPOINT receives other arguments)',
      useExecFormBaseEntrypointArguments: "Use exec form: {keyword} {command} (unsafe: the base image's ENTRYPOINT, if any, receives other arguments)",
      useExecFormThroughSh: 'Use exec form through sh -c "exec …" (unsafe: runs /bin/sh)',
    },
    docs: {
      summary: 'CMD or ENTRYPOINT in shell form',
      why: 'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1, and it does not forward SIGTERM to your process. `docker stop` then waits its full timeout and kills the process without a clean shutdown. The JSON (exec) form runs the process itself as PID 1. A command that ends in `exec program …` is not reported: `exec` replaces the shell with the program, which then receives the signals. Nor is a CMD on images whose /bin/sh does that by itself: BusyBox ash (Alpine) execs the last command of the script and bash (Fedora, RHEL, Amazon Linux) a script of one command, unless a trap is set; Debian\'s and Ubuntu\'s dash never does. A shell-form ENTRYPOINT is reported everywhere: it ignores CMD and the arguments of `docker run`.',
      examples: [
        { bad: 'FROM python:3.13-slim\nUSER nobody\nCMD python -m http.server 8000\n', good: 'FROM python:3.13-slim\nUSER nobody\nCMD ["python", "-m", "http.server", "8000"]\n' },
        { bad: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n', good: 'FROM nginx:1.27\nCMD set -e; mkdir -p /run/nginx; exec nginx -g "daemon off;"\n', note: 'A shell that ends by exec-ing the program is fine: the program replaces the shell.' },
      ],
      fixSafety: 'Converting plain words is safe when nothing else reads the command; a leading `exec` is dropped, and `NAME=value` prefixes and shell builtins (`cd`, `export` …) are never made the program. A CMD becomes the arguments of an exec-form ENTRYPOINT, so its fix is unsafe when the stage has one or the base image may have one (node, nginx, postgres, php and many others do; only images known to set none are safe); an ENTRYPOINT\'s fix is unsafe when the stage has a CMD, which it then receives. When the command uses variables, the fix keeps a shell to expand them and prefixes `exec` so the program replaces it: unsafe because it relies on /bin/sh existing in the image.',
      references: ['https://docs.docker.com/reference/build-checks/json-args-recommended/', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const shellForm = (instr: Instr): void => {
      // Instructions before the first FROM belong to no stage.
      const stage = instr.stage;
      if (!stage || instr.execForm || !instr.args.length) return;
      // An array meant as exec form that is not JSON is exec-form-invalid-json's: one problem, one finding.
      if (brokenExecArray(model, instr)) return;
      // Without a shell in the image, shell form cannot run at all: shell-form-in-shell-less-image says so.
      // Under a SHELL of its own the shell form is deliberate.
      if (shellInstructionFor(stage, instr) || hasNoShell(stage)) return;
      // `exec` replaces the shell: the program is PID 1 and receives the signals.
      const command = commandText(model, instr);
      if (execsLast(command) || keepsAliveLast(command)) return;
      // Under an exec-form ENTRYPOINT of this file, the CMD is its arguments: `/bin/sh`, `-c` and the command as one
      // word, on Alpine and Fedora too (that their sh execs the last command only helps when the ENTRYPOINT runs it).
      const entrypoint = instr.keyword === 'CMD' ? fileExecEntrypoint(stage) : undefined;
      if (entrypoint) {
        const fix = execFormFix(model, instr);
        ctx.report({
          start: instr.args[0].start,
          end: instr.args[instr.args.length - 1].end,
          messageId: 'cmdBecomesShellArguments',
          data: { line: entrypoint.line + 1 },
          fixes: fix ? [fix.safety === 'safe' ? { ...fix, safety: 'unsafe', titleId: 'useExecFormEntrypointArguments' } : fix] : [],
        });
        return;
      }
      // Where /bin/sh itself replaces itself with the program (BusyBox on Alpine, bash on the RHEL family), the
      // signals arrive too: a CMD is fine; an ENTRYPOINT still ignores CMD and the arguments of `docker run`.
      const base = rootStage(stage).image;
      const shellLeaves = !base.unresolved.length && shellExecsProgram(command, binShExecsFromScript(distroFamily(base)));
      if (shellLeaves && instr.keyword === 'CMD') return;
      let fix = execFormFix(model, instr);
      const change = fix?.safety === 'safe' ? argumentsChange(instr) : undefined;
      if (fix && change) fix = { ...fix, safety: 'unsafe', titleId: change };
      ctx.report({
        start: instr.args[0].start,
        end: instr.args[instr.args.length - 1].end,
        ...(shellLeaves ? { messageId: 'entrypointIgnoresArguments' } : { messageId: 'noSignals', data: { keyword: instr.keyword } }),
        fixes: fix ? [fix] : [],
      });
    };
    return { instructions: { CMD: shellForm, ENTRYPOINT: shellForm } };
  },
});
