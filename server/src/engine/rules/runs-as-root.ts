import { defineRule, type OffsetEdit } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { defaultsToNonRoot, distroFamily, rootStage } from '../model/base-images';
import { imageBaseName } from '../model/image';

const ROOT_USER = /^(root|0)(:.*)?$/;
// Instructions that describe how the image runs rather than build it: the USER goes above them.
const RUNTIME = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL', 'VOLUME']);

/** The last USER of the stage or, failing that, of the stages it is built FROM. */
function lastUser(stage: Stage): Instr | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}

function userLines(stage: Stage): string[] | undefined {
  const base = rootStage(stage).image;
  if (base.unresolved.length) return undefined;
  const family = distroFamily(base);
  if (imageBaseName(base) === 'node' && family !== 'unknown') return ['USER node'];
  switch (family) {
    case 'distroless': return ['USER nonroot'];
    case 'scratch': return ['USER 65532:65532'];
    case 'alpine': return ['RUN addgroup -S app && adduser -S -G app app', 'USER app'];
    case 'debian': return ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'];
    case 'rhel':
      if (/minimal|micro/.test(base.name + (base.tag ?? ''))) return undefined;
      return ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'];
    default: return undefined;
  }
}

function insertUserEdit(model: DockerfileModel, stage: Stage, lines: string[]): OffsetEdit {
  const list = stage.instructions;
  let at = list.length;
  while (at > 1 && RUNTIME.has(list[at - 1].keyword)) at--;
  const eol = model.lines.eol;
  if (at === list.length) {
    const last = list[list.length - 1];
    const end = model.lines.lineEnd(last.endLine);
    return { start: end, end, text: eol + lines.join(eol) };
  }
  // Above the trailing block, and above the comments that belong to its first instruction.
  let line = list[at].line;
  while (line > 0 && model.commentOnLine(line - 1)?.embedded === false) line--;
  const start = model.lines.lineStart(line);
  return { start, end: start, text: lines.join(eol) + eol };
}

/**
 * The inserted lines would come right after `RUN a \\ # note`: not a continuation for Docker, but an
 * instruction on the next line is reported as swallowed by one (invalid-syntax), so the fix would add an error.
 */
function afterBrokenContinuation(model: DockerfileModel, offset: number): boolean {
  const at = model.lines.positionAt(offset);
  const line = at.character === 0 ? at.line - 1 : at.line;
  if (line < 0) return false;
  const esc = model.escapeChar === '`' ? '`' : '\\\\';
  return new RegExp(`\\s${esc}[ \\t]+#`).test(model.lines.lineText(line));
}

export default defineRule({
  meta: {
    id: 'runs-as-root',
    aliases: { hadolint: 'DL3002' },
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    docs: {
      summary: 'The image runs as root',
      why: 'A process running as root inside the container is root on any volume it can reach, and one kernel or runtime bug away from root on the host. Switching the final stage to an unprivileged USER is the cheapest hardening there is. Builder stages may stay root: only the final stage runs.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' },
        { bad: 'FROM python:3.13-slim\nUSER root\nCMD ["python", "app.py"]\n', good: 'FROM python:3.13-slim\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["python", "app.py"]\n' },
      ],
      fixSafety: 'Unsafe: the process loses root. Files it writes at run time (outside volumes that allow it) and ports below 1024 may need changes, such as COPY --chown or a different port.',
      references: ['https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const user = lastUser(stage);
    // After an unterminated heredoc every following line is part of its body: nothing can be inserted.
    // After an unterminated heredoc, or a last line that continues into the end of the file, an inserted
    // line would become part of that instruction.
    // (Comment and blank lines do not end a continuation, so look at the last line with code.)
    let last = model.lines.lineCount - 1;
    while (last > 0 && /^\s*(#.*)?$/.test(model.lines.lineText(last))) last--;
    const dangling = model.lines.lineText(last).trimEnd().endsWith(model.escapeChar);
    const lines = model.hasUnterminatedHeredoc || dangling ? undefined : userLines(stage);
    const edit = lines ? insertUserEdit(model, stage, lines) : undefined;
    const fixes = lines && edit && !afterBrokenContinuation(model, edit.start) ? [{ title: `Add ${lines[lines.length - 1]} before the runtime instructions (unsafe: the process loses root)`, safety: 'unsafe' as const, edits: [edit] }] : [];
    if (user) {
      const value = user.args[0]?.value ?? '';
      if (!ROOT_USER.test(value)) return;
      if (user.stage !== stage) {
        ctx.report({ start: stage.imageStart, end: stage.imageEnd, message: `The final stage inherits USER ${value} from stage ${user.stage?.alias ?? user.stage?.index}: the container runs as root`, fixes });
        return;
      }
      ctx.report({ start: user.args[0].start, end: user.args[user.args.length - 1].end, message: 'The final stage\'s last USER is root: the container runs as root', fixes });
      return;
    }
    const base = rootStage(stage).image;
    if (base.unresolved.length || defaultsToNonRoot(base) || distroFamily(base) === 'windows') return;
    ctx.report({
      start: stage.imageStart,
      end: stage.imageEnd,
      message: `The final stage never sets USER, so it runs as ${base.name === 'scratch' ? 'uid 0' : `${base.resolved}'s default user, root`}`,
      fixes,
    });
  },
});
