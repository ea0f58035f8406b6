// What a container starts and whether starting it as root is the design rather than an oversight: images whose
// entrypoint gives up root (gosu, su-exec…), servers that run their work as a user of their own, images that open a
// shell or an interpreter prompt (base and toolbox images: whoever builds on them or runs them picks the user),
// development environments, Windows and WebAssembly images. Shared by the rules about the user an image runs as.
import type { FileAccess } from '../rule';
import type { DockerfileModel, Instr, Stage } from './dockerfile';
import { parseShell, type ShellCommand } from './shell';
import { distroFamily, isDevEnvironmentStage, officialImageStart, rootStage } from './base-images';
import { POSIX_SHELL_NAMES, programName } from './shells';

// Tools an entrypoint uses to drop from root to another user before it runs the real process, and s6-overlay,
// the init that starts each service as the user its run script names.
const STEP_DOWN_TOOLS = new Set(['gosu', 'su-exec', 'setpriv', 's6-setuidgid']);
// (A package spec may follow the name with its version constraint: `apk add 'su-exec>=0.2'`.)
const STEP_DOWN_WORD = /(^|[/\s"'])(gosu|su-exec|setpriv|s6-setuidgid)(-[\w.$-]*)?($|[\s"';&|<>=~])|s6-overlay/;

// Servers that start as root (to bind ports below 1024, or to serve logins) and do their work as the unprivileged
// user their configuration names: nginx's and Apache's workers, php-fpm's pools, sshd's and smbd's sessions.
const PRIVILEGE_SEPARATING_SERVER = /^(nginx|openresty|httpd|httpd-foreground|apache2|apache2-foreground|apachectl|lighttpd|php-fpm[0-9.]*|sshd|postfix|dovecot|smbd|squid|named|dnsmasq|vsftpd|proftpd)$/;

// Interpreters that open a prompt when started without a script (shells come from the table of shells).
const INTERPRETER = /^(python[0-9.]*|node|nodejs|irb|php[0-9.]*|jshell|ghci|iex|erl|julia|r|lua[0-9.]*|pwsh|powershell|deno|bun)$/;

// Entrypoints that run their arguments (the CMD) as the real process: init shims and `docker-entrypoint.sh` style
// scripts, which by convention end in `exec "$@"`.
const INIT_SHIM = /^(tini|tini-static|dumb-init|catatonit)$/;
const WRAPPER_SCRIPT = /entrypoint|\.sh$/;

/** One command the container runs at start, as words: `["nginx", "-g", "daemon off;"]`. */
export type StartCommand = string[];

/** The words of a CMD or ENTRYPOINT: the JSON list, or the commands of a shell form. Undefined when unreadable. */
function instructionCommands(model: DockerfileModel, instr: Instr): StartCommand[] | undefined {
  if (!instr.args.length) return [];
  if (instr.execForm) {
    const argv = jsonArgv(instr);
    if (!argv) return undefined;
    if (!argv.length) return [];
    const shell = argv[0] !== undefined && POSIX_SHELL_NAMES.has(programName(argv[0]));
    const c = argv.indexOf('-c');
    if (!shell || c < 0 || argv[c + 1] === undefined) return [argv];
    return shellCommands(argv[c + 1]);
  }
  return shellCommands(model.text.slice(instr.args[0].start, instr.args[instr.args.length - 1].end));
}

/** The JSON list of an exec-form instruction (`[]` included). */
function jsonArgv(instr: Instr): string[] | undefined {
  try {
    const argv: unknown = JSON.parse(instr.args.map((a) => a.value).join(' '));
    return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}

function shellCommands(script: string): StartCommand[] {
  const words = (c: ShellCommand) => [c.name, ...c.args.map((a) => a.value)];
  return parseShell(script, 0).commands.map(words).map((w) => (w[0] === 'exec' ? w.slice(1) : w)).filter((w) => w.length > 0);
}

function lastInChain(stage: Stage, keyword: string): Instr | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const found = s.instructions.filter((i) => i.keyword === keyword);
    if (found.length) return found[found.length - 1];
  }
  return undefined;
}

/**
 * The commands the final process comes from, in order: the ENTRYPOINT, or the CMD when the ENTRYPOINT only wraps it
 * (an init shim, an entrypoint script). From the Dockerfile, else from the base image when the engine knows how
 * it starts. Undefined when unknown.
 */
export function startCommands(model: DockerfileModel, stage: Stage): { commands: StartCommand[]; fromImage: boolean; stepsDown: boolean } | undefined {
  const entrypoint = lastInChain(stage, 'ENTRYPOINT');
  const cmd = lastInChain(stage, 'CMD');
  if (!entrypoint && !cmd) {
    const start = officialImageStart(rootStage(stage).image);
    return start && { commands: start.command.length ? [start.command] : [], fromImage: true, stepsDown: !!start.stepsDown };
  }
  const cmdCommands = cmd ? instructionCommands(model, cmd) : [];
  let entry = entrypoint ? instructionCommands(model, entrypoint) : [];
  if (!entry || !cmdCommands) return undefined;
  // A JSON ENTRYPOINT that only wraps: skip the shim and its options, then a wrapper script; what is left runs the CMD.
  if (entrypoint?.execForm && entry.length === 1) {
    let argv = entry[0];
    if (argv.length && INIT_SHIM.test(programName(argv[0]))) {
      argv = argv.slice(1);
      while (argv.length && argv[0].startsWith('-')) {
        const end = argv[0] === '--';
        argv = argv.slice(1);
        if (end) break;
      }
    }
    if (argv.length === 1 && WRAPPER_SCRIPT.test(programName(argv[0]))) argv = [];
    entry = argv.length ? [argv] : [];
  }
  // Docker appends the CMD to a JSON ENTRYPOINT; a shell-form ENTRYPOINT ignores it.
  if (entry.length && entrypoint?.execForm) return { commands: entry.length === 1 ? [[...entry[0], ...cmdCommands.flat()]] : entry, fromImage: false, stepsDown: false };
  if (entry.length) return { commands: entry, fromImage: false, stepsDown: false };
  return { commands: cmdCommands, fromImage: false, stepsDown: false };
}

/** A shell or an interpreter started without a script or `-c`: it opens a prompt. */
function opensPrompt(command: StartCommand): boolean {
  const name = programName(command[0] ?? '');
  if (!POSIX_SHELL_NAMES.has(name) && !INTERPRETER.test(name)) return false;
  return command.slice(1).every((w) => w.startsWith('-') && w !== '-c' && w !== '-e' && w !== '-m');
}

/** `gosu app …`, `su-exec`, `setpriv --reuid`, `s6-setuidgid`, `chroot --userspec=… / …`. */
function stepsDown(command: StartCommand): boolean {
  const name = programName(command[0] ?? '');
  return STEP_DOWN_TOOLS.has(name) || (name === 'chroot' && command.some((w) => w.startsWith('--userspec')));
}

/** The stage (or a stage it is built FROM) installs, copies in or uses a tool that gives up root at run time. */
function installsStepDown(stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (const instr of s.instructions) {
      if (instr.run) {
        for (const c of instr.run.commands) {
          if (stepsDown([c.name, ...c.args.map((a) => a.value)])) return true;
          if (STEP_DOWN_WORD.test(c.name) || c.args.some((a) => STEP_DOWN_WORD.test(a.value))) return true;
        }
      } else if ((instr.keyword === 'COPY' || instr.keyword === 'ADD' || instr.keyword === 'ENV') && instr.args.some((a) => STEP_DOWN_WORD.test(a.value) || /^GOSU_VERSION\b/.test(a.value))) return true;
    }
  }
  return false;
}

/** A WebAssembly image: built for the wasi/wasm platform, or a scratch image that starts a `.wasm` module. */
function isWasm(stage: Stage, commands: StartCommand[] | undefined): boolean {
  const root = rootStage(stage);
  if (/wasi|wasm/i.test(stage.platform ?? '') || /wasi|wasm/i.test(root.platform ?? '')) return true;
  return root.image.name === 'scratch' && !!commands?.some((c) => /\.wasm$/i.test(c[0] ?? ''));
}

/**
 * Why a container of this stage starting as root is by design, in a few words; undefined when nothing says so.
 * `files` are the files beside the Dockerfile (a devcontainer.json there makes it a Dev Container's).
 */
export function rootByDesign(model: DockerfileModel, stage: Stage, files?: FileAccess): string | undefined {
  if (isDevEnvironmentStage(stage, files)) return 'a development environment: the editor or the tool that opens it picks the user';
  const base = rootStage(stage).image;
  if (!base.unresolved.length && distroFamily(base) === 'windows') return 'a Windows image: USER names a Windows account';
  const start = startCommands(model, stage);
  if (isWasm(stage, start?.commands)) return 'a WebAssembly module: the runtime, not a Unix user, confines it';
  if (start?.stepsDown || start?.commands.some(stepsDown) || installsStepDown(stage)) return 'its entrypoint gives up root (gosu, su-exec, setpriv, s6) before it starts the service';
  if (!start) return 'neither this file nor the engine knows what it starts';
  const last = start.commands[start.commands.length - 1];
  if (!last) return undefined;
  if (start.commands.length === 1 && opensPrompt(last)) return 'it opens a shell or interpreter prompt: a base or toolbox image, whose users pick the user';
  if (PRIVILEGE_SEPARATING_SERVER.test(programName(last[0] ?? ''))) return `${programName(last[0])} starts as root and runs its work as the user its configuration names`;
  return undefined;
}

/** The USER an official image sets itself (wordpress:cli, docker:dind-rootless), which the engine knows. */
export function imageUser(stage: Stage): string | undefined {
  return officialImageStart(rootStage(stage).image)?.user;
}
