// Reading shell commands the way the tools themselves read their arguments:
// `-abc` is a, b and c; `--opt=v` and `--opt v` are the same flag; `--` ends the flags.
import type { ShellCommand, ShellWord } from './shell';

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
  const flags: ParsedFlag[] = [];
  const operands: ShellWord[] = [];
  let endOfFlags = false;
  const words = cmd.args;
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
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq >= 0 ? v.slice(2, eq) : v.slice(2);
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

export function isCommand(cmd: ShellCommand, ...names: string[]): boolean {
  return names.includes(baseName(cmd));
}

/** The first operand, which is the subcommand for tools such as apt-get, apk or npm. */
export function subcommand(cmd: ShellCommand, valueFlags: readonly string[] = []): ShellWord | undefined {
  return parseArgs(cmd, valueFlags).operands[0];
}

// apt-get options that take a value (so `-o Dpkg::Options::=x install` finds `install`).
export const APT_VALUE_FLAGS = ['o', 'c', 't', 'option', 'config-file', 'target-release', 'default-release'];

/** `apt-get install …` (and `apt install`), with the install word located. */
export function aptInstall(cmd: ShellCommand): ShellWord | undefined {
  if (!isCommand(cmd, 'apt-get', 'apt')) return undefined;
  const sub = subcommand(cmd, APT_VALUE_FLAGS);
  return sub && sub.value === 'install' ? sub : undefined;
}

export function aptUpdate(cmd: ShellCommand): boolean {
  if (!isCommand(cmd, 'apt-get', 'apt', 'aptitude')) return false;
  return subcommand(cmd, APT_VALUE_FLAGS)?.value === 'update';
}

/**
 * `pip install …`, `pip3 install …`, `python3 -m pip install …`: the `install` word, or undefined.
 * pipx and pipenv are different tools and do not count.
 */
export function pipInstall(cmd: ShellCommand): ShellWord | undefined {
  const name = baseName(cmd);
  if (/^pip[0-9.]*$/.test(name)) {
    const sub = subcommand(cmd, ['r', 'c', 'i', 't', 'requirement', 'constraint', 'index-url', 'target', 'prefix', 'root', 'python', 'log', 'cache-dir']);
    return sub?.value === 'install' ? sub : undefined;
  }
  if (/^python[0-9.]*$/.test(name)) {
    const words = cmd.args;
    const m = words.findIndex((w) => w.value === '-m');
    if (m >= 0 && words[m + 1]?.value === 'pip' && words[m + 2]?.value === 'install') return words[m + 2];
  }
  return undefined;
}

/** `apk add …`: the `add` word, or undefined. */
export function apkAdd(cmd: ShellCommand): ShellWord | undefined {
  if (!isCommand(cmd, 'apk')) return undefined;
  const sub = subcommand(cmd, ['t', 'virtual', 'repository', 'X', 'p', 'root', 'keys-dir', 'arch', 'cache-dir']);
  return sub?.value === 'add' ? sub : undefined;
}

/** `yarn install`, or a bare `yarn` (which installs): the word to point at. */
export function yarnInstall(cmd: ShellCommand): ShellWord | undefined {
  if (!isCommand(cmd, 'yarn')) return undefined;
  const sub = subcommand(cmd);
  if (!sub) return cmd.nameWord;
  return sub.value === 'install' ? sub : undefined;
}

// RPM tools (yum, dnf, microdnf) and zypper: options that take a value, and the subcommand with its operands.
export const RPM_VALUE_FLAGS = ['c', 'd', 'e', 'R', 'x', 'config', 'exclude', 'installroot', 'releasever', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'debuglevel', 'errorlevel', 'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity'];
export const ZYPPER_VALUE_FLAGS = ['r', 'repo', 'c', 'config', 'R', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 't', 'type', 'from', 'p', 'plus-repo', 'download'];

/** `tool <sub> operands…` when `cmd` is one of `tools` and its subcommand is one of `subs`. */
export function toolSubcommand(cmd: ShellCommand, tools: readonly string[], subs: readonly string[], valueFlags: readonly string[]): { sub: ShellWord; operands: ShellWord[] } | undefined {
  if (!isCommand(cmd, ...tools)) return undefined;
  const { operands } = parseArgs(cmd, valueFlags);
  const sub = operands[0];
  if (!sub || !subs.includes(sub.value)) return undefined;
  return { sub, operands: operands.slice(1) };
}

/** Every flag of `cmd` after parsing with `valueFlags`, by name. */
export function flagNames(cmd: ShellCommand, valueFlags: readonly string[] = []): Set<string> {
  return new Set(parseArgs(cmd, valueFlags).flags.map((f) => f.name));
}
