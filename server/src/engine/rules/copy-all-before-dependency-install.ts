import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand, subcommand } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import type { ShellCommand } from '../model/shell';
import { isCleanupCommand } from './support';
import * as posix from '../model/paths';

interface Install { cmd: ShellCommand; tool: string; manifests: string[] }

/** A dependency install that reads only manifests, with the manifests it needs (globs for optional lockfiles). */
function dependencyInstall(cmd: ShellCommand): Install | undefined {
  const sub = subcommand(cmd)?.value;
  // npm, yarn and pnpm installs that name no package install what the manifests list.
  const pc = packageCommand(cmd);
  if (pc?.action === 'install' && pc.operands.length === 0 && !pc.subcommand.startsWith('global')) {
    if (pc.manager === PACKAGE_MANAGERS.npm) return { cmd, tool: 'npm', manifests: ['package*.json'] };
    if (pc.manager === PACKAGE_MANAGERS.yarn) return { cmd, tool: 'yarn', manifests: ['package.json', 'yarn.lock*'] };
    if (pc.manager === PACKAGE_MANAGERS.pnpm) return { cmd, tool: 'pnpm', manifests: ['package.json', 'pnpm-lock.yaml*'] };
  }
  if (pc?.manager === PACKAGE_MANAGERS.pip && pc.action === 'install') {
    const files = pc.flags.filter((f) => ['r', 'requirement', 'c', 'constraint'].includes(f.name) && f.value).map((f) => f.value!);
    // Only installs driven purely by requirement files; `pip install .` needs the source.
    if (!files.length || pc.operands.length > 0 || files.some((f) => f.startsWith('/') || f.includes('$'))) return undefined;
    return { cmd, tool: 'pip', manifests: files };
  }
  if (isCommand(cmd, 'poetry') && sub === 'install' && cmd.args.some((a) => a.value === '--no-root')) return { cmd, tool: 'poetry', manifests: ['pyproject.toml', 'poetry.lock*'] };
  if (isCommand(cmd, 'pipenv') && (sub === 'install' || sub === 'sync')) return { cmd, tool: 'pipenv', manifests: ['Pipfile', 'Pipfile.lock*'] };
  if (isCommand(cmd, 'go') && sub === 'mod' && cmd.args.some((a) => a.value === 'download')) return { cmd, tool: 'go', manifests: ['go.mod', 'go.sum*'] };
  if (isCommand(cmd, 'mvn', 'mvnw', './mvnw') && cmd.args.some((a) => /^dependency:(go-offline|resolve)/.test(a.value))) return { cmd, tool: 'maven', manifests: ['pom.xml'] };
  if (isCommand(cmd, 'bundle') && sub === 'install') return { cmd, tool: 'bundler', manifests: ['Gemfile', 'Gemfile.lock*'] };
  if (isCommand(cmd, 'composer') && sub === 'install' && cmd.args.some((a) => a.value === '--no-scripts' || a.value === '--no-autoloader')) return { cmd, tool: 'composer', manifests: ['composer.json', 'composer.lock*'] };
  if (isCommand(cmd, 'cargo') && sub === 'fetch') return { cmd, tool: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock*'] };
  return undefined;
}

/** COPY (not from a stage) of the whole build context: `.` or `./`. */
function isCopyAll(instr: Instr): boolean {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return false;
  if (instr.flags.some((f) => f.name === 'from') || instr.args.length < 2) return false;
  return instr.args.slice(0, -1).some((a) => a.value === '.' || a.value === './');
}

/** A folder path as written, with one trailing slash (`.` is `./`). */
function asFolder(path: string): string {
  const p = path === '.' ? './' : path;
  return p.endsWith('/') ? p : `${p}/`;
}

/** The working directory `instr` runs in, from the stage's WORKDIRs (relative ones joined); undefined when unknown. */
function workdirAt(stage: Stage, instr: Instr): string | undefined {
  let dir: string | undefined;
  for (const i of stage.instructions) {
    if (i === instr) break;
    if (i.keyword !== 'WORKDIR' || i.args.length !== 1 || i.args[0].value.includes('$')) continue;
    const w = i.args[0].value;
    dir = w.startsWith('/') ? posix.normalize(w) : dir && posix.join(dir, w);
  }
  return dir?.replace(/(?<=.)\/$/, '');
}

/** Manifests an earlier COPY of the stage already put into `destDir`. */
function copiedBefore(copyAll: Instr, destDir: string): Set<string> {
  const copied = new Set<string>();
  for (const i of copyAll.stage!.instructions.slice(0, copyAll.index)) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from') || i.args.length < 2) continue;
    if (asFolder(i.args[i.args.length - 1].value) !== destDir) continue;
    for (const a of i.args.slice(0, -1)) copied.add(a.value.replace(/^\.\//, ''));
  }
  return copied;
}

function moveFix(model: DockerfileModel, copyAll: Instr, run: Instr, install: Install): FixInput | undefined {
  // Only when nothing but comments sits between them, and the RUN does nothing that needs the source.
  if (run.index !== copyAll.index + 1) return undefined;
  if (!run.run!.commands.every((c) => c === install.cmd || isCleanupCommand(c) || dependencyInstall(c))) return undefined;
  if (copyAll.flags.some((f) => f.name !== 'chown' && f.name !== 'chmod') || copyAll.args.length !== 2) return undefined;
  const dest = copyAll.args[1].value;
  const destDir = asFolder(dest);
  // The install reads its manifests from its working directory: it must be where the source is copied to.
  if (dest.startsWith('/') && workdirAt(copyAll.stage!, run) !== posix.normalize(dest).replace(/(?<=.)\/$/, '')) return undefined;
  if (!dest.startsWith('/') && !/^\.\/?$/.test(dest)) return undefined;
  if (install.manifests.some((m) => m.startsWith('../') || m.includes('/../'))) return undefined;
  const copied = copiedBefore(copyAll, destDir);
  const missing = install.manifests.filter((m) => !copied.has(m.replace(/^\.\//, '')));
  // One COPY per folder: several sources into one destination would land side by side, out of their folders.
  const byFolder = new Map<string, string[]>();
  for (const m of missing) {
    const folder = posix.dirname(m.replace(/^\.\//, ''));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), m]);
  }
  const eol = model.lines.eol;
  const flags = copyAll.flags.map((f) => model.text.slice(f.start, f.end) + ' ').join('');
  const copies = [...byFolder].map(([folder, files]) => `COPY ${flags}${files.join(' ')} ${folder === '.' ? destDir : `${destDir}${folder}/`}${eol}`).join('');
  const runStart = model.lines.lineStart(run.line);
  const runEnd = run.endLine + 1 < model.lines.lineCount ? model.lines.lineStart(run.endLine + 1) : model.text.length;
  let runText = model.text.slice(runStart, runEnd);
  if (!/[\r\n]$/.test(runText)) runText += eol;
  const at = model.lines.lineStart(copyAll.line);
  return {
    ...(missing.length ? { titleId: 'copyManifestsInstallFirst', data: { manifests: missing.join(' ') } } : { titleId: 'installFirst' }),
    safety: 'unsafe',
    edits: [
      { start: at, end: at, text: `${copies}${runText}` },
      { start: runStart, end: runEnd, text: '' },
    ],
  };
}

export default defineRule({
  meta: {
    id: 'copy-all-before-dependency-install',
    aliases: {},
    category: 'cache',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      installAfterCopyAll: '{tool} installs after COPY on line {line} copied the whole source: any source edit reinstalls every dependency',
      copyManifestsInstallFirst: 'Copy {manifests} and install before copying the source (unsafe)',
      installFirst: 'Install before copying the source (unsafe)',
    },
    docs: {
      summary: 'Dependencies installed after copying the whole source',
      why: 'Docker reuses a cached layer only while everything before it is unchanged. With `COPY . .` before `npm ci` (or `pip install -r`, `go mod download` …), every edit to any source file invalidates the install layer, and each build downloads every dependency again. Copy the dependency manifests first, install, then copy the rest. The install layer is then rebuilt only when the dependencies change. A second install after the copy by a tool that already installed before it (`yarn install --production` to prune) is not reported.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n' },
        { bad: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', good: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
      ],
      fixSafety: 'Unsafe: the install now runs before the rest of the source is present. A postinstall script, a local path dependency, a requirements file that includes another (`-r base.txt`) or a workspace that reads other files will fail. Add those files to the first COPY. Optional lockfiles are copied with a glob, so a missing one is not an error; manifests in a sub-folder keep their folder, and manifests an earlier COPY already brought are not copied again. No fix when the install does not run in the folder the source is copied to.',
      references: ['https://docs.docker.com/build/cache/optimize/#order-your-layers'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      let copyAll: Instr | undefined;
      // Tools that installed from their manifests before the whole source came in: a later run is a second pass
      // (`yarn install --production` to prune), and the cached install layer already exists.
      const installedFirst = new Set<string>();
      for (const instr of stage.instructions) {
        if (!copyAll && isCopyAll(instr)) copyAll = instr;
        if (!instr.run) continue;
        if (!copyAll) {
          for (const cmd of instr.run.commands) { const first = dependencyInstall(cmd); if (first) installedFirst.add(first.tool); }
          continue;
        }
        for (const cmd of instr.run.commands) {
          const install = dependencyInstall(cmd);
          if (!install || installedFirst.has(install.tool)) continue;
          const fix = moveFix(model, copyAll, instr, install);
          ctx.report({
            start: cmd.start,
            end: cmd.end,
            messageId: 'installAfterCopyAll',
            data: { tool: install.tool, line: copyAll.line + 1 },
            fixes: fix ? [fix] : [],
          });
          break;
        }
      }
    }
  },
});
