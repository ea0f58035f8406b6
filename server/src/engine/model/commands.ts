// Reading shell commands the way the tools themselves read their arguments:
// `-abc` is a, b and c; `--opt=v` and `--opt v` are the same flag; `--` ends the flags.
import type { ShellCommand, ShellWord } from './shell';
import type { Instr } from './dockerfile';

export interface ParsedFlag { name: string; word: ShellWord; value?: string; long: boolean }

export interface ParsedArgs {
  flags: ParsedFlag[];
  /** Operands: words that are not flags nor values of flags listed in `valueFlags`. */
  operands: ShellWord[];
}

/**
 * Splits a command's words into flags and operands. `valueFlags` names flags (without dashes) that
 * take the following word as their value when not written as `--flag=value`.
 */
export function parseArgs(cmd: ShellCommand, valueFlags: readonly string[] = []): ParsedArgs {
  return parseWords(cmd.args, valueFlags);
}

/**
 * parseArgs over any list of words. With `singleDashLong`, `-name` is one long option as Go's flag package
 * reads it (`go build -ldflags x`), not the letters n, a, m, e.
 */
export function parseWords(words: readonly ShellWord[], valueFlags: readonly string[] = [], singleDashLong = false): ParsedArgs {
  const flags: ParsedFlag[] = [];
  const operands: ShellWord[] = [];
  let endOfFlags = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (endOfFlags || w.quoted || v === '-' || !v.startsWith('-')) {
      operands.push(w);
      continue;
    }
    if (v === '--') {
      endOfFlags = true;
      continue;
    }
    if (v.startsWith('--') || singleDashLong) {
      const eq = v.indexOf('=');
      const dashes = v.startsWith('--') ? 2 : 1;
      const name = eq >= 0 ? v.slice(dashes, eq) : v.slice(dashes);
      let value = eq >= 0 ? v.slice(eq + 1) : undefined;
      if (value === undefined && valueFlags.includes(name) && i + 1 < words.length) value = words[++i].value;
      flags.push({ name, word: w, value, long: true });
      continue;
    }
    const letters = v.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const name = letters[j];
      if (valueFlags.includes(name)) {
        // `-tvalue` or `-t value`
        let value = letters.slice(j + 1);
        if (!value && i + 1 < words.length) value = words[++i].value;
        flags.push({ name, word: w, value, long: false });
        break;
      }
      flags.push({ name, word: w, long: false });
    }
  }
  return { flags, operands };
}

export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  return parseArgs(cmd).flags.some((f) => names.includes(f.name));
}

export function hasOperand(cmd: ShellCommand, ...values: string[]): boolean {
  return parseArgs(cmd).operands.some((w) => values.includes(w.value));
}

/** The command name without its directory, so `/usr/bin/apt-get` is `apt-get`. */
export function baseName(cmd: ShellCommand): string {
  const i = cmd.name.lastIndexOf('/');
  return i >= 0 ? cmd.name.slice(i + 1) : cmd.name;
}

/** A Python interpreter's name: `python`, `python3`, `python3.12`. */
export function isPythonName(name: string): boolean {
  return /^python[\d.]*$/.test(name);
}

/** The words a `python -m pip …` hands pip (after `-m pip`); undefined for a python that runs something else. */
export function pythonPipWords(cmd: ShellCommand): ShellWord[] | undefined {
  const words = cmd.args;
  const m = words.findIndex((w) => w.value === '-m');
  return m >= 0 && words[m + 1]?.value === 'pip' ? words.slice(m + 2) : undefined;
}

export function isCommand(cmd: ShellCommand, ...names: string[]): boolean {
  return names.includes(baseName(cmd));
}

/** The first operand, which is the subcommand for tools such as apt-get, apk or npm. */
export function subcommand(cmd: ShellCommand, valueFlags: readonly string[] = []): ShellWord | undefined {
  return parseArgs(cmd, valueFlags).operands[0];
}

// Programs that run the command named by their operands: `xargs -r apt-get install`, `sudo apk add`,
// `env DEBIAN_FRONTEND=noninteractive apt-get install`. Their options that take a value:
const WRAPPERS: Record<string, readonly string[]> = {
  xargs: ['a', 'arg-file', 'd', 'delimiter', 'E', 'I', 'L', 'max-lines', 'n', 'max-args', 'P', 'max-procs', 's', 'max-chars', 'process-slot-var'],
  sudo: ['u', 'user', 'g', 'group', 'C', 'close-from', 'D', 'chdir', 'p', 'prompt', 'r', 'role', 't', 'type', 'U', 'other-user', 'T', 'command-timeout'],
  env: ['u', 'unset', 'C', 'chdir', 'S', 'split-string'],
};

/**
 * The command `cmd` runs: for `xargs -r apt-get install` the `apt-get install` part (same offsets, same
 * pipeline), for any other command `cmd` itself.
 */
export function commandRunBy(cmd: ShellCommand): ShellCommand {
  let current = cmd;
  for (let depth = 0; depth < 4; depth++) {
    const valueFlags = WRAPPERS[baseName(current)];
    if (!valueFlags) return current;
    const words = current.args;
    let i = 0;
    for (; i < words.length; i++) {
      const v = words[i].value;
      if (words[i].quoted || !v.startsWith('-')) {
        if (baseName(current) === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
        break;
      }
      if (v === '--') { i++; break; }
      const long = v.startsWith('--');
      const name = long ? v.slice(2) : v.slice(-1);
      if (!v.includes('=') && valueFlags.includes(name) && (long || v.length === 2)) i++;
    }
    const inner = words[i];
    if (!inner) return current;
    current = { ...current, name: inner.value, nameWord: inner, args: words.slice(i + 1), start: inner.start };
  }
  return current;
}

/** Commands after `cmd` in the same RUN (source order). */
export function commandsAfter(instr: Instr, cmd: ShellCommand): ShellCommand[] {
  const cmds = instr.run?.commands ?? [];
  const i = cmds.indexOf(cmd);
  return i < 0 ? [] : cmds.slice(i + 1);
}
