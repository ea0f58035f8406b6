// Where a RUN's tools keep their caches, as cache mount targets: which commands fill a cache (data/cache-mounts.ts
// says which), and the directory each cache is in for one RUN (its user's home, the ENV that moves it, the image's
// own setting). The prefer-cache-mount rule and completion of `--mount=type=cache,target=` both ask.
import type { DockerfileModel, Instr, Stage } from './dockerfile';
import type { ShellCommand } from './shell';
import { commandRunBy, isCommand, parseArgs } from './commands';
import { PACKAGE_MANAGERS, packageCommand } from './package-managers';
import { defaultsToNonRoot, rootStage } from './base-images';
import { imageBaseName } from './image';
import type { CacheTarget, CacheTool } from '../data/cache-mounts';

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
  const own = target.env && env(target.env);
  if (own) return own;
  if (target.under) {
    const dir = env(target.under.env) ?? (instr.stage ? target.images?.[imageBaseName(rootStage(instr.stage).image)] : undefined);
    if (dir) return dir + target.under.rest;
  }
  if (target.rootOnly && !root) return undefined;
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
