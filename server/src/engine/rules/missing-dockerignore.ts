import { defineRule } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { isCommand } from '../model/commands';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import { officialName } from '../model/image-lifecycle';
import { findDockerignore } from '../model/dockerignore';

function contextRootSource(instr: Instr) {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) return undefined;
  return instr.args.slice(0, -1).find((a) => a.value === '.' || a.value === './');
}

/** A .dockerignore chosen from what the Dockerfile builds, never excluding what it names explicitly. */
export function dockerignoreFor(model: DockerfileModel): string {
  const cmds = model.runs.flatMap((r) => r.run!.commands);
  const images = model.stages.map((s) => officialName(s.image) ?? '');
  const uses = (...names: string[]) => cmds.some((c) => isCommand(c, ...names));
  const sections: Array<[string, string[]]> = [['Version control, secrets, logs and editor files', ['.git', '.env', '.env.*', '!.env.example', '*.log', '.DS_Store', '.idea', '.vscode']]];
  sections.push(['Docker files themselves', ['Dockerfile*', '*.Dockerfile', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml']]);
  if (uses('npm', 'yarn', 'pnpm', 'node') || images.includes('node')) sections.push(['Node.js: dependencies are installed in the image', ['node_modules', 'npm-debug.log*', 'coverage']]);
  if (cmds.some((c) => packageCommand(c)?.manager === PACKAGE_MANAGERS.pip && packageCommand(c)?.action === 'install') || uses('poetry', 'pipenv', 'python', 'python3', 'uv') || images.includes('python')) sections.push(['Python', ['__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache']]);
  if (uses('mvn', './mvnw', 'mvnw', 'cargo') || images.some((i) => ['maven', 'rust'].includes(i))) sections.push(['Build output', ['target']]);
  if (uses('gradle', './gradlew', 'gradlew') || images.includes('gradle')) sections.push(['Gradle', ['build', '.gradle']]);
  // Never exclude what the Dockerfile copies by name or what a RUN reads (git needs .git).
  const named = model.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from'))
    .flatMap((i) => i.args.slice(0, -1).map((a) => a.value.replace(/^\.\//, '')));
  const needed = (entry: string) => (entry === '.git' && uses('git')) || named.some((n) => n === entry || n.startsWith(`${entry.replace(/\*.*$/, '')}/`) || (entry.endsWith('*') && n.startsWith(entry.slice(0, -1)) && entry.length > 1));
  const lines: string[] = ['# Created by Dockwise: keeps secrets, history and local build output out of the build context.'];
  for (const [title, entries] of sections) {
    const kept = entries.filter((e) => e.startsWith('!') || !needed(e));
    if (kept.length) lines.push('', `# ${title}`, ...kept);
  }
  return lines.join('\n') + '\n';
}

export default defineRule({
  meta: {
    id: 'missing-dockerignore',
    aliases: {},
    defaultSeverity: 'warning',
    fixable: 'safe',
    docs: {
      summary: '`COPY .` without a .dockerignore',
      why: '`COPY . .` copies everything in the build context into the image. Without a .dockerignore that includes the `.git` folder (history and remotes), local `.env` files with credentials, `node_modules` or virtualenvs built for another platform, and logs. Each of these also invalidates the layer cache whenever it changes. A .dockerignore keeps them out.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nCOPY src/ ./src/\n', note: 'Or keep `COPY . .` and add a .dockerignore beside the Dockerfile.' },
      ],
      references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    },
  },
  check(ctx) {
    const files = ctx.files;
    if (!files) return; // without access to the folder we cannot know
    if (findDockerignore(files)) return;
    for (const instr of ctx.model.instructions) {
      const src = contextRootSource(instr);
      if (!src) continue;
      ctx.report({
        start: src.start,
        end: src.end,
        message: `${instr.keyword} ${src.value} sends the whole folder and there is no .dockerignore: .git, .env files and local build output end up in the image`,
        fixes: [{ title: 'Create a .dockerignore for this project', safety: 'safe', edits: [], createFiles: [{ path: '.dockerignore', content: dockerignoreFor(ctx.model) }] }],
      });
      return;
    }
  },
});
