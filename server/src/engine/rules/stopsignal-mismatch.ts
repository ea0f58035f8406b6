import { defineRule, type FixInput } from '../rule';
import { continuationsBlanked, type DockerfileModel, type Instr, type Stage } from '../model/dockerfile';
import { parseShell } from '../model/shell';
import { officialImageStart, rootStage } from '../model/base-images';
import { COMMAND_WRAPPERS, USER_SWITCHING_WRAPPERS, programName } from '../model/shells';
import { execFormWords, type ExecWord } from '../model/exec-form';

/** A word of a CMD or ENTRYPOINT with its document offsets (inside the quotes in exec form). */
type Word = ExecWord;

function instructionWords(model: DockerfileModel, instr: Instr): Word[] {
  if (!instr.execForm) {
    // Shell form: the words of its one simple command; with several (`php-fpm && nginx`), which one ends up as PID 1
    // depends on the shell, so none is named.
    const start = instr.args[0].start;
    const end = instr.args[instr.args.length - 1].end;
    const script = parseShell(continuationsBlanked(model.text, model.lines, start, end, model.escapeChar), start);
    if (script.hasErrors || script.commands.length !== 1 || script.topLevelCount !== 1 || script.hasPipe) return [];
    const c = script.commands[0];
    return [c.nameWord, ...c.args].map((w) => ({ value: w.value, start: w.start, end: w.end }));
  }
  return execFormWords(model, instr);
}

/** The last instruction with `keyword` in the stage or the stages it is built FROM (ONBUILD triggers aside). */
function lastInChain(stage: Stage, keyword: string): Instr | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const found = s.instructions.filter((i) => i.keyword === keyword).pop();
    if (found) return found;
  }
  return undefined;
}


/** The program the container's PID 1 ends up running, as written in the file, with where it is written. */
function mainProgram(model: DockerfileModel, stage: Stage): { program: string; word: Word; instr: Instr } | undefined {
  const entrypoint = lastInChain(stage, 'ENTRYPOINT');
  const cmd = lastInChain(stage, 'CMD');
  // An ENTRYPOINT set below the CMD resets it; a shell-form ENTRYPOINT ignores it.
  const cmdCounts = cmd && (!entrypoint || (entrypoint.execForm && (entrypoint.stage !== cmd.stage || cmd.index > entrypoint.index || entrypoint.stage !== stage)));
  const words: Array<{ word: Word; instr: Instr }> = [];
  if (entrypoint?.args.length) for (const w of instructionWords(model, entrypoint)) words.push({ word: w, instr: entrypoint });
  if (cmdCounts && cmd.args.length) for (const w of instructionWords(model, cmd)) words.push({ word: w, instr: cmd });
  for (let i = 0; i < words.length; i++) {
    const { word } = words[i];
    const name = programName(word.value);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value) || word.value === '--' || (i > 0 && word.value.startsWith('-') && isWrapper(programName(words[i - 1].word.value)))) continue;
    if (COMMAND_WRAPPERS.has(name)) continue;
    if (USER_SWITCHING_WRAPPERS.has(name)) { i++; continue; }
    // An entrypoint script given a command runs it (docker-entrypoint.sh nginx -g …).
    if ((/entrypoint/.test(name) || name.endsWith('.sh')) && i + 1 < words.length) continue;
    return { program: name, word, instr: words[i].instr };
  }
  return undefined;
}

function isWrapper(name: string): boolean {
  return COMMAND_WRAPPERS.has(name) || name === 'docker-init';
}

/** The signal a program shuts down gracefully on, and the message naming why. */
function wantedSignal(program: string, path: string): { signal: string; why: string } | undefined {
  if (program === 'nginx' || program === 'openresty') return { signal: 'SIGQUIT', why: 'nginxGraceful' };
  if (/^php-?fpm[0-9.]*$/.test(program)) return { signal: 'SIGQUIT', why: 'phpFpmGraceful' };
  if (['httpd', 'httpd-foreground', 'apache2-foreground', 'apache2', 'apachectl', 'apache2ctl'].includes(program)) return { signal: 'SIGWINCH', why: 'httpdGraceful' };
  if (program === 'systemd' || (program === 'init' && /^\/(usr\/)?s?bin\/init$|^\/(usr\/)?lib\/systemd\//.test(path))) return { signal: 'SIGRTMIN+3', why: 'systemdGraceful' };
  return undefined;
}

const NUMBERS: Readonly<Record<string, string>> = { 3: 'SIGQUIT', 28: 'SIGWINCH', 37: 'SIGRTMIN+3', 15: 'SIGTERM', 2: 'SIGINT', 9: 'SIGKILL' };

/** A signal as one name: `quit`, `SIGQUIT` and `3` are SIGQUIT. */
function canonical(signal: string): string {
  const s = signal.trim().toUpperCase();
  if (/^\d+$/.test(s)) return NUMBERS[s] ?? s;
  return s.startsWith('SIG') ? s : `SIG${s}`;
}

export default defineRule({
  meta: {
    id: 'stopsignal-mismatch',
    aliases: {},
    counterparts: {
      tally: ['no-ungraceful-stopsignal', 'prefer-nginx-sigquit', 'prefer-systemd-sigrtmin-plus-3'],
      differences: 'Knows which official base images already set the right STOPSIGNAL (nginx, httpd, php-fpm, php-apache), finds the program behind tini, gosu and entrypoint scripts, and reports only what the image would really stop with.',
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      missing: '{program} is stopped with {current}, {why}: add `STOPSIGNAL {signal}`',
      overridden: 'STOPSIGNAL {current} stops {program} abruptly: {why}',
      nginxGraceful: 'but nginx finishes its open requests only on SIGQUIT (SIGTERM makes it drop them)',
      phpFpmGraceful: 'but php-fpm finishes its running requests only on SIGQUIT (SIGTERM kills them)',
      httpdGraceful: 'but Apache httpd finishes its open requests only on SIGWINCH (SIGTERM drops them)',
      systemdGraceful: 'but systemd shuts its services down only on SIGRTMIN+3 (on SIGTERM it does not stop, and Docker kills it after the timeout)',
      setSignal: 'Use STOPSIGNAL {signal} (unsafe: changes how the container stops)',
    },
    docs: {
      summary: 'STOPSIGNAL that does not stop the main process gracefully',
      why: '`docker stop` sends the image\'s STOPSIGNAL (SIGTERM unless set), waits, then kills the process. Some servers treat SIGTERM as "stop now": nginx and php-fpm drop the requests in progress and shut down gracefully only on SIGQUIT, Apache httpd on SIGWINCH, and systemd as PID 1 ignores SIGTERM and stops its services only on SIGRTMIN+3, so every stop waits for the timeout. The official nginx, httpd and php images set the right STOPSIGNAL already; an image that installs one of these servers itself, or overrides the signal, must set it.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nSTOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n' },
        { bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGTERM\n', good: 'FROM nginx:1.27\n', note: 'The official nginx image already sets STOPSIGNAL SIGQUIT: do not override it.' },
      ],
      fixSafety: 'A different stop signal changes how the container shuts down: a graceful stop waits for open requests, which can take up to the stop timeout.',
      references: ['https://docs.docker.com/reference/dockerfile/#stopsignal', 'https://github.com/nginxinc/docker-nginx', 'https://github.com/docker-library/php', 'https://github.com/docker-library/httpd', 'https://man7.org/linux/man-pages/man7/signal.7.html'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (!model.isRunImage(stage)) continue;
      const base = rootStage(stage).image;
      const start = base.unresolved.length ? undefined : officialImageStart(base);
      // A base image the engine does not know may set any STOPSIGNAL, and one written here on top of it is a choice.
      if (!start && base.resolved.toLowerCase() !== 'scratch') continue;
      const main = mainProgram(model, stage);
      const program = main?.program ?? (start && programName(start.command[0]));
      if (!program) continue;
      const wanted = wantedSignal(program, main?.word.value ?? start!.command[0]);
      if (!wanted) continue;
      const set = lastInChain(stage, 'STOPSIGNAL');
      const value = set?.args[0]?.value;
      if (set && (!value || /\$/.test(value))) continue;
      const current = value ?? start?.stopSignal ?? 'SIGTERM';
      if (canonical(current) === wanted.signal) continue;
      // An image that does not say whether it sets a STOPSIGNAL (not an official one): nothing is known to be wrong.
      if (!set && !main) continue;
      const why = { messageId: wanted.why };
      if (set && set.args.length) {
        const arg = set.args[0];
        ctx.report({ start: arg.start, end: arg.end, messageId: 'overridden', data: { current: value!, program, why }, fixes: [{ titleId: 'setSignal', data: { signal: wanted.signal }, safety: 'unsafe', edits: [{ start: arg.start, end: arg.end, text: wanted.signal }] }] });
      } else if (main) {
        const at = model.lines.lineStart(main.instr.line);
        const fix: FixInput = { titleId: 'setSignal', data: { signal: wanted.signal }, safety: 'unsafe', edits: [{ start: at, end: at, text: `STOPSIGNAL ${wanted.signal}${model.lines.eol}` }] };
        ctx.report({ start: main.word.start, end: main.word.end, messageId: 'missing', data: { program, current, why, signal: wanted.signal }, fixes: main.instr.stage === stage ? [fix] : [] });
      }
    }
  },
});
