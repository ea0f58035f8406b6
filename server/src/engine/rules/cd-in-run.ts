import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { isCommand, parseArgs, subcommand } from '../model/commands';
import { officialImageStart, rootStage } from '../model/base-images';
import { isPlainShellRun } from './support';
import * as posix from '../model/paths';

// `cd` targets that go back rather than somewhere: home, the previous folder, a parent, the root.
const RETURN_TARGETS = new Set(['', '/', '..', '../', '-', '~', '$HOME', '${HOME}', '$OLDPWD', '${OLDPWD}']);

/** The folder as written, without quotes, `./` and trailing slashes. */
function folder(path: string): string {
  const p = posix.withoutTrailingSlashes(path.replace(/^(\.\/)+/, ''));
  return p === '' ? '.' : p;
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

/** `tar x…`, `tar -x`, `tar --extract`: the command unpacks an archive. */
function extracts(cmd: ShellCommand): boolean {
  if (isCommand(cmd, 'unzip', '7z', 'bsdtar')) return true;
  if (!isCommand(cmd, 'tar')) return false;
  const first = cmd.args[0]?.value ?? '';
  return /^[A-Za-z]*x[A-Za-z]*$/.test(first) || parseArgs(cmd, ['C', 'f', 'directory', 'file']).flags.some((f) => f.name === 'x' || f.name === 'extract' || f.name === 'get');
}

/** Folders `cmd` creates: mkdir's operands, git clone's target, where tar or unzip unpacks (`-C`, `-d`). */
function createdFolders(cmd: ShellCommand): string[] {
  if (isCommand(cmd, 'mkdir')) return parseArgs(cmd, ['m', 'mode', 'context']).operands.map((w) => folder(w.value));
  if (isCommand(cmd, 'git') && subcommand(cmd, ['C', 'c'])?.value === 'clone') {
    const ops = parseArgs(cmd, ['b', 'branch', 'depth', 'o', 'origin', 'c', 'config', 'C', 'reference', 'filter', 'j', 'jobs', 'u', 'upload-pack', 'separate-git-dir', 'shallow-since', 'shallow-exclude', 'template']).operands.slice(1);
    if (ops.length >= 2) return [folder(ops[1].value)];
    const url = ops[0] ? posix.withoutTrailingSlashes(ops[0].value) : '';
    return url ? [folder(url.split(/[/:]/).pop()!.replace(/\.git$/, ''))] : [];
  }
  if (extracts(cmd)) {
    const into = parseArgs(cmd, ['C', 'directory', 'd', 'f', 'file']).flags.filter((f) => ['C', 'directory', 'd'].includes(f.name) && f.value).map((f) => folder(f.value!));
    return into;
  }
  return [];
}

/** Folders `cmd` deletes with everything in them: `rm -r`. */
function removedFolders(cmd: ShellCommand): string[] {
  if (!isCommand(cmd, 'rm')) return [];
  const { flags, operands } = parseArgs(cmd);
  return flags.some((f) => f.name === 'r' || f.name === 'R' || f.name === 'recursive') ? operands.map((w) => folder(w.value)) : [];
}

/** Shell variables this RUN sets to a fresh temporary folder: `dir="$(mktemp -d)"`. */
function mktempVariables(instr: Instr): Set<string> {
  const names = new Set<string>();
  for (const script of instr.run!.scripts) {
    for (const m of script.text.matchAll(/(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=["']?(?:\$\(|`)\s*mktemp\b[^)`]*\s-[A-Za-z]*d/g)) names.add(m[1]);
  }
  return names;
}

/**
 * A `cd` WORKDIR cannot stand for: a return (`cd /`, `cd ..`, `cd -`) after other commands, a folder that exists
 * only while this RUN runs (created earlier in it: mkdir, mktemp, git clone, an archive unpacked; or deleted later
 * in it), or one this RUN leaves again. A WORKDIR would create the folder before the RUN and keep it in the image,
 * and would move every later instruction too.
 */
function folderOfThisRun(instr: Instr, cmds: ShellCommand[], i: number, target: string): boolean {
  if (RETURN_TARGETS.has(target)) return i > 0;
  const dir = folder(target);
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(\/|$)/.exec(dir)?.[1];
  if (variable && mktempVariables(instr).has(variable)) return true;
  // The folder as an absolute path too, when an earlier `cd` in this RUN says where a relative one starts.
  const names = [dir, resolvedAfterCds(cmds.slice(0, i), dir)].filter((d): d is string => d !== undefined);
  const before = cmds.slice(0, i);
  const created = (c: ShellCommand) => createdFolders(c).some((d) => names.some((n) => inside(n, d) || (createsParents(c) && inside(d, n))));
  if (before.some(created)) return true;
  // A relative folder right after an archive is unpacked here is the archive's top folder.
  if (!dir.startsWith('/') && !dir.startsWith('$') && before.some(extracts)) return true;
  const after = cmds.slice(i + 1);
  // Deleted later in this RUN, or left again (`cd /` further on): the folder belongs to part of this RUN only.
  return after.some((c) => removedFolders(c).some((d) => names.some((n) => inside(n, d))) || (isCommand(c, 'cd') && RETURN_TARGETS.has(parseArgs(c).operands[0]?.value ?? '')));
}

/** `mkdir -p`: the folders above the ones named are created too. */
function createsParents(cmd: ShellCommand): boolean {
  return isCommand(cmd, 'mkdir') && parseArgs(cmd, ['m', 'mode', 'context']).flags.some((f) => f.name === 'p' || f.name === 'parents');
}

/** A relative `dir` resolved against the earlier absolute `cd`s of the same RUN; undefined when none says. */
function resolvedAfterCds(before: ShellCommand[], dir: string): string | undefined {
  if (dir.startsWith('/')) return undefined;
  let cwd: string | undefined;
  for (const c of before) {
    if (!isCommand(c, 'cd')) continue;
    const t = folder(parseArgs(c).operands[0]?.value ?? '');
    cwd = t.startsWith('/') ? t : cwd && !t.includes('$') && !RETURN_TARGETS.has(t) ? posix.join(cwd, t) : undefined;
  }
  return cwd && !dir.includes('$') ? posix.join(cwd, dir) : undefined;
}

/** The working directory `instr` starts in: the WORKDIRs of the stage chain before it, from the base image's. */
function workdirBefore(stage: Stage, instr: Instr): string | undefined {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  const base = rootStage(stage).image;
  let dir = base.unresolved.length ? undefined : base.name === 'scratch' ? '/' : officialImageStart(base)?.workdir;
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === stage && i.start >= instr.start) return dir;
      if (i.keyword !== 'WORKDIR') continue;
      const w = i.args.length === 1 ? i.args[0].value : '$';
      if (w.includes('$')) return undefined;
      dir = w.startsWith('/') ? posix.normalize(w) : dir === undefined ? undefined : posix.join(dir, w);
    }
  }
  return dir;
}

/** Whether anything after `instr` runs in, or resolves a path against, the working directory it leaves behind. */
function laterUseWorkdir(stage: Stage, instr: Instr): boolean {
  for (const i of stage.instructions.slice(instr.index + 1)) {
    const last = i.args[i.args.length - 1]?.value ?? '';
    switch (i.keyword) {
      case 'WORKDIR': return !last.startsWith('/') || last.includes('$');
      case 'COPY': case 'ADD': if (!last.startsWith('/') || last.includes('$')) return true; break;
      case 'VOLUME': if (i.args.some((a) => !/^["[]?\//.test(a.value))) return true; break;
      case 'RUN': case 'CMD': case 'ENTRYPOINT': case 'HEALTHCHECK': case 'ONBUILD': return true;
    }
  }
  // The stage ends in that folder: the container starts there, and so do stages built FROM this one.
  return stage.isFinal || stage.usedBy.some((u) => u.keyword === 'FROM');
}

/**
 * The unsafe WORKDIR fix: only for `RUN cd <dir> && rest` where cd is the first command of a plain RUN. When later
 * instructions depend on the working directory, a second WORKDIR after the RUN returns to the one before it; when
 * that one is unknown, there is no fix.
 */
function workdirFix(model: DockerfileModel, instr: Instr, cd: ShellCommand): FixInput | undefined {
  if (instr.onbuild || !isPlainShellRun(instr)) return undefined;
  const cmds = instr.run!.commands;
  if (cmds[0] !== cd || cd.nested || cd.start !== instr.run!.bodyStart) return undefined;
  const ops = parseArgs(cd).operands;
  if (ops.length !== 1 || cd.args.length !== 1 || !/^[A-Za-z0-9_.\/@+-]+$/.test(ops[0].raw) || ops[0].raw === '-') return undefined;
  const next = cmds[1];
  if (!next || next.nested) return undefined;
  const script = instr.run!.scripts[0];
  const between = script.text.slice(cd.end - script.base, next.start - script.base);
  if (!/^\s*&&\s*$/.test(between)) return undefined;
  // What follows would start the RUN: `RUN cd /x && --flag y` would turn `--flag` into a RUN flag.
  if (/^[-\\`]/.test(model.text.slice(next.start, next.start + 1))) return undefined;
  // A comment line inside the continuation would be deleted with the `cd … &&`.
  if (model.commentsBetween(cd.end, next.start).length) return undefined;
  const indent = /^[ \t]*/.exec(model.lines.lineText(instr.line))![0];
  const lineStart = model.lines.lineStart(instr.line);
  if (instr.start !== lineStart + indent.length) return undefined;
  const stage = instr.stage!;
  const before = workdirBefore(stage, instr);
  // Already there: the cd changes nothing, and another WORKDIR would say the same again (fix-all would then
  // meet "the same" finding where the one it fixed was, as the next `cd` of `cd /x && cd /x && …` moves up).
  if (ops[0].value.startsWith('/') && before !== undefined && before === posix.withoutTrailingSlashes(posix.normalize(ops[0].value))) {
    return { titleId: 'dropCd', data: { dir: ops[0].value }, safety: 'unsafe', edits: [{ start: cd.start, end: next.start, text: '' }] };
  }
  const previous = laterUseWorkdir(stage, instr) ? before : null;
  if (previous === undefined) return undefined;
  const eol = model.lines.eol;
  const edits = [
    { start: instr.start, end: instr.start, text: `WORKDIR ${ops[0].value}${eol}${indent}` },
    { start: cd.start, end: next.start, text: '' },
  ];
  if (previous !== null) {
    const end = model.lines.lineEnd(instr.endLine);
    edits.push({ start: end, end, text: `${eol}${indent}WORKDIR ${previous}` });
  }
  return {
    ...(previous === null ? { titleId: 'moveToWorkdir', data: { dir: ops[0].value } } : { titleId: 'moveToWorkdirAndBack', data: { dir: ops[0].value, previous } }),
    safety: 'unsafe',
    edits,
  };
}

export default defineRule({
  meta: {
    id: 'cd-in-run',
    aliases: { hadolint: 'DL3003' },
    counterparts: {
      tally: ['hadolint/DL3003'],
      trivy: ['DS-0013'],
      kics: ["RUN Instruction Using 'cd' Instead of WORKDIR"],
      differences: 'Offers a fix that moves the `cd` into a WORKDIR (and back after the RUN when needed), or drops it when WORKDIR is already there.',
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      useWorkdir: 'Use WORKDIR to change directory; `cd` lasts only until the end of this RUN',
      dropCd: 'Drop cd {dir}: WORKDIR is already {dir}',
      moveToWorkdir: 'Use WORKDIR {dir}',
      moveToWorkdirAndBack: 'Use WORKDIR {dir}, then WORKDIR {previous} again after this RUN',
    },
    docs: {
      summary: '`cd` inside RUN instead of WORKDIR',
      why: 'A `cd` lasts only until the end of its RUN, so the next instruction silently runs somewhere else, and the directory a command needs is hidden in shell text. WORKDIR states it once for every following instruction (and creates the folder). Subshells such as `(cd sub && make)` are still reported: `make -C sub` or a WORKDIR usually says it better. Not reported where WORKDIR cannot stand for the `cd`: into a folder that exists only during this RUN (created earlier in it by mkdir, mktemp, git clone or unpacking an archive, or deleted later in it), into a folder the same RUN leaves again with `cd /`, `cd ..` or `cd -`, and those returns themselves after other commands (leaving a folder, often to delete it).',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN cd /app/tools && npm ci\nCOPY . .\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nWORKDIR /app/tools\nRUN npm ci\nWORKDIR /app\nCOPY . .\n' },
      ],
      fixSafety: 'The fix moves a leading `cd <dir> &&` into a `WORKDIR <dir>` line above the RUN. When later instructions (RUN, COPY to a relative path, CMD, the stage\'s own start) depend on the working directory, it adds `WORKDIR <previous>` after the RUN, where the previous one is known from the Dockerfile or the official base image; otherwise it offers no fix. WORKDIR creates the folder when it is missing, where `cd` would fail, and the restoring WORKDIR creates its own folder the same way. When the stage\'s WORKDIR is already that directory, the fix only drops the `cd <dir> &&` (unsafe too: an earlier RUN may have removed the directory, where `cd` would have failed).',
      references: ['https://docs.docker.com/build/building/best-practices/#workdir'],
    },
  },
  create(ctx) {
    return {
      commands: {
        cd(cmd, instr) {
          // Also called for what runs cd (`xargs cd …`, `env cd …`): only cd itself is judged.
          if (!isCommand(cmd, 'cd')) return;
          const cmds = instr.run!.commands;
          const target = parseArgs(cmd).operands[0]?.value ?? '';
          if (folderOfThisRun(instr, cmds, cmds.indexOf(cmd), target)) return;
          // A WORKDIR needs a stage to live in (not before the first FROM, not inside ONBUILD).
          const fix = instr.stage && !instr.onbuild ? workdirFix(ctx.model, instr, cmd) : undefined;
          ctx.report({
            start: cmd.nameWord.start,
            end: cmd.nameWord.end,
            messageId: 'useWorkdir',
            fixes: fix ? [fix] : [],
          });
        },
      },
    };
  },
});
