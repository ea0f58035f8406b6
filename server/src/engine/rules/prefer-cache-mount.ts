import { defineRule } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import type { OffsetEdit } from '../rule';
import type { ShellCommand } from '../model/shell';
import { baseName, commandRunBy, isCommand, parseArgs, type ParsedFlag } from '../model/commands';
import { managerCommands, mountCoversCache, PACKAGE_MANAGERS, packageCommand } from '../model/package-managers';
import { distroFamily, rootStage } from '../model/base-images';
import { cacheMountTargets, cacheTargetDir, runsAsRoot, runsCacheTool } from '../model/cache-targets';
import { APT_DOCKER_CLEAN, CACHE_TOOLS, type CacheTarget, type CacheTool } from '../data/cache-mounts';

/** The program names the table's tools run under, for the handlers. */
const NAMES = [...new Set(CACHE_TOOLS.flatMap((t) => (t.manager ? managerCommands(PACKAGE_MANAGERS[t.manager]) : [...t.commands!])))];

/** The tool's flags that turn its cache off, on this command. */
function noCacheFlags(cmd: ShellCommand, tool: CacheTool): ParsedFlag[] {
  if (!tool.noCacheFlags) return [];
  const pc = tool.manager ? packageCommand(cmd) : undefined;
  const flags = pc ? pc.flags : parseArgs(commandRunBy(cmd)).flags;
  return flags.filter((f) => tool.noCacheFlags!.includes(f.name) && (f.long || f.name.length === 1));
}

/** An edit that deletes a word and the blanks before it on its line. */
function dropWord(model: DockerfileModel, start: number, end: number): OffsetEdit {
  let s = start;
  while (s > 0 && /[ \t]/.test(model.text[s - 1])) s--;
  return { start: s, end, text: '' };
}

/** Earlier in the stage (or a stage it is built FROM), or in this RUN, the docker-clean hook is removed or apt told to keep packages. */
function keepsDebs(instr: Instr): boolean {
  const keeps = (i: Instr) => !!i.run?.commands.some((c) => (isCommand(c, 'rm', 'mv') && c.args.some((a) => a.value === APT_DOCKER_CLEAN))
    || c.args.some((a) => /Keep-Downloaded-Packages/i.test(a.value)));
  for (let s: Stage | undefined = instr.stage ?? undefined, limit = instr.index + 1; s; s = s.parent, limit = s ? s.instructions.length : 0) {
    for (let i = 0; i < limit; i++) if (keeps(s.instructions[i])) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'prefer-cache-mount',
    aliases: {},
    counterparts: {
      tally: ['prefer-package-cache-mounts'],
      differences: 'Finds the tool through `sudo`, `xargs` and `sh -c`, moves the mount target with the ENV that moves the cache (`PIP_CACHE_DIR`, `GOPATH`, `CARGO_HOME`) and the user\'s home, and tells when Debian\'s docker-clean hook empties an apt cache mount.',
    },
    category: 'cache',
    // Right on real files (ecosystem ledger), but advice for builders that keep a cache: off in recommended, on in modern.
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      noCacheMount: '`{command}` downloads into {dirs} on every build: a cache mount there keeps the downloads between builds and out of the image',
      dockerCleanEmpties: 'The `docker-clean` hook of Debian and Ubuntu images deletes downloaded packages after each install, so this cache mount keeps only the package lists; remove `/etc/apt/apt.conf.d/docker-clean` in an earlier RUN',
      addCacheMount: 'Add a cache mount for {tool} (unsafe: the cache leaves the layer, and later RUNs no longer find it)',
    },
    docs: {
      summary: 'An install or build command without a BuildKit cache mount at its tool\'s cache',
      why: 'Package managers and build tools download into a cache directory (apt into /var/cache/apt and /var/lib/apt, pip into ~/.cache/pip, Go into its module and build caches). Without a cache mount each rebuild downloads everything again, and the cache either lands in the layer or has to be deleted in the same RUN. `RUN --mount=type=cache,target=<dir>` keeps the directory between builds on the builder and never puts it in the image; apt needs `sharing=locked`, and on Debian and Ubuntu images the `docker-clean` hook must be removed for apt to keep its downloaded packages. The rule is for the `modern` profile, which turns the delete-the-cache rules off.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
          good: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
        },
        {
          bad: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n',
          good: 'FROM golang:1.23\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
          note: 'The golang image sets GOPATH=/go, so its module cache is /go/pkg/mod.',
        },
      ],
      fixSafety: 'The fix adds the mount flags to the RUN (and drops the flags that turn the cache off, such as `--no-cache-dir`; `apk add --no-cache` becomes `apk add --update-cache`). What the tool downloads no longer lands in the layer, so a later RUN that reads it (an `apt-get install` without its own `apt-get update`) fails, and the cache lives on the builder instead.',
      references: ['https://docs.docker.com/build/cache/optimize/#use-cache-mounts', 'https://docs.docker.com/reference/dockerfile/#run---mounttypecache'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const run = (instr: Instr): void => {
      // Cache mounts are BuildKit's on Linux: Windows containers have none.
      if (instr.onbuild || !instr.stage || distroFamily(rootStage(instr.stage).image) === 'windows') return;
      const mounts = cacheMountTargets(instr);
      const root = runsAsRoot(instr);
      const reported = new Set<CacheTool>();
      for (const cmd of instr.run?.commands ?? []) {
        for (const tool of CACHE_TOOLS) {
          if (reported.has(tool) || !runsCacheTool(cmd, tool)) continue;
          reported.add(tool);
          const dirs = tool.targets.map((t) => ({ t, dir: cacheTargetDir(model, instr, t, root) })).filter((d): d is { t: CacheTarget; dir: string } => !!d.dir);
          if (!dirs.length) continue;
          const covered = dirs.filter((d) => mounts.some((m) => mountCoversCache(m, [d.dir])));
          if (covered.length) {
            if (tool.manager === 'apt' && distroFamily(rootStage(instr.stage).image) === 'debian' && !keepsDebs(instr)) {
              const flag = instr.flags.find((f) => f.name === 'mount' && /\/var\/cache\/apt\b/.test(f.value ?? ''));
              if (flag) ctx.report({ start: flag.start, end: flag.end, messageId: 'dockerCleanEmpties' });
            }
            continue;
          }
          const disabledByEnv = tool.noCacheEnv && model.lookupVariable(tool.noCacheEnv, instr)?.kind === 'ENV';
          const c = commandRunBy(cmd);
          const shown = tool.manager ? packageCommand(cmd)! : undefined;
          const ops = parseArgs(c).operands.map((w) => w.value);
          const sub = tool.subcommands?.find((s) => s.split(' ').every((part, i) => ops[i] === part)) ?? ops[0];
          const command = shown ? [shown.tool, shown.subcommand].filter(Boolean).join(' ') : [baseName(c), sub].filter(Boolean).join(' ');
          const flagsText = dirs.map((d) => `--mount=type=cache,target=${d.dir}${d.t.locked ? ',sharing=locked' : ''}`).join(' ');
          const edits: OffsetEdit[] = [{ start: instr.keywordEnd, end: instr.keywordEnd, text: ` ${flagsText}` }];
          const off = noCacheFlags(cmd, tool);
          // apk without --no-cache reads the index on disk: the first build with an empty mount needs --update-cache.
          const replace = tool.replaceNoCache && !shown?.flags.some((f) => tool.replaceNoCache!.unless.includes(f.name)) ? tool.replaceNoCache.flag : undefined;
          off.forEach((f, i) => edits.push(i === 0 && replace ? { start: f.word.start, end: f.word.end, text: replace } : dropWord(model, f.word.start, f.word.end)));
          // A flag inside a cluster (`-nq`) or given twice cannot be dropped word by word.
          const exact = off.every((f) => f.long || f.word.value === `-${f.name}`) && new Set(off.map((f) => f.word)).size === off.length;
          ctx.report({
            start: c.nameWord.start,
            end: c.nameWord.end,
            messageId: 'noCacheMount',
            data: { command, dirs: dirs.map((d) => `\`${d.dir}\``).join(' and ') },
            fixes: disabledByEnv || !exact ? [] : [{ titleId: 'addCacheMount', data: { tool: tool.name }, safety: 'unsafe', edits }],
          });
        }
      }
    };
    return { runs: Object.fromEntries(NAMES.map((n) => [n, run])) };
  },
});
