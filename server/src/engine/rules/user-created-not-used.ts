import { defineRule, type FileAccess } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { copyOperands } from './support';
import { programName } from '../model/shells';
import { rootByDesign } from '../model/runtime-user';
import { usersCreatedIn } from '../model/users';

// Programs that run a command as another user, named in their arguments: at build time (`su app -c …`,
// `runuser -u app`, `sudo -u app`) or in the command the container starts.
const RUNS_AS = new Set(['su', 'runuser', 'sudo', 'chpst', 'setuidgid', 's6-setuidgid', 'gosu', 'su-exec', 'setpriv', 'chroot', 'start-stop-daemon']);

function escaped(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** After `from` in the stages of `chain`: a USER naming the user (or its uid), a command run as it, or a start command naming it. */
function usedLater(chain: Stage[], from: Instr, name: string, uid: string | undefined): boolean {
  const word = new RegExp(`(^|[^\\w.-])(${escaped(name)}${uid ? `|${escaped(uid)}` : ''})($|[^\\w.-])`);
  let after = false;
  for (const s of chain) {
    for (const instr of s.instructions) {
      if (instr === from) { after = true; continue; }
      if (!after) continue;
      if (instr.keyword === 'USER' && instr.args[0]) {
        const user = instr.args[0].value.split(':')[0];
        if (user === name || (uid !== undefined && user === uid)) return true;
      }
      if ((instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') && instr.args.some((a) => word.test(a.value))) return true;
      for (const cmd of instr.run?.commands ?? []) {
        if (RUNS_AS.has(programName(cmd.name)) && cmd.args.some((a) => word.test(a.value))) return true;
      }
    }
  }
  return false;
}

/**
 * The text of the scripts the container starts with (an ENTRYPOINT or CMD program copied in from the build context),
 * read from the files beside the Dockerfile. Undefined when one is copied in but cannot be read: then it may switch users.
 */
function startScripts(model: DockerfileModel, chain: Stage[], files: FileAccess | undefined): string[] | undefined {
  const programs = new Set<string>();
  for (const s of chain) {
    for (const instr of s.instructions) {
      if ((instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') || !instr.args.length) continue;
      const first = instr.execForm ? (/^\[\s*"([^"]+)"/.exec(model.text.slice(instr.args[0].start, instr.end))?.[1] ?? '') : instr.args[0].value;
      if (first) programs.add(programName(first));
    }
  }
  const texts: string[] = [];
  const found = new Set<string>();
  for (const s of chain) {
    for (const instr of s.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) continue;
      const ops = copyOperands(model, instr);
      if (!ops) continue;
      const intoFolder = ops.dest.value.endsWith('/') || ops.sources.length > 1;
      for (const src of ops.sources) {
        const program = programName(intoFolder ? src.value : ops.dest.value);
        if (!programs.has(program)) continue;
        const text = files?.read(src.value.replace(/^\.\//, ''));
        if (text === undefined) return undefined;
        found.add(program);
        texts.push(text);
      }
    }
  }
  // A script that is started but came in some other way (a folder copied whole, a package): it may switch users.
  for (const p of programs) if (!found.has(p) && /entrypoint|\.sh$/.test(p)) return undefined;
  return texts;
}

export default defineRule({
  meta: {
    id: 'user-created-not-used',
    aliases: {},
    counterparts: {
      tally: ['user-created-but-never-used'],
      differences: 'Judges only the image that ships (the final stage and the stages it is built FROM), and stays silent when the image starts as root by design (an entrypoint that steps down with gosu, su-exec or setpriv, a server such as nginx that runs its workers as a configured user, a start command that names the user).',
    },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'info',
    messages: {
      notUsed: 'User `{user}` is created, but the image never switches to it: the container still runs as root',
    },
    docs: {
      summary: 'A user is created, but the container still runs as root',
      why: 'Creating a user (`useradd app`, `adduser -S app`) is usually the first half of dropping root; the second half is `USER app`, or an entrypoint that switches to it (gosu, su-exec). Without it the container runs every process as root, and the user only owns a few files. Add `USER app` after the steps that need root, or remove the user if it is not needed.',
      examples: [
        { bad: 'FROM python:3.13-slim\nRUN useradd --system app\nCOPY app.py /srv/\nCMD ["python", "/srv/app.py"]\n', good: 'FROM python:3.13-slim\nRUN useradd --system app\nCOPY app.py /srv/\nUSER app\nCMD ["python", "/srv/app.py"]\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const chain: Stage[] = [];
    for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
    const created = chain.flatMap((s) => usersCreatedIn(s));
    if (!created.length || rootByDesign(model, stage, ctx.files)) return;
    const scripts = startScripts(model, chain, ctx.files);
    if (!scripts) return;
    for (const u of created) {
      if (usedLater(chain, u.instr, u.name, u.uid)) continue;
      // An entrypoint script that names the user (`su app -c …`, `exec gosu app "$@"`, `chown app …` before it switches).
      const word = new RegExp(`(^|[^\\w.-])${escaped(u.name)}($|[^\\w.-])`, 'm');
      if (scripts.some((t) => word.test(t))) continue;
      ctx.report({ start: u.word.start, end: u.word.end, messageId: 'notUsed', data: { user: u.name } });
    }
  },
});
