// What build toolchain the shipped image carries: an SDK image under the final stage, compiler and build-system
// packages its RUNs install and keep. Shared by the rule build-toolchain-in-final-stage (which reports it) and the
// refactoring split-builder-stage (offered where it is found).
import type { DockerfileModel, Instr, Stage } from './dockerfile';
import { commandsAfter, isCommand } from './commands';
import { PACKAGE_MANAGERS, packageCommands, removedLater } from './package-managers';
import type { ShellCommand, ShellWord } from './shell';
import { imageCommand, isEnvironmentImage, rootStage } from './base-images';
import { sdkImageName } from '../data/runtime-bases';
import { programName } from './shells';

/** Packages only a build needs: compilers, build systems, headers, git. */
export const TOOLCHAIN = /^(gcc(-\d+)?|g\+\+(-\d+)?|gcc-c\+\+|clang(-\d+)?|make|cmake|build-essential|build-base|autoconf|automake|libtool|git|linux-headers|[\w.+-]+-(dev|devel))$/;

export function packageName(w: ShellWord): string {
  // [\s\S], not `.`: a value with a line break in it would make `.*$` retry at every operator (quadratic).
  return w.value.replace(/[=<>~][\s\S]*$/, '');
}

/** Compilers and build systems, and git: what only a build needs (headers and make alone may be needed to run). */
const COMPILER = /^(gcc(-\d+)?|g\+\+(-\d+)?|gcc-c\+\+|clang(-\d+)?|cmake|build-essential|build-base|autoconf|automake|libtool|git)$/;

/** A command that compiles: a compiler, a build system, or a language's build of native code (`make` alone also runs task Makefiles). */
function compiles(c: ShellCommand): boolean {
  if (isCommand(c, 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'cmake', 'ninja', 'meson', 'autoreconf', './configure', 'configure', 'phpize', 'docker-php-ext-install')) return true;
  const words = c.args.map((a) => a.value);
  if (isCommand(c, 'pecl')) return words[0] === 'install';
  if (isCommand(c, 'go', 'cargo')) return words[0] === 'build' || words[0] === 'install';
  if (isCommand(c, 'python', 'python3')) return words.includes('setup.py');
  if (isCommand(c, 'pip', 'pip3')) return words[0] === 'wheel';
  return false;
}

/** Programs whose work at run time is compiling (a distcc server, bpftrace): their images need the toolchain. */
const COMPILES_AT_RUN_TIME = new Set(['distcc', 'distccd', 'ccache', 'icecc', 'iceccd', 'bpftrace', 'bpfcc-tools']);

/** Every system package the RUNs of these stages install. */
function packagesInstalled(stages: Stage[]): string[] {
  const names: string[] = [];
  for (const s of stages) {
    for (const i of s.instructions) {
      for (const pc of packageCommands(i)) if (pc.manager.system && pc.action === 'install') names.push(...pc.operands.map(packageName));
    }
  }
  return names;
}

/** The build fetches with git: runs it, or hands a package manager a git URL (`pip install git+https://…`). */
function buildUsesGit(stages: Stage[]): boolean {
  return stages.some((s) => s.instructions.some((i) => i.run?.commands.some((c) => isCommand(c, 'git') || c.args.some((w) => /git\+|git:\/\/|git@/.test(w.value)))));
}

/**
 * Debian packages that only depend on the compilers: `apt-get remove build-essential` leaves gcc, g++ and make,
 * `remove gcc` leaves gcc-12, unless apt also removes what it installed automatically (--auto-remove, autoremove).
 */
const APT_TOOLCHAIN_METAPACKAGES = new Set(['build-essential', 'gcc', 'g++', 'clang', 'llvm']);

interface Left {
  /** Toolchain packages this RUN installs and does not remove again. */
  installed: ShellWord[];
  /** Metapackages removed with apt without --auto-remove: the compilers they pulled in stay. */
  dependenciesLeft: ShellWord[];
}

function toolchainLeft(instr: Instr): Left {
  const cmds = instr.run!.commands;
  const installed: ShellWord[] = [];
  const metapackagesRemoved: ShellWord[] = [];
  let autoRemoves = false;
  for (const pc of packageCommands(instr)) {
    if (!pc.manager.system) continue;
    if (pc.action === 'install') {
      const removed = removedLater(pc, commandsAfter(instr, pc.cmd), cmds);
      installed.push(...pc.operands.filter((w) => TOOLCHAIN.test(packageName(w)) && !removed(w.value)));
    } else if (pc.action === 'remove' && pc.manager === PACKAGE_MANAGERS.apt) {
      // yum and dnf remove unneeded dependencies by default, and apk del removes what only it needed; apt keeps them.
      if (pc.subcommand === 'autoremove' || pc.flags.some((f) => f.name === 'auto-remove' || f.name === 'autoremove')) autoRemoves = true;
      else metapackagesRemoved.push(...pc.operands.filter((w) => APT_TOOLCHAIN_METAPACKAGES.has(packageName(w))));
    }
  }
  // A later `apt-get autoremove` (or a purge with --auto-remove) in the same RUN takes them too.
  return { installed, dependenciesLeft: autoRemoves ? [] : metapackagesRemoved };
}

export interface ToolchainFinding {
  start: number;
  end: number;
  messageId: 'sdkImage' | 'buildToolsKept' | 'compilersLeft';
  data: Record<string, string>;
}

/** Where the image `model` ships keeps a build toolchain (none for environments meant to build in: Dev Containers, toolchain images). */
export function shippedToolchain(model: DockerfileModel): ToolchainFinding[] {
  const out: ToolchainFinding[] = [];
  const final = model.finalStage;
  if (!final) return out;
  // Dev Containers, development targets and toolchain or base images (a shell or language prompt for a command,
  // or none) ship their compilers on purpose.
  if (isEnvironmentImage(final)) return out;
  const chain: Stage[] = [];
  for (let s: Stage | undefined = final; s; s = s.parent) chain.push(s);
  // Tools the image runs, not builds with: git that the build never uses (a git server, Docker, a CI runner
  // clone at run time), and the compilers of a program that compiles at run time (distccd, bpftrace).
  const command = (imageCommand(final) ?? []).map(programName);
  const compilesAtRunTime = [...command, ...packagesInstalled(chain)].some((n) => COMPILES_AT_RUN_TIME.has(n));
  const gitAtRunTime = !buildUsesGit(chain);
  const buildTool = (name: string) => (name === 'git' ? !gitAtRunTime : !compilesAtRunTime);
  const base = rootStage(final);
  const sdk = sdkImageName(base.image);
  if (sdk && base === final) {
    out.push({ start: final.imageStart, end: final.imageEnd, messageId: 'sdkImage', data: { image: sdk } });
  }
  const compilesHere = chain.some((s) => s.instructions.some((i) => i.run?.commands.some(compiles)));
  for (const s of chain) {
    for (const instr of s.instructions) {
      if (!instr.run) continue;
      const left = toolchainLeft(instr);
      const installed = left.installed.filter((w) => buildTool(packageName(w)));
      const dependenciesLeft = left.dependenciesLeft.filter((w) => buildTool(packageName(w)));
      // Headers or make alone are often what the program needs when it runs (a library's unversioned .so, a
      // Makefile of tasks): a toolchain is a compiler or build system, or headers in a stage that compiles.
      if (installed.length && (compilesHere || installed.some((w) => COMPILER.test(packageName(w))))) {
        const names = [...new Set(installed.map(packageName))];
        out.push({
          start: installed[0].start,
          end: installed[0].end,
          messageId: 'buildToolsKept',
          data: { packages: names.join(', ') },
        });
      }
      for (const w of dependenciesLeft) {
        out.push({
          start: w.start,
          end: w.end,
          messageId: 'compilersLeft',
          data: { package: packageName(w) },
        });
      }
    }
  }
  return out;
}
