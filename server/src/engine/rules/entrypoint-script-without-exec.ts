import { defineRule } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { parseShell } from '../model/shell';
import { COMMAND_WRAPPERS, USER_SWITCHING_WRAPPERS, programName, SHELL_ONLY_COMMANDS } from '../model/shells';
import { normalize } from '../model/paths';
import { copyOperands } from './support';
import { execFormWords, type ExecWord } from '../model/exec-form';

type Word = ExecWord;

// Interpreters that run the script named after them.
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** The word of the ENTRYPOINT (else CMD) that names the program PID 1 runs: behind init wrappers and `sh script`. */
function startedScript(model: DockerfileModel, stage: Stage): Word | undefined {
  let entrypoint: Instr | undefined;
  let cmd: Instr | undefined;
  for (let s: Stage | undefined = stage; s && !(entrypoint && cmd); s = s.parent) {
    entrypoint ??= s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
    cmd ??= s.instructions.filter((i) => i.keyword === 'CMD').pop();
  }
  const words = entrypoint ? execFormWords(model, entrypoint) : cmd ? execFormWords(model, cmd) : [];
  for (let i = 0; i < words.length; i++) {
    const name = programName(words[i].value);
    if (words[i].value === '--' || (i > 0 && words[i].value.startsWith('-'))) continue;
    if (COMMAND_WRAPPERS.has(name) || SHELLS.has(name)) continue;
    if (USER_SWITCHING_WRAPPERS.has(name)) { i++; continue; }
    return words[i];
  }
  return undefined;
}

/** The build-context path of the file a COPY of the stage (or the stages it is built FROM) puts at `target`. */
function copiedFrom(model: DockerfileModel, stage: Stage, target: string): string | undefined {
  const name = target.slice(target.lastIndexOf('/') + 1);
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (const instr of [...s.instructions].reverse()) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) continue;
      const ops = copyOperands(model, instr);
      if (!ops) continue;
      for (const src of ops.sources) {
        if (/[$*?[]/.test(src.value) || /^[a-z]+:\/\//i.test(src.value) || src.value.startsWith('<<')) continue;
        const srcName = src.value.slice(src.value.replace(/\/+$/, '').lastIndexOf('/') + 1);
        const dest = ops.dest.value;
        const toDir = dest.endsWith('/') || ops.sources.length > 1 || dest === '.';
        const placed = toDir ? srcName : dest.slice(dest.lastIndexOf('/') + 1);
        if (placed !== name) continue;
        // An absolute program path must be the copy's absolute destination; a bare name is looked up in PATH.
        if (target.includes('/') && dest.startsWith('/') && normalize(toDir ? `${dest}/${srcName}` : dest) !== normalize(target)) continue;
        const path = normalize(src.value.replace(/^\.\//, ''));
        return path.startsWith('../') ? undefined : path;
      }
    }
  }
  return undefined;
}

/** How the script ends, when its last step starts a program without `exec`: that command, and its line. */
function endsWithoutExec(script: string): { command: string; line: number } | undefined {
  if (!/^#!\s*(\/usr\/bin\/env\s+)?(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)\b/.test(script)) return undefined;
  const parsed = parseShell(script, 0);
  if (parsed.hasErrors) return undefined;
  // A script that traps signals handles them itself.
  if (parsed.commands.some((c) => c.name === 'trap')) return undefined;
  let last: (typeof parsed.commands)[number] | undefined;
  for (const c of parsed.commands) if (!c.nested && (!last || c.end > last.end)) last = c;
  // Only `;`, `&&`-free blanks and comments may follow: a last command inside `if … fi` or a function is not judged.
  if (!last || last.pipeline !== undefined || !/^[\s;]*(#[^\n]*\s*)*$/.test(script.slice(last.end))) return undefined;
  const name = last.name;
  if (name === 'exec' || SHELL_ONLY_COMMANDS.has(name) || ['echo', 'printf', 'true', 'false', 'wait', 'sleep', 'tail', 'exit', 'return', 'set', 'cd', 'export', 'source', '.'].includes(name)) return undefined;
  // A function the script defines (`main "$@"`): what it runs is judged by nobody here.
  if (new RegExp(`(^|\\n)\\s*(function\\s+)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(\\s*\\)`).test(script)) return undefined;
  if (/&\s*$/.test(script.slice(last.start, last.end + 3).trimEnd()) || /^\s*&/.test(script.slice(last.end))) return undefined;
  const command = script.slice(last.start, last.end).replace(/\s+/g, ' ');
  return { command: command.length > 40 ? command.slice(0, 37) + '…' : command, line: script.slice(0, last.start).split('\n').length };
}

export default defineRule({
  meta: {
    id: 'entrypoint-script-without-exec',
    aliases: {},
    counterparts: {
      differences: 'Reads the script from the build context (through the COPY that puts it in the image) and parses it with a shell parser, so only a last top-level command without `exec` is reported, not one inside `if`, a function or after a `trap`.',
    },
    category: 'runtime',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      noExec: '{script} ends with `{command}` (line {line}) without `exec`: the shell stays PID 1 and does not pass SIGTERM on, so `docker stop` waits and kills it. Write `exec {command}`',
    },
    docs: {
      summary: 'Entrypoint script that starts the main process without `exec`',
      why: 'When ENTRYPOINT or CMD runs a shell script, the script\'s shell is PID 1. If its last line starts the server as a child (`node server.js`, `"$@"`), the shell receives the SIGTERM of `docker stop`, does not forward it, and the server is killed after the timeout without a clean shutdown. Starting it with `exec` replaces the shell, so the server is PID 1 and gets the signal itself. The rule reads the script from the build context through the COPY that puts it in the image.',
      examples: [
        {
          bad: 'FROM node:22-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
          good: 'FROM node:22-slim\nCOPY start.sh /usr/local/bin/\nENTRYPOINT ["start.sh"]\nCMD ["node", "server.js"]\n',
          files: { 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nmkdir -p /tmp/cache\n"$@"\n', 'start.sh': '#!/bin/sh\nset -e\nmkdir -p /tmp/cache\nexec "$@"\n' },
        },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#entrypoint', 'https://docs.docker.com/build/building/best-practices/#entrypoint'],
    },
  },
  check(ctx) {
    const { model, files } = ctx;
    if (!files) return;
    for (const stage of model.stages) {
      if (!model.isRunImage(stage)) continue;
      const word = startedScript(model, stage);
      if (!word) continue;
      const source = copiedFrom(model, stage, word.value);
      if (!source) continue;
      const text = files.read(source);
      const end = text && endsWithoutExec(text.replace(/\r\n/g, '\n'));
      if (!end) continue;
      ctx.report({ start: word.start, end: word.end, messageId: 'noExec', data: { script: source, command: end.command, line: end.line } });
    }
  },
});
