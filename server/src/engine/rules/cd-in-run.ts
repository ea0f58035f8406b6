import { defineRule, type FixSpec } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { isCommand, parseArgs } from '../model/commands';
import { isPlainShellRun } from './support';

/** The unsafe WORKDIR fix: only for `RUN cd <dir> && rest` where cd is the first command of a plain RUN. */
function workdirFix(model: DockerfileModel, instr: Instr, cd: ShellCommand): FixSpec | undefined {
  if (instr.onbuild || !isPlainShellRun(instr)) return undefined;
  const cmds = instr.run!.commands;
  if (cmds[0] !== cd || cd.nested || cd.start !== instr.run!.bodyStart) return undefined;
  const ops = parseArgs(cd).operands;
  if (ops.length !== 1 || cd.args.length !== 1 || !/^[A-Za-z0-9_.\/@+-]+$/.test(ops[0].raw) || ops[0].raw === '-') return undefined;
  const next = cmds[1];
  if (!next || next.nested) return undefined;
  const script = instr.run!.scripts[0];
  const between = script.text.slice(cd.end - script.base, next.start - script.base);
  if (!/^\s*&&\s*$/.test(between)) return undefined;
  // What follows would start the RUN: `RUN cd /x && --flag y` would turn `--flag` into a RUN flag.
  if (/^[-\\`]/.test(model.text.slice(next.start, next.start + 1))) return undefined;
  // A comment line inside the continuation would be deleted with the `cd … &&`.
  if (model.commentsBetween(cd.end, next.start).length) return undefined;
  const indent = /^[ \t]*/.exec(model.lines.lineText(instr.line))![0];
  const lineStart = model.lines.lineStart(instr.line);
  if (instr.start !== lineStart + indent.length) return undefined;
  // Already there: the cd changes nothing, and another WORKDIR would say the same again (fix-all would then
  // meet "the same" finding where the one it fixed was, as the next `cd` of `cd /x && cd /x && …` moves up).
  if (ops[0].value.startsWith('/') && workdirBefore(instr) === withoutTrailingSlash(ops[0].value)) {
    return { title: `Drop cd ${ops[0].value}: WORKDIR is already ${ops[0].value}`, safety: 'unsafe', edits: [{ start: cd.start, end: next.start, text: '' }] };
  }
  return {
    title: `Use WORKDIR ${ops[0].value}`,
    safety: 'unsafe',
    edits: [
      { start: instr.start, end: instr.start, text: `WORKDIR ${ops[0].value}${model.lines.eol}${indent}` },
      { start: cd.start, end: next.start, text: '' },
    ],
  };
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/(?<=.)\/+$/, '');
}

/** The absolute, literal directory the last WORKDIR of `instr`'s stage before it sets, if there is one. */
function workdirBefore(instr: Instr): string | undefined {
  const { stage } = instr;
  if (!stage) return undefined;
  for (let i = instr.index - 1; i >= 0; i--) {
    const w = stage.instructions[i];
    if (w.keyword !== 'WORKDIR') continue;
    const dir = w.args.length === 1 ? w.args[0].value : '';
    return dir.startsWith('/') && !dir.includes('$') ? withoutTrailingSlash(dir) : undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'cd-in-run',
    aliases: { hadolint: 'DL3003' },
    defaultSeverity: 'warning',
    needs: { commands: ['cd'] },
    scope: 'stage',
    fixable: 'unsafe',
    docs: {
      summary: '`cd` inside RUN instead of WORKDIR',
      why: 'A `cd` lasts only until the end of its RUN, so the next instruction silently runs somewhere else, and the directory a command needs is hidden in shell text. WORKDIR states it once for every following instruction (and creates the folder). Subshells such as `(cd sub && make)` are still reported: `make -C sub` or a WORKDIR usually says it better.',
      examples: [
        { bad: 'FROM node:22-slim\nRUN cd /app && npm ci\n', good: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n' },
      ],
      fixSafety: 'The fix moves a leading `cd <dir> &&` into a `WORKDIR <dir>` line above the RUN. WORKDIR also applies to every later instruction (COPY, CMD, other RUNs) and creates the folder when it is missing, where `cd` would fail; check that the later instructions still mean what they meant. When the stage\'s last WORKDIR is already that directory, the fix only drops the `cd <dir> &&` (unsafe too: an earlier RUN may have removed the directory, where `cd` would have failed).',
      references: ['https://docs.docker.com/build/building/best-practices/#workdir'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        if (!isCommand(cmd, 'cd')) continue;
        // A WORKDIR needs a stage to live in (not before the first FROM, not inside ONBUILD).
        const fix = instr.stage && !instr.onbuild ? workdirFix(ctx.model, instr, cmd) : undefined;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: 'Use WORKDIR to change directory; `cd` lasts only until the end of this RUN',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
