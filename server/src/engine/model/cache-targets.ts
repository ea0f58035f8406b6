// Where a RUN's tools keep their caches, as cache mount targets: which commands fill a cache (data/cache-mounts.ts
// says which), and the directory each cache is in for one RUN (its user's home, the ENV that moves it, the image's
// own setting), and the mounts a RUN lacks with the flag edits that go with them. The prefer-cache-mount rule, the
// caches-as-mounts refactoring and completion of `--mount=type=cache,target=` all ask.
import type { DockerfileModel, Instr, Stage } from './dockerfile';
import type { ShellCommand } from './shell';
import type { OffsetEdit } from '../types';
import { baseName, commandRunBy, isCommand, parseArgs, type ParsedFlag } from './commands';
import { managerCommands, mountCoversCache, PACKAGE_MANAGERS, packageCommand } from './package-managers';
import { defaultsToNonRoot, distroFamily, rootStage } from './base-images';
import { imageBaseName } from './image';
import { APT_DOCKER_CLEAN, CACHE_TOOLS, type CacheTarget, type CacheTool } from '../data/cache-mounts';

/** The user a RUN runs as: the last USER of its stage or the stages it is built FROM; undefined when unknown. */
export function runsAsRoot(instr: Instr): boolean | undefined {
  for (let s: Stage | undefined = instr.stage ?? undefined, limit = instr.index; s; s = s.parent, limit = s ? s.instructions.length : 0) {
    for (let i = limit - 1; i >= 0; i--) {
      const u = s.instructions[i];
      if (u.keyword !== 'USER' || !u.args.length) continue;
      const name = u.args[0].value.split(':')[0];
      if (/[$`]/.test(name)) return undefined;
      return name === 'root' || name === '0';
    }
  }
  return instr.stage ? !defaultsToNonRoot(rootStage(instr.stage).image) : undefined;
}

/** The directory `target` is for `instr`, or undefined when it is in a home directory that is not root's. */
export function cacheTargetDir(model: DockerfileModel, instr: Instr, target: CacheTarget, root: boolean | undefined): string | undefined {
  const env = (name: string) => {
    const def = model.lookupVariable(name, instr);
    return def?.kind === 'ENV' && def.value?.startsWith('/') && !/[$`]/.test(def.value) ? def.value.replace(/\/+$/, '') : undefined;
  };
  if (target.movedBy?.some((name) => model.lookupVariable(name, instr)?.kind === 'ENV')) return undefined;
  const own = target.env && env(target.env);
  if (own) return own;
  if (target.under) {
    const dir = env(target.under.env) ?? (instr.stage ? target.images?.[imageBaseName(rootStage(instr.stage).image)] : undefined);
    if (dir) return dir + target.under.rest;
  }
  if (target.noDefault || (target.rootOnly && !root)) return undefined;
  if (!target.path.startsWith('~/')) return target.path;
  return root ? `/root${target.path.slice(1)}` : undefined;
}

/** Whether `cmd` runs `tool` in a way that downloads into its cache. */
export function runsCacheTool(cmd: ShellCommand, tool: CacheTool): boolean {
  if (tool.manager) {
    const pc = packageCommand(cmd);
    return pc?.manager === PACKAGE_MANAGERS[tool.manager] && !!pc.action && tool.actions!.includes(pc.action) && (!tool.programs || tool.programs.includes(pc.tool));
  }
  const c = commandRunBy(cmd);
  if (!isCommand(c, ...tool.commands!)) return false;
  const ops = parseArgs(c).operands.map((w) => w.value);
  if (tool.anyRun) return !c.args.some((w) => /^(-v|--version|-h|--help)$/.test(w.value));
  return tool.subcommands!.some((s) => s.split(' ').every((part, i) => ops[i] === part));
}

/** The cache or tmpfs mount targets of a RUN (`--mount=type=cache,target=/var/cache/apt`). */
export function cacheMountTargets(instr: Instr): string[] {
  const out: string[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const opts = new Map(f.value.split(',').map((kv) => { const i = kv.indexOf('='); return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)] as [string, string]; }));
    if (!['cache', 'tmpfs'].includes(opts.get('type') ?? '')) continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (target) out.push(target);
  }
  return out;
}

/** The program names the table's tools run under (the handlers of the rules that read the table). */
export const CACHE_TOOL_PROGRAMS: readonly string[] = [...new Set(CACHE_TOOLS.flatMap((t) => (t.manager ? managerCommands(PACKAGE_MANAGERS[t.manager]) : [...t.commands!])))];

/** The tool's flags that turn its cache off, on this command. */
function noCacheFlags(cmd: ShellCommand, tool: CacheTool): ParsedFlag[] {
  if (!tool.noCacheFlags) return [];
  const pc = tool.manager ? packageCommand(cmd) : undefined;
  const flags = pc ? pc.flags : parseArgs(commandRunBy(cmd)).flags;
  return flags.filter((f) => tool.noCacheFlags!.includes(f.name) && (f.long || f.name.length === 1));
}

/** An edit that deletes a word and the blanks before it on its line. */
export function dropWordEdit(text: string, start: number, end: number): OffsetEdit {
  let s = start;
  while (s > 0 && /[ \t]/.test(text[s - 1])) s--;
  return { start: s, end, text: '' };
}

/** Earlier in the stage (or a stage it is built FROM), or in this RUN, the docker-clean hook is removed or apt told to keep packages. */
export function keepsDebs(instr: Instr): boolean {
  const keeps = (i: Instr) => !!i.run?.commands.some((c) => (isCommand(c, 'rm', 'mv') && c.args.some((a) => a.value === APT_DOCKER_CLEAN))
    || c.args.some((a) => /Keep-Downloaded-Packages/i.test(a.value)));
  for (let s: Stage | undefined = instr.stage ?? undefined, limit = instr.index + 1; s; s = s.parent, limit = s ? s.instructions.length : 0) {
    for (let i = 0; i < limit; i++) if (keeps(s.instructions[i])) return true;
  }
  return false;
}

/** One tool a RUN runs that fills a cache, and what a cache mount for it takes. */
export interface CacheMountPlan {
  tool: CacheTool;
  /** The command that runs it (the first in the RUN). */
  cmd: ShellCommand;
  /** How messages name it: `apt-get install`, `go build`. */
  command: string;
  /** Its cache directories for this RUN (those in an unknown home left out). */
  dirs: Array<{ target: CacheTarget; dir: string }>;
  /** A mount of the RUN already covers one of them. */
  covered: boolean;
  /** The `--mount=type=cache,…` flags it needs (when not covered). */
  mounts: string[];
  /** The command's edits that go with the mounts: the flags that turn the cache off dropped, or replaced (apk). */
  flagEdits: OffsetEdit[];
  /** The mounts would help: the cache is not turned off by an ENV, and each flag to drop is a word of its own. */
  fixable: boolean;
}

/**
 * The cache-filling tools of a RUN, each with the mounts it lacks: none for an ONBUILD trigger or on Windows
 * images (cache mounts are BuildKit's on Linux), and none for a tool whose caches are all in an unknown home.
 */
export function cacheMountPlans(model: DockerfileModel, instr: Instr): CacheMountPlan[] {
  if (instr.onbuild || !instr.stage || distroFamily(rootStage(instr.stage).image) === 'windows') return [];
  const mounts = cacheMountTargets(instr);
  const root = runsAsRoot(instr);
  const seen = new Set<CacheTool>();
  const plans: CacheMountPlan[] = [];
  for (const cmd of instr.run?.commands ?? []) {
    for (const tool of CACHE_TOOLS) {
      if (seen.has(tool) || !runsCacheTool(cmd, tool)) continue;
      seen.add(tool);
      const dirs = tool.targets.map((target) => ({ target, dir: cacheTargetDir(model, instr, target, root) })).filter((d): d is { target: CacheTarget; dir: string } => !!d.dir);
      if (!dirs.length) continue;
      const covered = dirs.some((d) => mounts.some((m) => mountCoversCache(m, [d.dir])));
      const c = commandRunBy(cmd);
      const shown = tool.manager ? packageCommand(cmd)! : undefined;
      const ops = parseArgs(c).operands.map((w) => w.value);
      const sub = tool.subcommands?.find((x) => x.split(' ').every((part, i) => ops[i] === part)) ?? ops[0];
      const command = shown ? [shown.tool, shown.subcommand].filter(Boolean).join(' ') : [baseName(c), sub].filter(Boolean).join(' ');
      const off = noCacheFlags(cmd, tool);
      // apk without --no-cache reads the index on disk: the first build with an empty mount needs --update-cache.
      const replace = tool.replaceNoCache && !shown?.flags.some((f) => tool.replaceNoCache!.unless.includes(f.name)) ? tool.replaceNoCache.flag : undefined;
      const flagEdits = off.map((f, i) => (i === 0 && replace ? { start: f.word.start, end: f.word.end, text: replace } : dropWordEdit(model.text, f.word.start, f.word.end)));
      // A flag inside a cluster (`-nq`) or given twice cannot be dropped word by word.
      const exact = off.every((f) => f.long || f.word.value === `-${f.name}`) && new Set(off.map((f) => f.word)).size === off.length;
      const disabledByEnv = !!tool.noCacheEnv && model.lookupVariable(tool.noCacheEnv, instr)?.kind === 'ENV';
      plans.push({
        tool,
        cmd,
        command,
        dirs,
        covered,
        mounts: dirs.map((d) => `--mount=type=cache,target=${d.dir}${d.target.locked ? ',sharing=locked' : ''}`),
        flagEdits,
        fixable: exact && !disabledByEnv,
      });
    }
  }
  return plans;
}
