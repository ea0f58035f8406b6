import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, parseArgs } from '../model/commands';
import { canMerge, mergeRisk, isCleanupCommand, isCleanupOnlyRun, mergeRunsEdits, previousInStage } from './support';
import { withoutTrailingSlashes } from '../model/paths';

// Tools that share caches and package databases: `apt-get clean` cleans what `apt install` left.
const FAMILY: Record<string, string> = {
  'apt-get': 'apt', apt: 'apt', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', zypper: 'zypper', apk: 'apk',
  npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', pip: 'pip', pip3: 'pip', conda: 'conda', gem: 'gem', composer: 'composer',
};

// Where the tools keep their caches and lists: a path under one of these was made by that family (the apt lists by
// `update` only: an `apt-get install` in a later RUN does not write them again).
const CACHE_DIRS: Array<{ path: RegExp; families: string[]; by?: string[] }> = [
  { path: /^\/var\/lib\/apt\/lists(\/|$)/, families: ['apt'], by: ['update'] },
  { path: /^\/var\/cache\/apt(\/|$)/, families: ['apt'] },
  { path: /^\/var\/cache\/apk(\/|$)/, families: ['apk'] },
  { path: /^\/var\/cache\/(yum|dnf)(\/|$)/, families: ['rpm'] },
  { path: /^\/var\/cache\/zypp(\/|$)/, families: ['zypper'] },
  { path: /(^|\/)\.cache\/pip(\/|$)/, families: ['pip'] },
  { path: /(^|\/)\.npm(\/|$)/, families: ['npm'] },
  { path: /(^|\/)\.cache\/yarn(\/|$)|(^|\/)\.yarn-cache(\/|$)/, families: ['yarn'] },
  { path: /(^|\/)node_modules(\/|$)/, families: ['npm'] },
  // The whole per-user cache folder (~/.cache): pip's, yarn's and the others' under it.
  { path: /(^|\/)\.cache\/?$/, families: ['pip', 'yarn', 'npm'] },
];

/** The families whose install-type commands (anything but a cleanup) a RUN runs, with their subcommands. */
function familiesUsed(run: Instr): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (family: string, sub: string) => out.set(family, (out.get(family) ?? new Set()).add(sub));
  for (const c of run.run?.commands ?? []) {
    const family = FAMILY[baseName(c)];
    if (!family || isCleanupCommand(c)) continue;
    const sub = parseArgs(c, ['o', 'c', 't']).operands[0]?.value ?? '';
    add(family, sub);
    // node_modules is made by any of the JavaScript package managers.
    if (family === 'yarn' || family === 'pnpm') add('npm', sub);
  }
  return out;
}

/** Every word an instruction is given: a RUN's command words after quote removal, else its arguments. */
function wordsOf(instr: Instr): string[] {
  if (instr.run) return instr.run.commands.flatMap((c) => [c.name, ...c.args.map((a) => a.value)]);
  return instr.args.map((a) => a.value);
}

/** The packages a RUN installs with a family's tool (`apk add --virtual .deps a b` gives .deps, a and b). */
function packagesInstalled(run: Instr, family: string): Set<string> {
  const out = new Set<string>();
  for (const c of run.run?.commands ?? []) {
    if (FAMILY[baseName(c)] !== family || isCleanupCommand(c)) continue;
    const args = parseArgs(c, ['t', 'virtual', 'o', 'c', 'target-release']);
    for (const f of args.flags) if ((f.name === 't' || f.name === 'virtual') && f.value) out.add(f.value);
    for (const w of args.operands.slice(1)) out.add(w.value.replace(/[=<>].*$/, ''));
  }
  return out;
}

/**
 * Whether `run` made what the cleanup command deletes: the same tool family for a cache clean, the packages it
 * installed for a package removal, and for `rm` every path either a cache of a family the RUN used, or a path the RUN
 * is the first instruction of the stage to name (`rm /tmp/app.tgz` after `curl -o /tmp/app.tgz`; not after
 * `tar -xf /tmp/app.tgz` when a COPY brought it).
 */
function createdBy(cleanup: ShellCommand, run: Instr): boolean {
  const name = baseName(cleanup);
  const used = familiesUsed(run);
  if (name !== 'rm' && name !== 'rmdir') {
    const family = FAMILY[name];
    if (!family || !used.has(family)) return false;
    const ops = parseArgs(cleanup, ['o', 'c']).operands.map((w) => w.value);
    // `apt-get purge gcc`, `apk del .build-deps`: packages this RUN installed.
    if (!['purge', 'remove', 'rm', 'del', 'erase'].includes(ops[0] ?? '')) return true;
    const installed = packagesInstalled(run, family);
    return ops.length > 1 && ops.slice(1).every((p) => installed.has(p.replace(/[=<>].*$/, '')));
  }
  const paths = parseArgs(cleanup).operands.map((w) => w.value);
  const before = run.stage?.instructions.slice(0, Math.max(0, run.index)) ?? [];
  const earlier = before.flatMap(wordsOf);
  // What a COPY or ADD brought lies under its destination folder.
  const brought = before.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD').map((i) => i.args[i.args.length - 1]?.value === undefined ? '' : withoutTrailingSlashes(i.args[i.args.length - 1].value)).filter((d) => d.length > 1);
  const words = wordsOf(run);
  return paths.length > 0 && paths.every((p) => {
    const cache = CACHE_DIRS.find((d) => d.path.test(p));
    if (cache) {
      return cache.families.some((f) => {
        const subs = used.get(f);
        return !!subs && (!cache.by || cache.by.some((b) => subs.has(b)));
      });
    }
    // The path up to its first glob, without trailing slashes; `.`, `/` and bare globs could be anything.
    const literal = withoutTrailingSlashes(p.replace(/[*?[][\s\S]*$/, ''));
    if (literal.length < 2 || literal === '..') return false;
    return words.some((w) => w.includes(literal)) && !earlier.some((w) => w.includes(literal)) && !brought.some((d) => literal.startsWith(`${d}/`));
  });
}

export default defineRule({
  meta: {
    id: 'cleanup-in-separate-layer',
    aliases: {},
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'both',
    messages: {
      cleanupAlone: 'This RUN only deletes files; the bytes stay in the previous layer. Do the cleanup in the RUN that created them',
      mergeCleanup: 'Merge the cleanup into the previous RUN',
      mergeCleanupUnsafe: 'Merge the cleanup into the previous RUN (unsafe: {risk})',
      riskShellState: 'shell state carries over',
      riskPowershellState: 'PowerShell variables and location carry over',
      riskPowershellRunsOn: "joined with ';', Windows PowerShell runs on after a failed command, and PowerShell variables and location carry over",
    },
    docs: {
      summary: 'Cleanup in its own RUN does not make the image smaller',
      why: 'Layers are additive: files created by one RUN stay in that layer even when a later RUN deletes them. Deleting caches, package lists or temporary files only saves space when it happens in the same RUN that created them.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n',
        },
      ],
      fixSafety: 'The fix merges the cleanup into the previous RUN, and is offered only when that RUN made what it deletes: it ran the same package tool for a cache clean (`apt-get update` for the apt lists), installed the packages a removal names, or is the first instruction of the stage to name a deleted path (a path under a COPY or ADD destination came with that instruction). Otherwise the finding has no fix: the bytes sit in an earlier layer or in the base image, and moving the cleanup up to the RUN that made them could break the steps in between. It is unsafe when the previous RUN leaves shell state behind (cd, export, an assignment, set) that the cleanup would then run under.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        RUN(instr) {
          // Only the RUNs of a stage: those before the first FROM have none.
          if (!instr.stage || !isCleanupOnlyRun(instr)) return;
          const prev = previousInStage(instr);
          if (!prev || prev.keyword !== 'RUN' || !prev.run) return;
          // Merging shrinks the image only when the previous RUN made what this one deletes; else the bytes sit in an
          // earlier layer (or the base image), and moving the cleanup there could break the steps in between.
          const made = instr.run!.commands.filter((c) => !c.nested).every((c) => createdBy(c, prev));
          const edits = made && canMerge(model, prev, instr) ? mergeRunsEdits(model, [prev, instr]) : undefined;
          const risk = edits ? mergeRisk([prev, instr]) : undefined;
          ctx.report({
            start: instr.keywordStart,
            end: instr.keywordEnd,
            messageId: 'cleanupAlone',
            fixes: edits ? [{ ...(risk ? { titleId: 'mergeCleanupUnsafe', data: { risk } } : { titleId: 'mergeCleanup' }), safety: risk ? 'unsafe' : 'safe', changes: [{ kind: 'merges-runs' }], edits }] : [],
          });
        },
      },
    };
  },
});
