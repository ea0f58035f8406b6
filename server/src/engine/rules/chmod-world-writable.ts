import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { baseName, commandRunBy, parseArgs } from '../model/commands';
import { clearOthers, grantsOthersWrite, othersBits } from '../model/permissions';

// chmod's options that take a value (`--reference=FILE` names no mode).
const CHMOD_VALUE_FLAGS = ['reference'];

/** The word holding the mode of `mkdir -m MODE` / `install -m MODE` (`-m 777`, `-m777`, `--mode=777`), and the mode. */
function modeOption(cmd: ShellCommand): { word: ShellWord; mode: string; offset: number } | undefined {
  const words = cmd.args;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.quoted || !w.value.startsWith('-')) continue;
    if (w.value === '--') return undefined;
    if (w.value === '-m' || w.value === '--mode') return words[i + 1] ? { word: words[i + 1], mode: words[i + 1].value, offset: 0 } : undefined;
    if (w.value.startsWith('--mode=')) return { word: w, mode: w.value.slice(7), offset: 7 };
    // `-pm777`: a cluster that ends in m with its value glued.
    const m = /^-[a-zA-Z]*?m(.+)$/.exec(w.value);
    if (m && !w.value.startsWith('--')) return { word: w, mode: m[1], offset: w.value.length - m[1].length };
    if (/^-[a-zA-Z]*m$/.test(w.value)) return words[i + 1] ? { word: words[i + 1], mode: words[i + 1].value, offset: 0 } : undefined;
  }
  return undefined;
}

/** Every path is deleted by a later `rm -r` of the same RUN (`chmod 777 "$tempDir"` … `rm -rf "$tempDir"`): it never reaches the image. */
function removedLater(paths: readonly ShellWord[], cmd: ShellCommand, instr: Instr): boolean {
  if (!paths.length) return false;
  const removed = new Set<string>();
  for (const later of instr.run?.commands ?? []) {
    const c = commandRunBy(later);
    if (later.start < cmd.end || baseName(c) !== 'rm') continue;
    const { flags, operands } = parseArgs(c);
    if (!flags.some((f) => f.name === 'r' || f.name === 'R' || f.name === 'recursive')) continue;
    for (const w of operands) removed.add(w.value.replace(/\/+$/, ''));
  }
  return paths.every((w) => removed.has(w.value.replace(/\/+$/, '')));
}

/**
 * Every path is a named pipe made by an earlier `mkfifo` of the same RUN: a FIFO that any user writes to is a
 * signalling channel by design (nullmailer's and postfix's `0622` trigger), not a file anyone can rewrite.
 */
function madeByMkfifo(paths: readonly ShellWord[], cmd: ShellCommand, instr: Instr): boolean {
  const fifos = new Set<string>();
  for (const earlier of instr.run?.commands ?? []) {
    const c = commandRunBy(earlier);
    if (earlier.end > cmd.start || baseName(c) !== 'mkfifo') continue;
    for (const w of parseArgs(c, ['m', 'mode', 'Z', 'context']).operands) fifos.add(w.value);
  }
  return paths.length > 0 && paths.every((w) => fifos.has(w.value));
}

export default defineRule({
  meta: {
    id: 'chmod-world-writable',
    aliases: {},
    counterparts: { sonar: ['S2612'], differences: 'Parses chmod, `mkdir -m`, `install -m` and `COPY --chmod` modes, octal and symbolic, leaves sticky shared directories (`1777`, `+t`) and umask-filtered `+w` alone, leaves temporary directories removed in the same RUN and named pipes (`mkfifo`) alone, and offers the mode without others\' write.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      worldWritable: 'Mode `{mode}` lets every user of the container write here',
      useMode: 'Use mode {mode} (unsafe: a user outside the owner and group can no longer write)',
    },
    docs: {
      summary: 'A file or directory made writable by every user (`chmod 777`, `o+w`)',
      why: 'A world-writable file can be changed by any process in the container, whatever user it runs as: a compromised service can rewrite the scripts and binaries another user (often root) runs later, or plant files where they are trusted. Give write access to the owner, or to a group the users who need it share (`chown app:app` and `775`, or `g+w` with group 0 for images run with an arbitrary UID). Shared directories such as /tmp get the sticky bit (`1777`): then only a file\'s owner may delete or rename it, which the rule accepts, as it does named pipes (`mkfifo`) and temporary directories removed in the same RUN.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN mkdir /data && chmod 777 /data\n', good: 'FROM debian:12-slim\nRUN mkdir /data && chown 1000:0 /data && chmod 775 /data\n' },
        { bad: 'FROM debian:12-slim\nCOPY --chmod=666 app.conf /etc/app/\n', good: 'FROM debian:12-slim\nCOPY --chmod=644 app.conf /etc/app/\n' },
      ],
      fixSafety: 'Without the others\' write bit, a process that runs as a user that is neither the owner nor in the group (an arbitrary UID on OpenShift, a service that drops to nobody) can no longer write there.',
      references: ['https://man7.org/linux/man-pages/man1/chmod.1.html', 'https://docs.docker.com/reference/dockerfile/#copy---chmod'],
    },
  },
  create(ctx) {
    const judge = (word: ShellWord | { start: number; end: number }, mode: string, offset: number, editable: boolean): void => {
      if (grantsOthersWrite(mode) !== true) return;
      const start = word.start + offset;
      const end = start + mode.length;
      const bits = othersBits(mode);
      const fixed = bits !== undefined ? clearOthers(mode, 2) : undefined;
      ctx.report({
        start,
        end,
        messageId: 'worldWritable',
        data: { mode },
        // Only a mode whose text is exactly as written (no quotes, no escapes) is replaced.
        fixes: fixed && editable && ctx.model.text.slice(start, end) === mode ? [{ titleId: 'useMode', data: { mode: fixed }, safety: 'unsafe', edits: [{ start, end, text: fixed }] }] : [],
      });
    };
    const command = (cmd: ShellCommand, instr: Instr): void => {
      const c = commandRunBy(cmd);
      const name = baseName(c);
      if (name === 'chmod') {
        const { flags, operands } = parseArgs(c, CHMOD_VALUE_FLAGS);
        const mode = operands[0];
        if (mode && !flags.some((f) => f.name === 'reference') && !removedLater(operands.slice(1), cmd, instr) && !madeByMkfifo(operands.slice(1), cmd, instr)) judge(mode, mode.value, 0, !mode.quoted);
      } else if (name === 'mkdir' || name === 'install') {
        const opt = modeOption(c);
        const operands = parseArgs(c, ['m', 'mode', 'g', 'group', 'o', 'owner', 'S', 'suffix', 't', 'target-directory', 'Z', 'context']).operands;
        if (opt && !removedLater(name === 'mkdir' ? operands : operands.slice(-1), cmd, instr)) judge(opt.word, opt.mode, opt.offset, !opt.word.quoted);
      }
    };
    const copy = (instr: Instr): void => {
      const flag = instr.flags.find((f) => f.name === 'chmod');
      if (!flag?.value || flag.valueStart === undefined) return;
      judge({ start: flag.valueStart, end: flag.end }, flag.value, 0, true);
    };
    return { instructions: { COPY: copy, ADD: copy }, triggers: { COPY: copy, ADD: copy }, commands: { chmod: command, mkdir: command, install: command } };
  },
});
