// The shells Dockwise knows, in one table: which names run a POSIX script, which dialect ShellCheck should
// use for them, whether they have `set -o pipefail`, and how to join two commands so the second runs only
// when the first succeeded. Every rule and the model ask here, never keep a list of their own.
import type { Instr, Stage } from './dockerfile';
import type { DistroFamily } from './base-images';

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'unknown';

export interface ShellFacts {
  kind: ShellKind;
  /** ShellCheck's dialect for a POSIX shell. */
  dialect?: 'sh' | 'dash' | 'bash' | 'ksh';
  /** `set -o pipefail` exists. For `sh` it depends on what /bin/sh is (dash on Debian has none). */
  pipefail: boolean | 'depends';
  /**
   * What joins two commands so the second runs only after the first succeeded; undefined when there is no
   * such operator Dockwise can rely on. Windows PowerShell 5.1 has no `&&`: its `;` runs on, so a merge under
   * it only keeps the meaning when every command stops the script on failure ($ErrorActionPreference = 'Stop').
   */
  andThen?: string;
  /** What runs the next command whatever the first did (`;`, cmd's `&`); undefined when Dockwise knows none. */
  separator?: string;
  /**
   * Which command of `-c script` replaces the shell (exec without fork) when no trap is set, so that program is
   * PID 1 and gets the signals: BusyBox ash does it for the last command, bash when the script is one simple
   * command. Debian's dash patches this out, so there the shell stays PID 1. Undefined when it never happens or
   * is not known.
   */
  execsFromScript?: 'last' | 'single';
}

const POSIX_SHELLS: Record<string, ShellFacts> = {
  sh: { kind: 'posix', dialect: 'sh', pipefail: 'depends', andThen: '&&', separator: ';' },
  ash: { kind: 'posix', dialect: 'sh', pipefail: true, andThen: '&&', separator: ';', execsFromScript: 'last' },
  dash: { kind: 'posix', dialect: 'dash', pipefail: false, andThen: '&&', separator: ';' },
  bash: { kind: 'posix', dialect: 'bash', pipefail: true, andThen: '&&', separator: ';', execsFromScript: 'single' },
  zsh: { kind: 'posix', pipefail: true, andThen: '&&', separator: ';' },
  ksh: { kind: 'posix', dialect: 'ksh', pipefail: true, andThen: '&&', separator: ';' },
  mksh: { kind: 'posix', dialect: 'ksh', pipefail: true, andThen: '&&', separator: ';' },
};

/** Names (without directory or `.exe`) of programs that run a POSIX shell script given with `-c` or on stdin. */
export const POSIX_SHELL_NAMES: ReadonlySet<string> = new Set(Object.keys(POSIX_SHELLS));

/**
 * Words only a shell can run: its builtins with no program of that name in an image (`cd`, `exec`, `export`, `.`)
 * and its reserved words. Without a shell (`CMD ["cd", "/app"]`) they cannot start.
 */
export const SHELL_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  '.', ':', 'alias', 'bg', 'break', 'cd', 'command', 'continue', 'eval', 'exec', 'exit', 'export', 'fg', 'getopts', 'hash',
  'jobs', 'local', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'times', 'trap', 'type', 'ulimit', 'umask',
  'unalias', 'unset', 'wait',
  '!', '{', '}', '[[', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while',
]);

/**
 * Builtins that leave state behind in the shell that runs them (directory, variables, options, traps, limits,
 * aliases) or replace it (`exec`): commands after them in the same shell run differently, so two RUNs joined
 * into one shell do not mean what they meant apart.
 */
export const STATE_CHANGING_BUILTINS: readonly string[] = ['cd', 'pushd', 'popd', 'export', 'set', 'source', '.', 'umask', 'shopt', 'alias', 'unset', 'ulimit', 'trap', 'exec'];

/** The program name without its directory, `.exe` or letter case: `C:\\Windows\\cmd.exe` is `cmd`. */
export function programName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase().replace(/\.exe$/, '');
}

/**
 * What a shell command line is: `["/bin/bash", "-o", "pipefail", "-c"]`, `["busybox", "sh", "-c"]` (BusyBox
 * runs its applet named by the first word), `["powershell", "-Command"]`, `["cmd", "/S", "/C"]`.
 */
export function shellFacts(argv: readonly string[]): ShellFacts {
  let name = programName(argv[0] ?? '');
  if (name === 'busybox' && argv[1] !== undefined) name = programName(argv[1]);
  const posix = POSIX_SHELLS[name];
  if (posix) return posix;
  if (name === 'powershell' || name === 'pwsh') return { kind: 'powershell', pipefail: false, andThen: name === 'pwsh' ? '&&' : undefined, separator: ';' };
  if (name === 'cmd') return { kind: 'cmd', pipefail: false, andThen: '&&', separator: '&' };
  return { kind: 'unknown', pipefail: false };
}

/** The shell name a command invokes when it is a POSIX shell (`bash`, `/bin/sh`, `busybox sh`), else undefined. */
export function invokedShell(name: string, args: readonly { value: string }[]): string | undefined {
  const base = programName(name);
  if (POSIX_SHELL_NAMES.has(base)) return base;
  if (base === 'busybox' && args[0] && POSIX_SHELL_NAMES.has(programName(args[0].value))) return programName(args[0].value);
  return undefined;
}

/** The argument list of a SHELL instruction, or undefined when its JSON does not parse as strings. */
export function shellInstructionArgv(shell: Instr): string[] | undefined {
  try {
    const argv: unknown = JSON.parse(shell.args.map((a) => a.value).join(' '));
    return Array.isArray(argv) && argv.length > 0 && argv.every((a) => typeof a === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SHELL instruction in effect for `instr`: the last SHELL before it in its stage, else the last one in the
 * stages it is built FROM. Undefined when none is set (the image's default: `/bin/sh -c`, or `cmd /S /C` on Windows).
 */
export function shellInstructionFor(stage: Stage | null, instr: Instr): Instr | undefined {
  for (let s: Stage | undefined = stage ?? undefined; s; s = s.parent) {
    let last: Instr | undefined;
    for (const i of s.instructions) {
      if (s === stage && i.start >= instr.start) break;
      if (i.keyword === 'SHELL') last = i;
    }
    if (last) return last;
  }
  return undefined;
}

/** The shell command line that runs `instr` when it is in shell form: its SHELL's, else `defaultShell`. */
export function shellArgvFor(stage: Stage | null, instr: Instr, defaultShell: readonly string[] = ['/bin/sh', '-c']): string[] | undefined {
  const shell = shellInstructionFor(stage, instr);
  return shell ? shellInstructionArgv(shell) : [...defaultShell];
}

/**
 * What /bin/sh is on images of a distro family: dash on Debian and Ubuntu, BusyBox ash on Alpine and Wolfi, bash
 * on the RHEL family. Undefined when it is not known.
 */
export function binShOf(family: DistroFamily): 'dash' | 'ash' | 'bash' | undefined {
  switch (family) {
    case 'debian': return 'dash';
    case 'alpine':
    case 'wolfi': return 'ash';
    case 'rhel': return 'bash';
    default: return undefined;
  }
}

/** Which command of a `/bin/sh -c` script replaces the shell on images of `family` (see ShellFacts). */
export function binShExecsFromScript(family: DistroFamily): ShellFacts['execsFromScript'] {
  const sh = binShOf(family);
  return sh && POSIX_SHELLS[sh].execsFromScript;
}

/** Whether the shell command line `argv` has `set -o pipefail` on an image of `family` (`sh` is what /bin/sh is there). */
export function pipefailAvailable(argv: readonly string[], family: DistroFamily): boolean {
  const { pipefail } = shellFacts(argv);
  if (pipefail !== 'depends') return pipefail;
  const sh = binShOf(family);
  return sh !== undefined && POSIX_SHELLS[sh].pipefail === true;
}

/**
 * Programs that start the command after them as PID 1's child or replacement (after their own options): init shims,
 * `env`, `exec`, `nohup`; and those that take a user first (gosu, su-exec). Read to find the program a container runs.
 */
export const COMMAND_WRAPPERS: ReadonlySet<string> = new Set(['tini', 'dumb-init', 'catatonit', 'env', 'exec', 'nohup']);
export const USER_SWITCHING_WRAPPERS: ReadonlySet<string> = new Set(['gosu', 'su-exec']);

