// Caches as mounts: each install or build step that downloads into its tool's cache (what prefer-cache-mount
// reports) gets `--mount=type=cache,target=<that cache>`, and the cleanup that only emptied the cache is dropped:
// the downloads stay on the builder between builds and never reach the layer. For apt on Debian and Ubuntu the
// docker-clean hook, which would empty the mount after every install, is removed once per stage.
import { defineRefactoring, type RefactorContext, type RefactorOffer } from './types';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import type { OffsetEdit } from '../types';
import { cacheMountPlans, dropWordEdit, keepsDebs, runsAsRoot, type CacheMountPlan } from '../model/cache-targets';
import { baseName, parseArgs } from '../model/commands';
import { PACKAGE_MANAGERS, readsIndexOnDisk, refreshesIndex, type PackageManager } from '../model/package-managers';
import { distroFamily, rootStage } from '../model/base-images';
import { APT_DOCKER_CLEAN, APT_KEEP_DOWNLOADED } from '../data/cache-mounts';
import { frontendAllows, indexReadLater, packageCommands, pathWithin } from '../rules/support';
import { readLayout } from '../format/layout';
import { defineStrings, speaker } from '../i18n/catalog';

const STRINGS = defineStrings({
  'refactor.caches-as-mounts.title': 'Keep the {tools} cache in a BuildKit cache mount (out of the image, kept between builds)',
  'refactor.caches-as-mounts.titleAll': 'Keep package and build caches in BuildKit cache mounts in every RUN of the file ({count} RUNs)',
  'refactor.caches-as-mounts.mounted': 'Kept on the builder between builds and out of the image from now on: {dirs}. A later RUN that needs what was downloaded there must mount the same cache',
  'refactor.caches-as-mounts.dropped': 'Dropped the cleanup the mount makes pointless: {commands}',
  'refactor.caches-as-mounts.dockerClean': 'Added `{line}` before the first apt RUN it changes in the stage: Debian\'s and Ubuntu\'s images would otherwise delete the downloaded packages from the mount after every install',
  'refactor.caches-as-mounts.gone': 'The RUN no longer runs a tool whose cache can be mounted',
});

/** The plans of `instr` the refactoring applies: caches not yet mounted, for flags it can drop, indexes no later RUN reads. */
function plansOf(model: DockerfileModel, instr: Instr): CacheMountPlan[] {
  if (instr.keyword !== 'RUN' || !frontendAllows(model, 2)) return [];
  return cacheMountPlans(model, instr).filter((p) => {
    if (p.covered || !p.fixable) return false;
    // A later RUN that installs without refreshing the index reads it from this layer: with the index in a mount
    // it would find none.
    const m = p.tool.manager === 'apt' || p.tool.manager === 'apk' ? PACKAGE_MANAGERS[p.tool.manager] : undefined;
    return !m || (!indexReadLater(model, instr, m) && !readsEarlierIndex(instr, m));
  });
}

/** The RUN installs from an index an earlier RUN downloaded (no refresh first): an empty mount would hide it. */
function readsEarlierIndex(instr: Instr, m: PackageManager): boolean {
  for (const pc of packageCommands(instr)) {
    if (pc.manager !== m) continue;
    if (refreshesIndex(pc)) return false;
    if (readsIndexOnDisk(pc)) return true;
  }
  return false;
}

/** `rm` operand as a directory prefix: `~/` and `$HOME/` as root's home, a glob cut back to the folder it is in. */
function removedPath(value: string, root: boolean | undefined): string | undefined {
  let p = value.replace(/^["']|["']$/g, '');
  if (/^(~|\$HOME|\$\{HOME\})\//.test(p)) {
    if (!root) return undefined;
    p = p.replace(/^(~|\$HOME|\$\{HOME\})/, '/root');
  }
  const glob = p.search(/[*?[]/);
  if (glob >= 0) p = p.slice(0, p.lastIndexOf('/', glob) + 1);
  return p.startsWith('/') && !/[$`]/.test(p) ? p : undefined;
}

/** The words of a command, cleanups of `plans`' tools, that a mount at `dirs` makes pointless: all (the whole command) or some operands. */
function pointless(cmd: ShellCommand, plans: readonly CacheMountPlan[], dirs: readonly string[], root: boolean | undefined): 'all' | ShellCommand['args'] | undefined {
  const words = [baseName(cmd), ...cmd.args.map((a) => a.value)];
  for (const p of plans) {
    for (const c of p.tool.cleanups ?? []) {
      if (c.words.every((w, i) => words[i] === w) && words.slice(c.words.length).every((w) => w.startsWith('-'))) return 'all';
    }
  }
  if (baseName(cmd) !== 'rm') return undefined;
  const operands = parseArgs(cmd).operands;
  const inCache = operands.filter((w) => {
    const p = removedPath(w.value, root);
    return !!p && dirs.some((d) => pathWithin(p, d));
  });
  if (!inCache.length) return undefined;
  return inCache.length === operands.length ? 'all' : inCache;
}

/**
 * An edit that deletes an operand: with the blanks before it, and when it stands alone on a continuation line,
 * with the continuation that led to it too (no empty continuation line is left).
 */
function dropOperand(model: DockerfileModel, start: number, end: number): OffsetEdit {
  const { text, lines } = model;
  const line = lines.positionAt(end).line;
  const alone = /^[ \t]*$/.test(text.slice(lines.lineStart(line), start)) && /^[ \t]*$/.test(text.slice(end, lines.lineEnd(line)));
  if (alone && line > 0) {
    const prevEnd = lines.lineEnd(line - 1);
    const m = /[ \t]*(\S)[ \t]*$/.exec(text.slice(lines.lineStart(line - 1), prevEnd));
    if (m && m[1] === model.escapeChar) return { start: prevEnd - m[0].length, end, text: '' };
  }
  return dropWordEdit(text, start, end);
}

/** The text between two commands is one `&&` or `;` (blanks and line continuations around it). */
function isJoiner(model: DockerfileModel, text: string): boolean {
  const esc = model.escapeChar === '`' ? '`' : '\\\\';
  return new RegExp(`^(?:[ \\t]|${esc}[ \\t]*\\r?\\n)*(?:&&|;)(?:[ \\t]|${esc}[ \\t]*\\r?\\n)*$`).test(text);
}

/**
 * Edits that drop the cleanup commands of a RUN a cache mount at `dirs` makes pointless, each with the `&&` or
 * `;` that joined it, and the `rm` operands inside the mounts where the `rm` also removes other things. Only
 * commands of a plain `&&`/`;` chain: one inside `if`, `||`, a pipe or a subshell stays as written.
 */
function cleanupEdits(model: DockerfileModel, instr: Instr, plans: readonly CacheMountPlan[], dirs: readonly string[], dropped: string[]): OffsetEdit[] {
  const run = instr.run;
  if (!run || run.execForm || run.heredocs.length) return [];
  const root = runsAsRoot(instr);
  const top = run.commands.filter((c) => !c.nested);
  const drop = top.map((c) => (c.pipeline === undefined ? pointless(c, plans, dirs, root) : undefined));
  const edits: OffsetEdit[] = [];
  const text = model.text;
  for (let i = 0; i < top.length; i++) {
    const d = drop[i];
    if (d === undefined) continue;
    if (d !== 'all') {
      for (const w of d) edits.push(dropOperand(model, w.start, w.end));
      dropped.push(`\`${d.map((w) => w.value).join(' ')}\``);
      continue;
    }
    let j = i;
    while (j + 1 < top.length && drop[j + 1] === 'all') j++;
    const before = top[i - 1];
    const after = top[j + 1];
    const joined = [...(before ? [text.slice(before.end, top[i].start)] : []), ...top.slice(i + 1, j + 1).map((c, k) => text.slice(top[i + k].end, c.start)), ...(after ? [text.slice(top[j].end, after.start)] : [])];
    const ends = text.slice(top[j].end, after ? after.start : instr.end);
    if ((before || after) && joined.every((x) => isJoiner(model, x)) && (after || /^[ \t]*(\r?\n)?$/.test(ends))) {
      edits.push(before ? { start: before.end, end: top[j].end, text: '' } : { start: top[i].start, end: after.start, text: '' });
      for (const c of top.slice(i, j + 1)) dropped.push(`\`${text.slice(c.start, c.end)}\``);
    }
    i = j;
  }
  return edits;
}

/** The mount flags as the RUN is laid out: on the keyword line for a one-line RUN, one per line for a continued one. */
function mountEdit(model: DockerfileModel, instr: Instr, mounts: readonly string[]): OffsetEdit {
  const layout = readLayout(model, instr);
  const content = layout.lines.filter((l) => l.kind === 'content' && l.line > instr.line);
  if (!layout.lines[0]?.continued || !content.length || instr.heredocs.length) {
    return { start: instr.keywordEnd, end: instr.keywordEnd, text: ` ${mounts.join(' ')}` };
  }
  const esc = model.escapeChar;
  const eol = model.lines.eol;
  const indent = content[0].indent || '    ';
  const lineEnd = model.lines.lineEnd(instr.line);
  const rest = model.text.slice(instr.keywordEnd, lineEnd);
  // `RUN \` with the command on the next line: the mounts go on the keyword line and lines of their own.
  if (/^[ \t]*$/.test(rest.slice(0, rest.indexOf(esc) < 0 ? rest.length : rest.indexOf(esc))) && rest.trim() === esc) {
    return { start: instr.keywordEnd, end: instr.keywordEnd, text: ` ${mounts.join(` ${esc}${eol}${indent}`)}` };
  }
  let end = instr.keywordEnd;
  while (model.text[end] === ' ' || model.text[end] === '\t') end++;
  return { start: instr.keywordEnd, end, text: ` ${mounts.join(` ${esc}${eol}${indent}`)} ${esc}${eol}${indent}` };
}

/** The start of the comment lines directly above `instr` (they describe it), or its own line's start. */
function aboveComments(model: DockerfileModel, instr: Instr): number {
  let line = instr.line;
  while (line > 0 && model.commentOnLine(line - 1) && !model.directives.some((d) => d.line === line - 1)) line--;
  return model.lines.lineStart(line);
}

function isAncestorOrSelf(stage: Stage, of: Stage): boolean {
  for (let s: Stage | undefined = of; s; s = s.parent) if (s === stage) return true;
  return false;
}

/** The offered RUNs, in order. */
function offeredRuns(model: DockerfileModel): Instr[] {
  return model.instructions.filter((i) => plansOf(model, i).length > 0);
}

function change(ctx: RefactorContext, runs: readonly Instr[]): { edits: OffsetEdit[]; notes: string[] } {
  const { model } = ctx;
  const t = speaker(STRINGS, ctx.settings.locale);
  const edits: OffsetEdit[] = [];
  const dirs: string[] = [];
  const dropped: string[] = [];
  const hooked: Stage[] = [];
  const hookLines: string[] = [];
  for (const run of runs) {
    const plans = plansOf(model, run);
    const mounts = [...new Set(plans.flatMap((p) => p.mounts))];
    const runDirs = [...new Set(plans.flatMap((p) => p.dirs.map((d) => d.dir)))];
    const stage = run.stage!;
    if (plans.some((p) => p.tool.manager === 'apt') && distroFamily(rootStage(stage).image) === 'debian' && !keepsDebs(run) && !hooked.some((h) => isAncestorOrSelf(h, stage))) {
      hooked.push(stage);
      const indent = /^[ \t]*/.exec(model.text.slice(model.lines.lineStart(run.line)))![0];
      const at = aboveComments(model, run);
      // In the file's keyword casing (`run` where the RUN is written so).
      const keyword = model.text.slice(run.keywordStart, run.keywordEnd);
      // `apt` (as opposed to apt-get) also needs telling to keep what it downloads.
      const apt = plans.some((p) => p.tool.manager === 'apt' && p.command.split(' ')[0] === 'apt');
      const line = `${keyword} rm -f ${APT_DOCKER_CLEAN}${apt ? ` && echo '${APT_KEEP_DOWNLOADED.setting}' > ${APT_KEEP_DOWNLOADED.file}` : ''}`;
      hookLines.push(line);
      edits.push({ start: at, end: at, text: `${indent}${line}${model.lines.eol}` });
    }
    edits.push(mountEdit(model, run, mounts), ...plans.flatMap((p) => p.flagEdits), ...cleanupEdits(model, run, plans, runDirs, dropped));
    for (const d of runDirs) if (!dirs.includes(d)) dirs.push(d);
  }
  const notes = [t('refactor.caches-as-mounts.mounted', { dirs: dirs.map((d) => `\`${d}\``).join(', ') })];
  if (dropped.length) notes.push(t('refactor.caches-as-mounts.dropped', { commands: [...new Set(dropped)].join(', ') }));
  for (const line of [...new Set(hookLines)]) notes.push(t('refactor.caches-as-mounts.dockerClean', { line }));
  return { edits, notes };
}

const FILE_KEY = 'file';

export default defineRefactoring({
  id: 'caches-as-mounts',
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Give install and build steps a BuildKit cache mount at their tool\'s cache, and drop the cleanup it makes pointless',
    details: 'Offered on each RUN that prefer-cache-mount reports (apt, apk, dnf, yum, zypper, pip, npm, yarn, pnpm, go, cargo, maven, gradle, uv and bundler), and once for every such RUN of the file when there are several. Each gets `--mount=type=cache,target=<dir>` for its tool\'s caches, where they are for that RUN (its user\'s home, an ENV that moves them, the official image\'s own setting); apt\'s two targets get `sharing=locked`, and on Debian and Ubuntu images `RUN rm -f /etc/apt/apt.conf.d/docker-clean` is added once per stage before the first apt RUN it changes, since that hook would delete the downloaded packages from the mount. Flags that turn the cache off go (`--no-cache-dir`; `apk add --no-cache` becomes `--update-cache`), and so do the cleanups of the same RUN that only emptied the cache (`apt-get clean`, `rm -rf /var/lib/apt/lists/*`, `npm cache clean --force`, `go clean -modcache`, … listed in data/cache-mounts.ts), each with the `&&` or `;` that joined it; a cleanup inside `if`, `||` or a pipe stays. On a RUN of several lines each mount gets a line of its own. Not offered on Windows images, where a mount already covers the cache, when an ENV turns the cache off, or for apt and apk when a later RUN installs from the index without refreshing it (the index would no longer be in the layer). Unsafe: what the tool downloads leaves the image, and the cache lives on the builder.',
    example: {
      before: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n',
      after: 'FROM debian:bookworm-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
    },
  },
  offers(ctx, start, end) {
    const { model } = ctx;
    const t = speaker(STRINGS, ctx.settings.locale);
    const runs = offeredRuns(model);
    const out: RefactorOffer[] = [];
    const here = runs.filter((r) => r.end >= start && r.start <= end);
    for (const run of here) {
      const tools = [...new Set(plansOf(model, run).map((p) => p.tool.name))].join(', ');
      out.push({ refactoring: 'caches-as-mounts', key: String(run.start), title: t('refactor.caches-as-mounts.title', { tools }), kind: 'refactor.rewrite', start: run.start, end: run.end, safety: 'unsafe' });
    }
    if (runs.length > 1 && here.length) {
      out.push({ refactoring: 'caches-as-mounts', key: FILE_KEY, title: t('refactor.caches-as-mounts.titleAll', { count: runs.length }), kind: 'refactor.rewrite', start: runs[0].start, end: runs[runs.length - 1].end, safety: 'unsafe' });
    }
    return out;
  },
  async apply(ctx, offer) {
    const runs = offeredRuns(ctx.model).filter((r) => offer.key === FILE_KEY || String(r.start) === offer.key);
    if (!runs.length) return { error: speaker(STRINGS, ctx.settings.locale)('refactor.caches-as-mounts.gone') };
    return change(ctx, runs);
  },
});
