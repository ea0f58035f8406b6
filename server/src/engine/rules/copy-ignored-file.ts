import { defineRule, type FileAccess } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { RuleExample } from '../types';
import { cleanPath, excludedEntirely, excludesEverything, excludesGlob, readDockerignore, type IgnoreFile, type IgnorePattern } from '../model/dockerignore';
import { copyOperands } from './support';

// Characters that make a COPY source a glob (a `\` escapes one; either way the source is not plain text).
const GLOB = /[*?[\\]/;

/** The source as a cleaned path relative to the context root; undefined when it is not a plain context path. */
function contextPath(source: string): string | undefined {
  if (source.startsWith('<<') || source.includes('$') || source.startsWith('git@') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return undefined;
  const path = cleanPath(source).replace(/^\/+/, '') || '.';
  return path === '..' || path.startsWith('../') ? undefined : path;
}

/**
 * The ignore-file line that keeps everything `path` names out of the context, if any. A glob counts when the folder
 * it searches is excluded entirely, or when the ignore file lists that very glob with no `!` line after it.
 */
function excludingLine(ignore: IgnoreFile, path: string, isFile: () => boolean): IgnorePattern | undefined {
  if (path === '.') return excludesEverything(ignore);
  if (!GLOB.test(path)) return excludedEntirely(ignore, path, isFile);
  const names = path.split('/');
  const folder = names.slice(0, names.findIndex((n) => GLOB.test(n))).join('/');
  return (folder ? excludedEntirely(ignore, folder) : excludesEverything(ignore)) ?? excludesGlob(ignore, path);
}

/** Whether the source is a regular file (so nothing inside it can be re-included). */
const isFileIn = (files: FileAccess, path: string) => () => files.isFile?.(path) ?? false;

// Examples need an ignore file beside them.
const examples: RuleExample[] = [
  {
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY build/ ./build/\nCMD ["node", "build/server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\nCMD ["node", "build/server.js"]\n',
    note: 'With a .dockerignore of `node_modules` and `build`: the local build output never reaches the builder, so build in the image (or stop ignoring `build`).',
    files: { '.dockerignore': 'node_modules\nbuild\n' },
  },
  {
    bad: 'FROM nginx:1.27\nCOPY CHANGELOG.md /usr/share/nginx/html/\n',
    good: 'FROM nginx:1.27\nCOPY README.md /usr/share/nginx/html/\n',
    note: 'With a .dockerignore of `*.md` and then `!README.md`: the later `!` line brings README.md back, so only the other Markdown files are missing. BuildKit stays silent on any ignore file with a `!` line; Dockwise follows the lines in order.',
    files: { '.dockerignore': '*.md\n!README.md\n' },
  },
];

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    aliases: { buildkit: 'CopyIgnoredFile' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      contextExcluded: 'The whole build context is excluded by {file} (line {line}: `{pattern}`), so this {keyword} copies nothing',
      sourceExcluded: '`{source}` is excluded by {file} (line {line}: `{pattern}`), so this {keyword} fails or copies nothing',
    },
    docs: {
      summary: 'COPY or ADD of a path that .dockerignore excludes',
      why: 'What .dockerignore (or `<Dockerfile name>.dockerignore`) excludes never reaches the builder: a COPY or ADD that names it fails with "not found", or its glob copies nothing. Either the instruction is stale or the ignore file is too broad; re-include what the build needs with a `!` line. Dockwise reads the ignore file as Docker does: the last matching line decides, and a folder counts as excluded only when no later `!` line can bring back anything in it. BuildKit\'s own check goes silent as soon as the file has a `!` line; Dockwise evaluates those lines instead. Sources with variables, URLs and `COPY --from` are not checked.',
      examples,
      references: ['https://docs.docker.com/reference/build-checks/copy-ignored-file/'],
    },
  },
  create(ctx) {
    const files = ctx.files;
    if (!files) return {}; // without the folder there is no ignore file to read
    // Not ONBUILD triggers: they copy from a later build's context, with its own ignore file.
    const copies: Instr[] = [];
    const copy = (instr: Instr): void => {
      if (!instr.flags.some((f) => f.name === 'from')) copies.push(instr);
    };
    return {
      instructions: { COPY: copy, ADD: copy },
      // The ignore file is read after the walk, once, and only for a file with a COPY or ADD.
      done() {
        const ignore = readDockerignore(files);
        if (!ignore || ignore.error || !ignore.patterns.length) return;
        for (const instr of copies) {
          for (const src of copyOperands(ctx.model, instr)?.sources ?? []) {
            const path = contextPath(src.value);
            const by = path && excludingLine(ignore, path, isFileIn(files, path));
            if (!by) continue;
            const data = { file: ignore.name, line: by.line, pattern: by.text, keyword: instr.keyword };
            if (path === '.') ctx.report({ start: src.start, end: src.end, messageId: 'contextExcluded', data });
            else ctx.report({ start: src.start, end: src.end, messageId: 'sourceExcluded', data: { ...data, source: src.value } });
          }
        }
      },
    };
  },
});
