import { defineRule } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';
import { isCommand } from '../model/commands';
import { PACKAGE_MANAGERS, removedLater } from '../model/package-managers';
import { commandsAfter, packageCommands } from './support';
import type { ShellCommand, ShellWord } from '../model/shell';
import { officialName } from '../model/image-lifecycle';
import { imageCommand, isEnvironmentImage, rootStage } from '../model/base-images';
import { programName } from '../model/shells';

const TOOLCHAIN = /^(gcc(-\d+)?|g\+\+(-\d+)?|gcc-c\+\+|clang(-\d+)?|make|cmake|build-essential|build-base|autoconf|automake|libtool|git|linux-headers|[\w.+-]+-(dev|devel))$/;
const SDK_IMAGES = new Set(['golang', 'maven', 'gradle', 'rust', 'buildpack-deps']);

function packageName(w: ShellWord): string {
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

export default defineRule({
  meta: {
    id: 'build-toolchain-in-final-stage',
    aliases: {},
    counterparts: {
      tally: ['prefer-multi-stage-build'],
      differences: "Looks at the shipped stage of multi-stage files too, where tally's prefer-multi-stage-build fires only on files with a single stage.",
    },
    category: 'size',
    status: 'preview',
    defaultSeverity: 'warning',
    messages: {
      sdkImage: 'The final stage runs on the {image} SDK image; build in a separate stage and copy the result into a small runtime image',
      buildToolsKept: 'The shipped image keeps build tools ({packages}); compile in a builder stage and copy only the result',
      compilersLeft: 'Removing {package} without --auto-remove leaves the compilers it installed; add --auto-remove (or compile in a builder stage)',
    },
    docs: {
      summary: 'The shipped image carries a build toolchain',
      why: 'Compilers, headers and git are needed to build, not to run. In the final image they add hundreds of megabytes and give an attacker who gets a shell the tools to build exploits. A multi-stage build compiles in a builder stage and copies only the result into a small runtime stage. With apt, removing build-essential (or gcc) without --auto-remove leaves the compilers it pulled in. Images meant to work in or build on keep their toolchain on purpose and are not reported: Dev Containers, `dev`/`dev-envs` targets, and images whose command is a shell or language prompt or that set none (golang, buildpack-deps). Neither are tools the image needs at run time: git the build never runs (a git server, Docker, a CI client), and the compilers of a program that compiles when it runs (distcc, bpftrace). Headers (`-dev` packages) or `make` alone are reported only in a stage that compiles: on their own they are often what the program needs when it runs.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
          good: 'FROM python:3.13-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir -w /wheels -r requirements.txt\n\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nCOPY . .\nCMD ["python", "app.py"]\n',
        },
        { bad: 'FROM golang:1.25\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', good: 'FROM golang:1.25 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const final = model.finalStage;
    if (!final) return;
    // Dev Containers, development targets and toolchain or base images (a shell or language prompt for a command,
    // or none) ship their compilers on purpose.
    if (isEnvironmentImage(final)) return;
    const chain: Stage[] = [];
    for (let s: Stage | undefined = final; s; s = s.parent) chain.push(s);
    // Tools the image runs, not builds with: git that the build never uses (a git server, Docker, a CI runner
    // clone at run time), and the compilers of a program that compiles at run time (distccd, bpftrace).
    const command = (imageCommand(final) ?? []).map(programName);
    const compilesAtRunTime = [...command, ...packagesInstalled(chain)].some((n) => COMPILES_AT_RUN_TIME.has(n));
    const gitAtRunTime = !buildUsesGit(chain);
    const buildTool = (name: string) => (name === 'git' ? !gitAtRunTime : !compilesAtRunTime);
    const base = rootStage(final);
    const sdk = officialName(base.image);
    if (sdk && SDK_IMAGES.has(sdk) && base === final) {
      ctx.report({ start: final.imageStart, end: final.imageEnd, messageId: 'sdkImage', data: { image: sdk } });
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
          ctx.report({
            start: installed[0].start,
            end: installed[0].end,
            messageId: 'buildToolsKept',
            data: { packages: names.join(', ') },
          });
        }
        for (const w of dependenciesLeft) {
          ctx.report({
            start: w.start,
            end: w.end,
            messageId: 'compilersLeft',
            data: { package: packageName(w) },
          });
        }
      }
    }
  },
});
