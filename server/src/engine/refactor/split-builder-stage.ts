// Split into a builder stage: the shipped stage that builds on a toolchain (an SDK image, compilers it installs)
// becomes a builder, and a new final stage on the matching runtime base copies only the build output. Offered where
// build-toolchain-in-final-stage reports the final stage; the result no longer carries the toolchain.
import { applyEdits } from '../fix/apply';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand, parseArgs } from '../model/commands';
import { packageCommand } from '../model/package-managers';
import type { ShellCommand } from '../model/shell';
import { distroFamily, systemRelease } from '../model/base-images';
import { officialName } from '../model/image-lifecycle';
import { createdUser } from '../model/users';
import { join, normalize } from '../model/paths';
import { packageName, shippedToolchain, TOOLCHAIN } from '../model/toolchain';
import { packageCommands } from '../rules/support';
import {
  DEBIAN_CODENAMES, DEFAULT_DEBIAN_RELEASE, DOTNET_RUNTIME, GO_RUNTIME, JAVA_RUNTIME, JDK_MAJOR_IN_TAG, SLIM_VARIANTS, sdkImageName,
} from '../data/runtime-bases';
import { recordedSize } from '../data/image-sizes';
import { defineStrings, speaker } from '../i18n/catalog';
import type { OffsetEdit } from '../types';
import { defineRefactoring, type RefactorContext, type RefactorOffer, type RefactorQuestion } from './types';

const ID = 'split-builder-stage';

const STRINGS = defineStrings({
  'refactor.split-builder-stage.title': 'Split into a builder stage and a runtime stage on {image}',
  'refactor.split-builder-stage.titleSaves': 'Split into a builder stage and a runtime stage on {image} (about {mb} MB smaller)',
  'refactor.split-builder-stage.titlePlain': 'Split into a builder stage and a runtime stage',
  'refactor.split-builder-stage.fromStage': 'the final stage is built FROM the stage {stage}, whose toolchain it inherits: split where the build happens',
  'refactor.split-builder-stage.variable': 'its image is set by {variables}, so the runtime image to match it is not known',
  'refactor.split-builder-stage.unknownBuild': 'no build output of {image} is known here (`go build`, `cargo build`, `dotnet publish`, Maven or Gradle on a JDK release its tag names)',
  'refactor.split-builder-stage.nothingToCopy': 'no folder of the build to copy: the files are copied to / (set a WORKDIR for the app first)',
  'refactor.split-builder-stage.global': 'Packages the build stage installs globally (`npm install -g`) are not copied: install them again in the runtime stage if the command needs them (pm2, serve).',
  'refactor.split-builder-stage.question': 'Which paths of the build stage does the runtime stage on {image} need?',
  'refactor.split-builder-stage.gone': 'The final stage no longer builds on a toolchain: there is nothing to split',
  'refactor.split-builder-stage.noAnswer': 'Pick the paths the runtime stage copies from the build stage (the question of this refactoring): none was given',
  'refactor.split-builder-stage.copies': 'The runtime stage copies {paths} from the `{stage}` stage to the same paths, so the command stays as it was.',
  'refactor.split-builder-stage.movedTo': '{path} (to {to})',
  'refactor.split-builder-stage.nonroot': 'Distroless `nonroot` runs the program as user 65532 where the file sets no USER: check it needs no root (ports below 1024, files owned by root).',
  'refactor.split-builder-stage.healthcheck': 'The HEALTHCHECK runs `{program}`: slim and distroless images such as {image} may not have it; install it in the runtime stage or probe another way.',
  'refactor.split-builder-stage.check': 'Check that the program needs nothing else the build stage had and {image} lacks: files it reads at run time, native libraries, tools its scripts call.',
  'refactor.split-builder-stage.packages': 'The build stage installs {packages}, which the runtime stage does not; install the ones the program needs when it runs in the runtime stage.',
  'refactor.split-builder-stage.yarn': 'yarn has no prune: the devDependencies the build stage installed ship too, unless it installs them again with `--production` after the build.',
  'refactor.split-builder-stage.node': 'The build stage removes the devDependencies after the build (`{prune}`); native modules compiled there run on {image}, which is built on the same system release as the builder.',
  'refactor.split-builder-stage.python': 'pip installs into /install in the build stage (`--prefix=/install`), and the runtime stage copies it to /usr/local, where {image} has its Python; a package that loads a system library (libpq for psycopg2) needs that library (not its -dev package) installed in the runtime stage.',
  'refactor.split-builder-stage.venv': 'The runtime stage copies the virtual environment whole; its python links to /usr/local/bin, where {image} has the same Python. A package that loads a system library (libpq for psycopg2) needs that library installed in the runtime stage.',
  'refactor.split-builder-stage.goCgo': 'The binary is built with cgo (CGO_ENABLED is not 0), so it runs on {image} with glibc; build with CGO_ENABLED=0 to ship on distroless/static instead.',
  'refactor.split-builder-stage.java': 'The runtime stage runs the jar on the Java runtime (JRE) of the same major release.',
  'refactor.split-builder-stage.generic': 'The runtime stage is on the builder\'s own image without the packages the build installed.',
});

/** Instructions that only describe the image (no file of the build depends on them): they move to the runtime stage. */
const RUNTIME_ONLY = new Set(['EXPOSE', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'LABEL', 'STOPSIGNAL', 'VOLUME']);
/** Instructions that set up the environment of the build and of the program alike: the runtime stage repeats them. */
const ENVIRONMENT = new Set(['ENV', 'WORKDIR', 'USER', 'ARG']);
/** Instructions that put files into the image. */
const BUILDS = new Set(['RUN', 'COPY', 'ADD']);

type Ecosystem = 'node' | 'go' | 'maven' | 'gradle' | 'python' | 'rust' | 'dotnet' | 'generic';

interface Plan {
  ecosystem: Ecosystem;
  /** The runtime stage's image. */
  runtime: string;
  /** MB the image gets smaller, when both sizes are recorded. */
  saves?: number;
  /** Absolute paths (a glob's folder ends in `/`) the runtime stage copies to the same place; undefined: asked. */
  copies?: string[];
  /** Copies to another place (pip's /install to /usr/local). */
  moved?: Array<{ from: string; to: string }>;
  candidates: string[];
  /** Edits inside the builder's instructions; lines appended at its end. */
  builderEdits: OffsetEdit[];
  builderAppend: string[];
  notes: string[];
}

// --- Reading the stage -------------------------------------------------------------------------------------------

/** The WORKDIR in effect before `stage.instructions[index]`: '/' without one, undefined when a variable sets it. */
function workdirBefore(stage: Stage, index: number): string | undefined {
  let dir = '/';
  for (const i of stage.instructions.slice(0, index)) {
    if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
    const w = i.args[0].value;
    if (w.includes('$')) return undefined;
    dir = normalize(w.startsWith('/') ? w : join(dir, w));
  }
  return dir;
}

function absolute(path: string, dir: string | undefined): string | undefined {
  if (path.includes('$')) return undefined;
  if (path.startsWith('/')) return normalize(path);
  return dir === undefined ? undefined : normalize(join(dir, path));
}

function commandList(instr: Instr): ShellCommand[] {
  return instr.run?.commands ?? [];
}

/** Every command the stage's RUNs run, with its RUN. */
function commandsOf(stage: Stage): Array<{ instr: Instr; cmd: ShellCommand }> {
  return stage.instructions.flatMap((instr) => commandList(instr).map((cmd) => ({ instr, cmd })));
}

/** The value of flag `names` of a command (`-o PATH`, `-o=PATH`, `--output PATH`). */
function flagValue(words: readonly string[], ...names: string[]): string | undefined {
  for (let k = 0; k < words.length; k++) {
    for (const n of names) {
      if (words[k] === n && k + 1 < words.length) return words[k + 1];
      if (words[k].startsWith(`${n}=`)) return words[k].slice(n.length + 1);
    }
  }
  return undefined;
}

/** The words of the image's command (ENTRYPOINT and CMD of the stage), for the paths it names. */
function commandWords(stage: Stage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT').flatMap((i) => {
    if (i.execForm) {
      try {
        const argv: unknown = JSON.parse(i.args.map((a) => a.value).join(' '));
        if (Array.isArray(argv)) return argv.map(String);
      } catch { /* read as words */ }
    }
    return i.args.map((a) => a.value);
  });
}

/** A stage the runtime cannot start without a shell for: a shell-form command, or a RUN it repeats. */
function needsShell(stage: Stage, repeated: readonly Instr[]): boolean {
  if (repeated.some((i) => i.keyword === 'RUN')) return true;
  return stage.instructions.some((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'HEALTHCHECK') && !i.execForm && !/^\s*NONE\b/i.test(i.args[0]?.value ?? ''));
}

/** A RUN that only creates users and groups: the runtime stage repeats it, so its USER exists there too. */
function createsUsersOnly(instr: Instr): boolean {
  const cmds = instr.run?.commands ?? [];
  return cmds.length > 0 && cmds.some((c) => createdUser(c)) && cmds.every((c) => isCommand(c, 'useradd', 'adduser', 'groupadd', 'addgroup'));
}

function debianOf(stage: Stage): number {
  const r = systemRelease(stage);
  return r?.distro === 'debian' && DEBIAN_CODENAMES[r.version] ? r.version : DEFAULT_DEBIAN_RELEASE.version;
}

/** Candidate paths the runtime may need, from the file: `-o` outputs, COPY destinations, WORKDIRs. */
function candidatePaths(stage: Stage): string[] {
  const out: string[] = [];
  stage.instructions.forEach((instr, index) => {
    const dir = workdirBefore(stage, index);
    if (instr.keyword === 'WORKDIR' && instr.args[0]) out.push(absolute(instr.args[0].value, dir) ?? '');
    if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flags.some((f) => f.name === 'from') && instr.args.length > 1) {
      out.push(absolute(instr.args[instr.args.length - 1].value, dir) ?? '');
    }
    if (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') out.push(...commandWords(stage).filter((w) => /^\/[\w./-]+$/.test(w)));
    for (const cmd of commandList(instr)) {
      const o = flagValue(cmd.args.map((a) => a.value), '-o', '--output');
      if (o) out.push(absolute(o, dir) ?? '');
    }
  });
  return [...new Set(out.filter((p) => p && p !== '/').map((p) => p.replace(/(?<=.)\/$/, '')))];
}

// --- Ecosystems ---------------------------------------------------------------------------------------------------

function ecosystemOf(stage: Stage): Ecosystem {
  const ref = stage.image;
  const official = officialName(ref);
  const sdk = sdkImageName(ref);
  const has = (...names: string[]) => commandsOf(stage).some(({ cmd }) => isCommand(cmd, ...names));
  if (sdk === 'dotnet/sdk') return 'dotnet';
  if (official === 'golang') return 'go';
  if (official === 'rust') return 'rust';
  if (official === 'maven' || (official === 'eclipse-temurin' && has('mvn', 'mvnw'))) return 'maven';
  if (official === 'gradle' || (official === 'eclipse-temurin' && has('gradle', 'gradlew'))) return 'gradle';
  if (official === 'python') return 'python';
  if (official === 'node' && has('npm', 'yarn', 'pnpm')) return 'node';
  return 'generic';
}

/** `node:22` → `22` and '' ; `python:3.13-bookworm` → `3.13` and `bookworm`. */
function lineAndVariant(tag: string): { line: string; variant: string } | undefined {
  const m = /^(\d+(?:\.\d+)*)(?:-(.+))?$/.exec(tag);
  return m ? { line: m[1], variant: m[2] ?? '' } : undefined;
}

function slimPlan(image: 'node' | 'python', stage: Stage): { runtime: string; saves?: number } | undefined {
  const tag = stage.image.tag ?? 'latest';
  // Moving tags have a slim twin that moves alike (node:slim, node:lts-slim); a variant of them is left alone.
  if (tag === 'latest') return { runtime: `${image}:slim` };
  if (image === 'node' && (tag === 'lts' || tag === 'current')) return { runtime: `${image}:${tag}-slim` };
  const lv = lineAndVariant(tag);
  if (!lv) return undefined;
  const variant = SLIM_VARIANTS[image][lv.variant];
  if (variant === undefined) return undefined;
  const from = recordedSize(image, lv.line, lv.variant);
  const to = recordedSize(image, lv.line, variant);
  const saves = from && to && from.mb > to.mb ? Math.round(from.mb - to.mb) : undefined;
  return { runtime: `${image}:${lv.line}-${variant}`, ...(saves ? { saves } : {}) };
}

function javaRuntime(stage: Stage): string | undefined {
  const tag = (stage.image.tag ?? '').toLowerCase();
  let major: string | undefined;
  const official = officialName(stage.image);
  for (const re of JDK_MAJOR_IN_TAG) {
    // A bare leading number is the JDK's major only in eclipse-temurin's tags (maven's and gradle's lead with their own version).
    if (re === JDK_MAJOR_IN_TAG[JDK_MAJOR_IN_TAG.length - 1] && official !== 'eclipse-temurin') continue;
    const m = re.exec(tag);
    if (m) { major = m[1]; break; }
  }
  if (!major) return undefined;
  return `${JAVA_RUNTIME.image}:${JAVA_RUNTIME.tag(major, /alpine/.test(tag))}`;
}

/** The jar the command runs (`java -jar target/app.jar`), as an absolute path. */
function jarOfCommand(stage: Stage): string | undefined {
  // Words of a `sh -c` string count one by one.
  const words = commandWords(stage).flatMap((w) => w.split(/\s+/));
  const jar = words.find((w) => /^[\w./*-]+\.jar$/.test(w));
  if (!jar) return undefined;
  const at = stage.instructions.findIndex((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  return absolute(jar, workdirBefore(stage, at));
}

function cargoName(ctx: RefactorContext): string | undefined {
  const toml = ctx.files?.read('Cargo.toml');
  if (!toml) return undefined;
  const bin = /\[\[bin\]\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml);
  if (bin) return bin[1];
  const pkg = /\[package\][^[]*?\bname\s*=\s*"([^"]+)"/.exec(toml);
  return pkg?.[1];
}

function planFor(ctx: RefactorContext, stage: Stage, repeated: readonly Instr[], ecosystem: Ecosystem = ecosystemOf(stage)): Plan | undefined {
  const model = ctx.model;
  const t = speaker(STRINGS, ctx.settings.locale);
  const last = stage.instructions.length;
  const finalDir = workdirBefore(stage, last);
  const appDir = finalDir && finalDir !== '/' ? finalDir : undefined;
  const plan: Plan = { ecosystem, runtime: '', candidates: candidatePaths(stage), builderEdits: [], builderAppend: [], notes: [] };
  const cmds = commandsOf(stage);
  switch (ecosystem) {
    case 'node': {
      const slim = slimPlan('node', stage);
      if (!slim) return undefined;
      Object.assign(plan, slim);
      // Dependencies installed without the production flag: prune the devDependencies after the build (yarn has no prune).
      const global = (cmd: ShellCommand) => cmd.args.some((a) => a.value === '-g' || a.value === '--global' || a.value === 'global');
      const installs = (tool: string) => cmds.filter(({ cmd }) => isCommand(cmd, tool) && !global(cmd) && ['ci', 'install', 'i', 'add'].includes(parseArgs(cmd).operands[0]?.value ?? ''));
      const prodOnly = (tool: string) => installs(tool).some(({ cmd }) => cmd.args.some((a) => /^--(omit=dev|production|only=prod(uction)?|prod)$/.test(a.value)));
      if (installs('npm').length && !prodOnly('npm')) plan.builderAppend.push('RUN npm prune --omit=dev');
      else if (installs('pnpm').length && !prodOnly('pnpm')) plan.builderAppend.push('RUN pnpm prune --prod');
      else if (cmds.some(({ cmd }) => isCommand(cmd, 'yarn'))) plan.notes.push(t('refactor.split-builder-stage.yarn'));
      plan.copies = appDir ? [appDir] : undefined;
      if (cmds.some(({ cmd }) => isCommand(cmd, 'npm', 'pnpm', 'yarn') && global(cmd))) plan.notes.push(t('refactor.split-builder-stage.global'));
      if (plan.builderAppend.length) plan.notes.push(t('refactor.split-builder-stage.node', { image: plan.runtime, prune: plan.builderAppend[0].slice(4) }));
      break;
    }
    case 'python': {
      const slim = slimPlan('python', stage);
      if (!slim) return undefined;
      Object.assign(plan, slim);
      // A virtual environment is the unit to copy: it links to the same /usr/local/bin/python the slim image has.
      const venv = cmds.map(({ instr, cmd }) => {
        const words = cmd.args.map((a) => a.value);
        const dir = isCommand(cmd, 'virtualenv') ? words.find((w) => !w.startsWith('-'))
          : isCommand(cmd, 'python', 'python3') && words[0] === '-m' && words[1] === 'venv' ? words.slice(2).find((w) => !w.startsWith('-')) : undefined;
        return dir ? absolute(dir, workdirBefore(stage, instr.index)) : undefined;
      }).find((d) => d);
      if (venv) {
        plan.copies = appDir ? [venv, appDir] : undefined;
        plan.notes.push(t('refactor.split-builder-stage.venv', { image: plan.runtime }));
        break;
      }
      for (const { cmd } of cmds) {
        const pc = packageCommand(cmd);
        if (!pc || pc.manager.name !== 'pip' || pc.action !== 'install' || !pc.sub.length) continue;
        if (pc.flags.some((f) => ['user', 'prefix', 'target', 'root', 'e', 'editable'].includes(f.name))) continue;
        const at = pc.sub[pc.sub.length - 1].end;
        plan.builderEdits.push({ start: at, end: at, text: ' --prefix=/install' });
      }
      if (!plan.builderEdits.length) return undefined;
      plan.moved = [{ from: '/install', to: '/usr/local' }];
      plan.copies = appDir ? [appDir] : undefined;
      plan.notes.push(t('refactor.split-builder-stage.python', { image: plan.runtime }));
      break;
    }
    case 'go': {
      const builds = cmds.filter(({ cmd }) => isCommand(cmd, 'go') && parseArgs(cmd).operands[0]?.value === 'build');
      if (!builds.length) return undefined;
      const outputs = builds.map(({ instr, cmd }) => {
        const o = flagValue(cmd.args.map((a) => a.value), '-o');
        return o ? absolute(o, workdirBefore(stage, instr.index)) : undefined;
      });
      const staticBuild = builds.every(({ instr, cmd }) =>
        cmd.assignments.some((a) => a.name === 'CGO_ENABLED' && a.value === '0') ||
        model.lookupVariable('CGO_ENABLED', instr)?.value === '0' ||
        cmd.args.some((a) => /-extldflags[= ]*["']?-static/.test(a.value)));
      const debian = debianOf(stage);
      if (needsShell(stage, repeated)) plan.runtime = `debian:${DEBIAN_CODENAMES[debian]}-slim`;
      else if (staticBuild || distroFamily(stage.image) === 'alpine') plan.runtime = GO_RUNTIME.static(debian);
      else {
        plan.runtime = GO_RUNTIME.glibc(debian);
        plan.notes.push(t('refactor.split-builder-stage.goCgo', { image: plan.runtime }));
      }
      plan.copies = outputs.every((o) => o) ? [...new Set(outputs as string[])] : undefined;
      break;
    }
    case 'rust': {
      if (distroFamily(stage.image) === 'alpine') return undefined;
      const build = cmds.find(({ cmd }) => isCommand(cmd, 'cargo') && parseArgs(cmd).operands[0]?.value === 'build');
      if (!build) return undefined;
      plan.runtime = `debian:${DEBIAN_CODENAMES[debianOf(stage)]}-slim`;
      const release = build.cmd.args.some((a) => a.value === '--release' || a.value === '-r');
      const dir = workdirBefore(stage, build.instr.index);
      const name = cargoName(ctx);
      const target = dir && absolute(`target/${release ? 'release' : 'debug'}`, dir);
      plan.copies = name && target ? [`${target}/${name}`] : undefined;
      if (target) plan.candidates.unshift(`${target}/`);
      break;
    }
    case 'maven':
    case 'gradle': {
      const runtime = javaRuntime(stage);
      if (!runtime) return undefined;
      plan.runtime = runtime;
      const buildDir = workdirBefore(stage, last);
      const glob = buildDir === undefined ? undefined : `${absolute(ecosystem === 'maven' ? 'target' : 'build/libs', buildDir)}/*.jar`;
      if (glob) plan.candidates.unshift(glob);
      const modules = ecosystem === 'maven'
        ? /<modules>/.test(ctx.files?.read('pom.xml') ?? '<modules>')
        : /^\s*include\b/m.test(ctx.files?.read('settings.gradle') ?? ctx.files?.read('settings.gradle.kts') ?? '');
      const jar = jarOfCommand(stage);
      plan.copies = jar ? [jar] : glob && !modules ? [glob] : undefined;
      plan.notes.push(t('refactor.split-builder-stage.java'));
      break;
    }
    case 'dotnet': {
      const publish = cmds.find(({ cmd }) => isCommand(cmd, 'dotnet') && parseArgs(cmd).operands[0]?.value === 'publish');
      if (!publish) return undefined;
      const words = publish.cmd.args.map((a) => a.value);
      const project = words.find((w) => /\.(cs|fs|vb)proj$/.test(w));
      const projectText = project ? ctx.files?.read(project) : undefined;
      const consoleApp = projectText !== undefined && /<Project\s+Sdk="Microsoft\.NET\.Sdk"/.test(projectText);
      plan.runtime = `${consoleApp ? DOTNET_RUNTIME.runtime : DOTNET_RUNTIME.aspnet}:${stage.image.tag ?? 'latest'}`;
      const o = flagValue(words, '-o', '--output');
      const out = o ? absolute(o, workdirBefore(stage, publish.instr.index)) : undefined;
      plan.copies = out ? [out] : undefined;
      break;
    }
    case 'generic': {
      if (stage.image.unresolved.length) return undefined;
      plan.runtime = stage.image.raw;
      plan.notes.push(t('refactor.split-builder-stage.generic'));
      plan.copies = undefined;
      break;
    }
  }
  return plan;
}

// --- The change ---------------------------------------------------------------------------------------------------

/** The first line of the comments directly above `instr` (they move with it). */
function firstCommentLine(model: DockerfileModel, instr: Instr): number {
  let line = instr.line;
  while (line > 0 && model.commentOnLine(line - 1) && /^\s*#/.test(model.lines.lineText(line - 1))) line--;
  return line;
}

function builderName(model: DockerfileModel, final: Stage): string {
  const taken = new Set(model.stages.filter((s) => s !== final && s.alias).map((s) => s.alias!.toLowerCase()));
  for (const name of ['build', 'builder', 'build-stage']) if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`build${n}`)) return `build${n}`;
}

interface Layout {
  /** Instructions that leave the builder for the runtime stage, and those the runtime stage repeats. */
  moved: Instr[];
  repeated: Instr[];
  /** Index in the stage of the last instruction that puts files into the image. */
  lastBuild: number;
}

function layoutOf(model: DockerfileModel, stage: Stage): Layout {
  const body = stage.instructions.slice(1);
  const lastBuild = Math.max(0, ...body.filter((i) => BUILDS.has(i.keyword)).map((i) => i.index));
  const moved: Instr[] = [];
  const repeated: Instr[] = [];
  const runtimeOnly = body.filter((i) => RUNTIME_ONLY.has(i.keyword) || (ENVIRONMENT.has(i.keyword) && i.index > lastBuild));
  const runtimeText = runtimeOnly.map((i) => model.text.slice(i.start, i.end)).join('\n');
  for (const i of body) {
    if (RUNTIME_ONLY.has(i.keyword) || (ENVIRONMENT.has(i.keyword) && i.index > lastBuild)) moved.push(i);
    else if (ENVIRONMENT.has(i.keyword)) {
      // An ARG is repeated only where the runtime stage's instructions use it.
      if (i.keyword !== 'ARG' || i.props.some((p) => new RegExp(`\\$\\{?${p.name}\\b`).test(runtimeText))) repeated.push(i);
    } else if (createsUsersOnly(i)) repeated.push(i);
  }
  return { moved, repeated, lastBuild };
}

/** What the runtime stage copies: the answers, or what the plan knows. */
function copyLines(plan: Plan, copies: readonly string[], stage: string, copy: string, owner: string | undefined): string[] {
  const lines = (plan.moved ?? []).map((m) => `${copy} --from=${stage} ${m.from} ${m.to}`);
  const chown = owner ? ` --chown=${owner}` : '';
  for (const path of copies) {
    const glob = /[*?[]/.test(path);
    const dest = glob ? path.slice(0, path.lastIndexOf('/') + 1) : path.replace(/(?<=.)\/$/, '');
    lines.push(`${copy} --from=${stage}${chown} ${path.replace(/(?<=.)\/$/, '')} ${dest}`);
  }
  return lines;
}

/**
 * The offer on the final stage where build-toolchain-in-final-stage reports it: with the plan, or (where no split
 * can be made) greyed out with the reason, so every finding of the rule has its action.
 */
function offerFor(ctx: RefactorContext): { offer: RefactorOffer; stage: Stage; plan?: Plan; layout: Layout } | undefined {
  const { model } = ctx;
  const final = model.finalStage;
  if (!final || !shippedToolchain(model).length) return undefined;
  const t = speaker(STRINGS, ctx.settings.locale);
  const last = final.instructions[final.instructions.length - 1];
  const layout = layoutOf(model, final);
  const base = { refactoring: ID, key: String(final.index), kind: 'refactor.extract' as const, start: final.from.start, end: last.end, safety: 'unsafe' as const };
  const unavailable = (reason: string, image?: string) => ({
    offer: { ...base, title: image ? t('refactor.split-builder-stage.title', { image }) : t('refactor.split-builder-stage.titlePlain'), unavailable: reason },
    stage: final,
    layout,
  });
  if (final.parent) return unavailable(t('refactor.split-builder-stage.fromStage', { stage: final.parent.alias ?? String(final.parent.index) }));
  if (final.image.unresolved.length) return unavailable(t('refactor.split-builder-stage.variable', { variables: final.image.unresolved.join(', ') }));
  let plan = planFor(ctx, final, layout.repeated);
  // No recipe for this ecosystem's build: an image that is not itself a toolchain still splits the generic way.
  if (!plan && !sdkImageName(final.image)) plan = planFor(ctx, final, layout.repeated, 'generic');
  if (!plan) return unavailable(t('refactor.split-builder-stage.unknownBuild', { image: final.image.raw }));
  // Nothing to offer to copy (an app copied to /): splitting would ship nothing or everything.
  if (!plan.copies && !plan.candidates.length) return unavailable(t('refactor.split-builder-stage.nothingToCopy'), plan.runtime);
  const title = plan.saves
    ? t('refactor.split-builder-stage.titleSaves', { image: plan.runtime, mb: plan.saves })
    : t('refactor.split-builder-stage.title', { image: plan.runtime });
  const question: RefactorQuestion | undefined = plan.copies ? undefined : {
    prompt: t('refactor.split-builder-stage.question', { image: plan.runtime }),
    candidates: plan.candidates.map((value) => ({ value })),
    many: true,
  };
  return { offer: { ...base, title, ...(question ? { question } : {}) }, stage: final, plan, layout };
}

export default defineRefactoring({
  id: ID,
  kind: 'refactor.extract',
  docs: {
    summary: 'Move the build of the shipped stage into a builder stage and ship only its output on a runtime image',
    details:
      'Offered on the final stage where build-toolchain-in-final-stage reports it (an SDK image such as golang, maven, gradle, rust or the .NET SDK, or compilers its RUNs install). ' +
      'The stage becomes the builder (named `build`, or another free name) on its own image, with every instruction that builds; a new final stage on the matching runtime image copies the output to the same paths, so CMD and ENTRYPOINT stay as written. ' +
      'USER, WORKDIR, ENV, EXPOSE, HEALTHCHECK, CMD, ENTRYPOINT, LABEL, STOPSIGNAL and VOLUME end up in the runtime stage in their order: those that only describe the image move there with their comments; WORKDIR, ENV, USER (and the ARGs the runtime stage uses) set before the build stay in the builder too and are repeated, as is a RUN that only creates the user. ' +
      'Runtime images: node:X → the same line\'s slim variant (Alpine stays Alpine), with `npm prune --omit=dev` after the build and the app folder (WORKDIR) copied: native modules compiled in the builder run because both are on the same Debian release, and no npm install runs without a compiler in the runtime stage. ' +
      'Python → python:X-slim: pip installs with `--prefix=/install` in the builder and the runtime stage copies /install to /usr/local, plus the app folder. ' +
      'Go → distroless static (CGO_ENABLED=0) or base (cgo: glibc) of the builder\'s Debian release, or debian slim when a shell is needed; the `-o` output is copied. ' +
      'Maven and Gradle → eclipse-temurin:<same major>-jre, copying the jar the command runs or target/*.jar, build/libs/*.jar. Rust → debian slim with target/release/<name> (from Cargo.toml). .NET → dotnet/aspnet (dotnet/runtime for a console project) with the `dotnet publish -o` folder. ' +
      'Anything else stays on its own image without the installed packages. Where the output is not certain (no `-o`, no Cargo.toml, several modules, an unknown build) the offer asks which paths to copy, with candidates from the file. ' +
      'Where the rule fires but no split can be made, the action is shown unavailable with the reason: the final stage is built FROM a stage with the toolchain, the image is a build argument, an SDK image\'s build output is unknown, or the app is copied to / with nothing to single out. A base on an ended release line or without a tag splits too: the runtime stage repeats that problem of the file (one to fix on its own) and adds none. A Python virtual environment is copied whole instead of installing with --prefix; yarn has no prune, so its devDependencies ship (pnpm prunes with `pnpm prune --prod`). ' +
      'OS packages are installed only in the builder: which of them the program needs at run time cannot be read from the file, so the notes name them instead of guessing. Unsafe: the shipped image changes.',
    example: {
      before: 'FROM golang:1.25\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/server ./cmd/server\nEXPOSE 8080\nCMD ["/bin/server"]\n',
      after: 'FROM golang:1.25 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/server ./cmd/server\n\nFROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /src\nCOPY --from=build /bin/server /bin/server\nEXPOSE 8080\nCMD ["/bin/server"]\n',
    },
  },
  offers(ctx, start, end) {
    const found = offerFor(ctx);
    if (!found || end < found.offer.start || start > found.offer.end) return [];
    return [found.offer];
  },
  async apply(ctx, offer, answers) {
    const t = speaker(STRINGS, ctx.settings.locale);
    const found = offerFor(ctx);
    if (!found || found.offer.key !== offer.key) return { error: t('refactor.split-builder-stage.gone') };
    const { model } = ctx;
    const { stage, plan, layout } = found;
    if (!plan) return { error: found.offer.unavailable ?? t('refactor.split-builder-stage.gone') };
    const copies = plan.copies ?? answers?.filter((a) => a.trim());
    if (!copies?.length) return { error: t('refactor.split-builder-stage.noAnswer') };
    const eol = model.lines.eol;
    const name = builderName(model, stage);
    const from = stage.from;
    const lastInstr = stage.instructions[stage.instructions.length - 1];
    const regionStart = model.lines.lineStart(from.line);
    const regionEnd = model.lines.lineEnd(lastInstr.endLine);

    // The builder: the stage as written, named, without what moves to the runtime stage.
    // Keywords it writes follow the case of the FROM it splits.
    const lower = /[a-z]/.test(model.text.slice(from.keywordStart, from.keywordEnd));
    const keyword = (k: string) => (lower ? k.toLowerCase() : k);
    const asWord = keyword('AS');
    const edits: OffsetEdit[] = [...plan.builderEdits];
    edits.push(from.alias ? { start: from.alias.start, end: from.alias.end, text: name } : { start: stage.imageEnd, end: stage.imageEnd, text: ` ${asWord} ${name}` });
    const movedText = new Map<Instr, string>();
    for (const i of layout.moved) {
      const first = firstCommentLine(model, i);
      movedText.set(i, model.text.slice(model.lines.lineStart(first), model.lines.lineEnd(i.endLine)));
      const end = i.endLine + 1 < model.lines.lineCount ? model.lines.lineStart(i.endLine + 1) : model.text.length;
      // The last instruction's line break stays: the runtime stage follows it.
      edits.push({ start: model.lines.lineStart(first), end: Math.min(end, regionEnd), text: '' });
    }
    const delta = edits.reduce((d, e) => d + e.text.length - (e.end - e.start), 0);
    const whole = applyEdits(model.text, edits);
    let builder = whole.slice(regionStart, regionEnd + delta).replace(/(\r?\n[ \t]*)+$/, '');
    if (plan.builderAppend.length) builder += eol + plan.builderAppend.map((line) => line.replace(/^[A-Z]+/, keyword)).join(eol);

    // The runtime stage: its FROM, the environment repeated, the output copied after the last build step, then the rest in order.
    const runtime: string[] = [`${model.text.slice(from.keywordStart, from.keywordEnd)} ${plan.runtime}${from.alias ? ` ${asWord} ${from.alias.name}` : ''}`];
    // Files the build made as a USER other than root stay that user's: COPY --from would give them to root.
    const buildUser = stage.instructions.filter((i) => i.keyword === 'USER' && i.index < layout.lastBuild).pop()?.args[0]?.value;
    const owner = buildUser && !/^(root|0)(:|$)/.test(buildUser) ? buildUser : undefined;
    const copied = copyLines(plan, copies, name, keyword('COPY'), owner);
    let copiesPlaced = false;
    for (const i of stage.instructions.slice(1)) {
      if (!copiesPlaced && i.index > layout.lastBuild) { runtime.push(...copied); copiesPlaced = true; }
      if (movedText.has(i)) runtime.push(movedText.get(i)!);
      else if (layout.repeated.includes(i)) runtime.push(model.text.slice(model.lines.lineStart(i.line), model.lines.lineEnd(i.endLine)));
    }
    if (!copiesPlaced) runtime.push(...copied);

    const paths = [...(plan.moved ?? []).map((m) => t('refactor.split-builder-stage.movedTo', { path: `\`${m.from}\``, to: `\`${m.to}\`` })), ...copies.map((p) => `\`${p}\``)];
    const notes = [t('refactor.split-builder-stage.copies', { paths: paths.join(', '), stage: name }), ...plan.notes];
    if (plan.runtime.endsWith(':nonroot') && !stage.instructions.some((i) => i.keyword === 'USER')) notes.push(t('refactor.split-builder-stage.nonroot'));
    const packages = [...new Set(stage.instructions.flatMap((i) => packageCommands(i).filter((pc) => pc.manager.system && pc.action === 'install').flatMap((pc) => pc.operands.map(packageName))))].filter((p) => !TOOLCHAIN.test(p));
    if (packages.length) notes.push(t('refactor.split-builder-stage.packages', { packages: packages.map((p) => `\`${p}\``).join(', ') }));
    const probe = stage.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args.map((a) => a.value).join(' ').match(/\b(curl|wget|nc|pg_isready|redis-cli)\b/)?.[1];
    if (probe) notes.push(t('refactor.split-builder-stage.healthcheck', { program: probe, image: plan.runtime }));
    notes.push(t('refactor.split-builder-stage.check', { image: plan.runtime }));
    return { edits: [{ start: regionStart, end: regionEnd, text: `${builder}${eol}${eol}${runtime.join(eol)}` }], notes };
  },
});
