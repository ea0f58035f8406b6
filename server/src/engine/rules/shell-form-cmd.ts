import { defineRule, type FixSpec } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { continuationsBlanked } from '../model/dockerfile';
import { parseShell } from '../model/shell';
import { hasNoShell } from '../model/base-images';

/** A SHELL instruction in the stage or the stages it is built FROM: shell form is then deliberate. */
function hasShell(stage: Stage, before: Instr): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    if (s.instructions.some((i) => i.keyword === 'SHELL' && (s !== stage || i.start < before.start))) return true;
  }
  return false;
}

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

export function execFormFix(model: DockerfileModel, instr: Instr): FixSpec | undefined {
  const start = instr.args[0].start;
  const end = instr.args[instr.args.length - 1].end;
  const command = continuationsBlanked(model.text, model.lines, start, end, model.escapeChar);
  const words = splitWords(command);
  if (words) {
    const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
    return { title: `Use exec form: ${instr.keyword} ${json.length > 60 ? json.slice(0, 57) + '…' : json}`, safety: 'safe', changes: [{ kind: 'exec-form' }], edits: [{ start, end, text: json }] };
  }
  // One simple command that only needs the shell for variables: let the shell expand them, then exec
  // the program so it becomes PID 1 and receives signals.
  const script = parseShell(command, start);
  if (script.hasErrors || script.hasComment || script.hasPipe || script.topLevelCount !== 1 || script.commands.length !== 1) return undefined;
  // `[^{}]`, not `[^}]`: with thousands of `${` and no `}`, each would scan to the end (quadratic).
  if (/[|&;<>()`]/.test(command.replace(/\$\{[^{}]*\}/g, ''))) return undefined;
  const text = command.trim().replace(/\s+/g, ' ');
  if (text.startsWith('exec ')) return undefined;
  const json = JSON.stringify(['/bin/sh', '-c', `exec ${text}`]).replace(/","/g, '", "');
  return { title: `Use exec form through sh -c "exec …" (unsafe: runs /bin/sh)`, safety: 'unsafe', edits: [{ start, end, text: json }] };
}

export default defineRule({
  meta: {
    id: 'shell-form-cmd',
    aliases: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
    defaultSeverity: 'warning',
    needs: { keywords: ['CMD', 'ENTRYPOINT'] },
    scope: 'stage',
    fixable: 'both',
    docs: {
      summary: 'CMD or ENTRYPOINT in shell form',
      why: 'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1, and it does not forward SIGTERM to your process. `docker stop` then waits its full timeout and kills the process without a clean shutdown. The JSON (exec) form runs the process itself as PID 1.',
      examples: [
        { bad: 'FROM node:22-slim\nUSER node\nCMD node server.js\n', good: 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n' },
      ],
      fixSafety: 'Converting plain words is safe. When the command uses variables, the fix keeps a shell to expand them and prefixes `exec` so the program replaces it: unsafe only because it relies on /bin/sh existing in the image.',
      references: ['https://docs.docker.com/reference/build-checks/json-args-recommended/', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if ((instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') || instr.execForm || !instr.args.length) continue;
        // Without a shell in the image, shell form cannot run at all: shell-form-in-shell-less-image says so.
        if (hasShell(stage, instr) || hasNoShell(stage)) continue;
        let fix = execFormFix(model, instr);
        // An exec-form ENTRYPOINT receives CMD as arguments, a shell-form one ignores it.
        if (fix && instr.keyword === 'ENTRYPOINT' && stage.instructions.some((i) => i.keyword === 'CMD')) {
          fix = { ...fix, safety: 'unsafe', title: `${fix.title} (unsafe: CMD becomes its arguments)` };
        }
        ctx.report({
          start: instr.args[0].start,
          end: instr.args[instr.args.length - 1].end,
          message: `${instr.keyword} in shell form runs under /bin/sh -c, which does not pass signals on to the process`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
