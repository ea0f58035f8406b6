import { defineRule } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { isCommand } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import { officialName } from '../model/image-lifecycle';
import { cleanPath, compilePattern, findDockerignore, matchesOrParent, mayMatchInside, type Program } from '../model/dockerignore';
import { copyOperands } from './support';

function contextRootSource(instr: Instr) {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) return undefined;
  return instr.args.slice(0, -1).find((a) => a.value === '.' || a.value === './');
}

// Characters that make a COPY source a glob.
const GLOB = /[*?[]/;

/** The context paths the Dockerfile's COPY and ADD instructions name (cleaned; not `--from`, URLs, variables). */
function namedSources(model: DockerfileModel): string[] {
  const out: string[] = [];
  for (const instr of model.instructions) {
    if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) continue;
    for (const src of copyOperands(model, instr)?.sources ?? []) {
      const v = src.value;
      if (v.startsWith('<<') || v.includes('$') || v.startsWith('git@') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) continue;
      out.push(cleanPath(v).replace(/^\/+/, '') || '.');
    }
  }
  return out;
}

/**
 * Whether ignore `pattern` would take away anything `source` copies: the path itself, a folder it is in, something
 * inside it, or (for a glob) a name both can match. The whole context (`.`, `*`) is what an ignore file is for.
 */
function takesFrom(entry: string, pattern: Program, source: string): boolean {
  if (source === '.' || source === '*' || source === '**') return false;
  if (!GLOB.test(source)) return matchesOrParent(pattern, source) || mayMatchInside(pattern, source);
  const names = source.split('/');
  const folder = names.slice(0, names.findIndex((n) => GLOB.test(n))).join('/');
  if (folder) return matchesOrParent(pattern, folder) || mayMatchInside(pattern, folder);
  // Two root-level globs overlap when either, read as a name, matches the other: `*.yml` and `docker-compose*.yml`.
  const glob = compilePattern(source);
  return matchesOrParent(pattern, source) || (typeof glob !== 'string' && matchesOrParent(glob, entry));
}

/** A group of .dockerignore entries with the comment above them; `!` lines bring back what the one before excludes. */
export interface IgnoreSection { title: string; entries: string[] }

/**
 * The entries a build context should leave out, chosen from what the Dockerfile builds, never excluding anything
 * it copies by name nor `.git` when a RUN uses git. Shared by the file this rule creates and the refactoring that
 * completes an existing one (dockerignore-entries).
 */
export function contextSections(model: DockerfileModel): IgnoreSection[] {
  const cmds = model.runs.flatMap((r) => r.run!.commands);
  const images = model.stages.map((s) => officialName(s.image) ?? '');
  const uses = (...names: string[]) => cmds.some((c) => isCommand(c, ...names));
  const sections: Array<[string, string[]]> = [['Version control, secrets, logs and editor files', ['.git', '.env', '.env.*', '!.env.example', '*.log', '.DS_Store', '.idea', '.vscode']]];
  sections.push(['Docker files themselves', ['Dockerfile*', '*.Dockerfile', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml']]);
  if (uses('npm', 'yarn', 'pnpm', 'node') || images.includes('node')) sections.push(['Node.js: dependencies are installed in the image', ['node_modules', 'npm-debug.log*', 'coverage']]);
  if (cmds.some((c) => packageCommand(c)?.manager === PACKAGE_MANAGERS.pip && packageCommand(c)?.action === 'install') || uses('poetry', 'pipenv', 'python', 'python3', 'uv') || images.includes('python')) sections.push(['Python', ['__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache']]);
  if (uses('mvn', './mvnw', 'mvnw', 'cargo') || images.some((i) => ['maven', 'rust'].includes(i))) sections.push(['Build output', ['target']]);
  if (uses('gradle', './gradlew', 'gradlew') || images.includes('gradle')) sections.push(['Gradle', ['build', '.gradle']]);
  // Never exclude what a COPY or ADD names (it would fail, or copy less), nor what a RUN reads (git needs .git).
  const sources = namedSources(model);
  const needed = (entry: string) => {
    if (entry === '.git' && uses('git')) return true;
    const program = compilePattern(entry);
    return typeof program === 'string' || sources.some((src) => takesFrom(entry, program, src));
  };
  const out: IgnoreSection[] = [];
  for (const [title, entries] of sections) {
    const kept = entries.filter((e) => e.startsWith('!') || !needed(e));
    if (kept.some((e) => !e.startsWith('!'))) out.push({ title, entries: kept });
  }
  return out;
}

/** A .dockerignore chosen from what the Dockerfile builds, never excluding anything it copies by name. */
export function dockerignoreFor(model: DockerfileModel): string {
  const lines: string[] = ['# Created by Dockwise: keeps secrets, history and local build output out of the build context.'];
  for (const { title, entries } of contextSections(model)) lines.push('', `# ${title}`, ...entries);
  return lines.join('\n') + '\n';
}

export default defineRule({
  meta: {
    id: 'missing-dockerignore',
    aliases: {},
    counterparts: {
      sonar: ['S6470'],
      differences: 'Reports `COPY .` only when no .dockerignore exists, where Sonar reports every recursive or glob copy of the context into the final image.',
    },
    category: 'cache',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      noDockerignore: '{keyword} {source} sends the whole folder and there is no .dockerignore: .git, .env files and local build output end up in the image',
      createDockerignore: 'Create a .dockerignore for this project (unsafe: COPY . sends less)',
    },
    docs: {
      summary: '`COPY .` without a .dockerignore',
      why: '`COPY . .` copies everything in the build context into the image. Without a .dockerignore that includes the `.git` folder (history and remotes), local `.env` files with credentials, `node_modules` or virtualenvs built for another platform, and logs. Each of these also invalidates the layer cache whenever it changes. A .dockerignore keeps them out.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nCOPY src/ ./src/\n', note: 'Or keep `COPY . .` and add a .dockerignore beside the Dockerfile.' },
      ],
      fixSafety: 'Unsafe: `COPY .` then sends less. The file leaves out version control, `.env` and `.env.*` files (a build that reads `.env.production` loses it), logs, editor folders, the Docker files and the local dependency and build folders of the tools the Dockerfile uses. It never excludes a path a COPY or ADD of this Dockerfile names, nor `.git` when a RUN uses git; other Dockerfiles that share the folder may copy what it excludes.',
      references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    },
  },
  check(ctx) {
    const files = ctx.files;
    if (!files) return; // without access to the folder we cannot know
    if (findDockerignore(files)) return;
    const { model } = ctx;
    for (const instr of model.instructions) {
      const src = contextRootSource(instr);
      // A builder stage's sources never reach the image (only what it builds is copied out).
      if (!src || (instr.stage && !instr.stage.ships)) continue;
      let content: string | undefined;
      ctx.report({
        start: src.start,
        end: src.end,
        messageId: 'noDockerignore',
        data: { keyword: instr.keyword, source: src.value },
        // The file's text is wanted only when the fix is taken, not on every keystroke that finds it: made then, once.
        fixes: [{ titleId: 'createDockerignore', safety: 'unsafe', edits: [], createFiles: [{ path: '.dockerignore', get content() { return content ??= dockerignoreFor(model); } }] }],
      });
      return;
    }
  },
});
