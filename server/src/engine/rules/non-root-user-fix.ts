// The unsafe fix runs-as-root and last-user-root offer: switch the final stage to a non-root user before the
// instructions that describe how the image runs. It reuses a user the Dockerfile already has, else the one the base
// image provides, else creates one with the distribution's own tools.
import type { OffsetEdit } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { distroFamily, rootStage } from '../model/base-images';
import { imageBaseName } from '../model/image';
import { isCommand, parseArgs } from '../model/commands';

const ROOT_USER = /^(root|0)(:.*)?$/;
// Instructions that describe how the image runs rather than build it: the USER goes above them.
const RUNTIME = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL', 'VOLUME']);
// useradd, adduser (Debian's and BusyBox's) options that take a value.
const USER_TOOL_VALUE_FLAGS = ['u', 'uid', 'g', 'gid', 'G', 'groups', 'd', 'home', 'home-dir', 's', 'shell', 'c', 'comment', 'gecos', 'h', 'k', 'K', 'p', 'b', 'e', 'f', 'Z', 'ingroup', 'firstuid', 'lastuid', 'conf', 'key', 'password', 'selinux-user'];

export function isRootUser(value: string): boolean {
  return ROOT_USER.test(value);
}

/** The last USER of the stage or, failing that, of the stages it is built FROM. */
export function lastUser(stage: Stage): Instr | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}

/** The last user a useradd/adduser in the stage (or the stages it is built FROM) creates, by a literal name. */
function createdUser(stage: Stage): string | undefined {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  let name: string | undefined;
  for (const s of chain) {
    for (const instr of s.instructions) {
      for (const c of instr.run?.commands ?? []) {
        if (!isCommand(c, 'useradd', 'adduser')) continue;
        const operand = parseArgs(c, USER_TOOL_VALUE_FLAGS).operands[0]?.value;
        if (operand && /^[a-z_][a-z0-9_.-]*$/i.test(operand) && !ROOT_USER.test(operand)) name = operand;
      }
    }
  }
  return name;
}

/** The last non-root USER before `before` in the stage chain (stages built FROM come earlier in the file), when literal. */
function earlierUser(stage: Stage, before: Instr): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.instructions.filter((i) => i.keyword === 'USER' && i.start < before.start && i.args.length === 1);
    for (let k = users.length - 1; k >= 0; k--) {
      const value = users[k].args[0].value;
      if (!ROOT_USER.test(value) && !value.includes('$')) return value;
    }
  }
  return undefined;
}

/** The lines that switch the final stage to a non-root user; undefined when the image's tools are unknown. */
function userLines(stage: Stage, rootUser?: Instr): string[] | undefined {
  const base = rootStage(stage).image;
  const family = base.unresolved.length ? 'unknown' : distroFamily(base);
  // Without /etc/passwd (scratch, distroless) only a number names a user: a name made by a RUN cannot be found.
  const shellLess = family === 'distroless' || family === 'scratch';
  const known = (rootUser && earlierUser(stage, rootUser)) ?? createdUser(stage);
  if (known && (!shellLess || /^\d+(:\d+)?$/.test(known))) return [`USER ${known}`];
  if (base.unresolved.length) return undefined;
  if (imageBaseName(base) === 'node' && family !== 'unknown') return ['USER node'];
  switch (family) {
    // distroless's `nonroot` user, by number: scratch has no /etc/passwd, and a number is what runAsNonRoot can check.
    case 'distroless': case 'scratch': return ['USER 65532:65532'];
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

/**
 * The fix for the final `stage` as data: the edit, and the USER line it adds (for the fix title's `{instruction}`).
 * `rootUser` is the stage's last USER when that names root. Undefined when no fix can be offered.
 */
export function nonRootUserEdit(model: DockerfileModel, stage: Stage, rootUser?: Instr): { edit: OffsetEdit; instruction: string } | undefined {
  // After an unterminated heredoc, or a last line that continues into the end of the file, an inserted line would
  // become part of that instruction. (Comment and blank lines do not end a continuation: look at the last code line.)
  let last = model.lines.lineCount - 1;
  while (last > 0 && /^\s*(#.*)?$/.test(model.lines.lineText(last))) last--;
  const dangling = model.lines.lineText(last).trimEnd().endsWith(model.escapeChar);
  if (model.hasUnterminatedHeredoc || dangling) return undefined;
  const lines = userLines(stage, rootUser);
  if (!lines) return undefined;
  const edit = insertUserEdit(model, stage, lines);
  if (afterBrokenContinuation(model, edit.start)) return undefined;
  return { edit, instruction: lines[lines.length - 1] };
}
