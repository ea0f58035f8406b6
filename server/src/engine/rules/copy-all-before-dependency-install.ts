import { defineRule, type FixSpec } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { isCommand, subcommand } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import type { ShellCommand } from '../model/shell';
import { isCleanupCommand } from './support';

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

function moveFix(model: DockerfileModel, copyAll: Instr, run: Instr, install: Install): FixSpec | undefined {
  // Only when nothing but comments sits between them, and the RUN does nothing that needs the source.
  if (run.index !== copyAll.index + 1) return undefined;
  if (!run.run!.commands.every((c) => c === install.cmd || isCleanupCommand(c) || dependencyInstall(c))) return undefined;
  if (copyAll.flags.some((f) => f.name !== 'chown' && f.name !== 'chmod') || copyAll.args.length !== 2) return undefined;
  const dest = copyAll.args[1].value;
  const destDir = dest === '.' ? './' : dest.endsWith('/') ? dest : `${dest}/`;
  const eol = model.lines.eol;
  const flags = copyAll.flags.map((f) => model.text.slice(f.start, f.end) + ' ').join('');
  const runStart = model.lines.lineStart(run.line);
  const runEnd = run.endLine + 1 < model.lines.lineCount ? model.lines.lineStart(run.endLine + 1) : model.text.length;
  let runText = model.text.slice(runStart, runEnd);
  if (!runText.endsWith('\n')) runText += eol;
  const at = model.lines.lineStart(copyAll.line);
  return {
    title: `Copy ${install.manifests.join(' ')} and install before copying the source (unsafe)`,
    safety: 'unsafe',
    edits: [
      { start: at, end: at, text: `COPY ${flags}${install.manifests.join(' ')} ${destDir}${eol}${runText}` },
      { start: runStart, end: runEnd, text: '' },
    ],
  };
}

export default defineRule({
  meta: {
    id: 'copy-all-before-dependency-install',
    aliases: {},
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    docs: {
      summary: 'Dependencies installed after copying the whole source',
      why: 'Docker reuses a cached layer only while everything before it is unchanged. With `COPY . .` before `npm ci` (or `pip install -r`, `go mod download` …), every edit to any source file invalidates the install layer, and each build downloads every dependency again. Copy the dependency manifests first, install, then copy the rest. The install layer is then rebuilt only when the dependencies change.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n' },
        { bad: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', good: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
      ],
      fixSafety: 'Unsafe: the install now runs before the rest of the source is present. A postinstall script, a local path dependency or a workspace that reads other files will fail. Add those files to the first COPY. Optional lockfiles are copied with a glob, so a missing one is not an error.',
      references: ['https://docs.docker.com/build/cache/optimize/#order-your-layers'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      let copyAll: Instr | undefined;
      for (const instr of stage.instructions) {
        if (!copyAll && isCopyAll(instr)) copyAll = instr;
        if (!copyAll || !instr.run) continue;
        for (const cmd of instr.run.commands) {
          const install = dependencyInstall(cmd);
          if (!install) continue;
          const fix = moveFix(model, copyAll, instr, install);
          ctx.report({
            start: cmd.start,
            end: cmd.end,
            message: `${install.tool} installs after COPY on line ${copyAll.line + 1} copied the whole source: any source edit reinstalls every dependency`,
            fixes: fix ? [fix] : [],
          });
          break;
        }
      }
    }
  },
});
