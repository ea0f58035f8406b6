// "A better .dockerignore": the entries the build context should leave out (the list missing-dockerignore creates a
// file from) appended to an existing ignore file, without those it already covers, those a COPY or ADD names and
// those a `!` line of the file brings back.
import { defineStrings, localize } from '../i18n/catalog';
import type { DockerfileModel } from '../model/dockerfile';
import { compilePattern, findDockerignore, isExcluded, matchesOrParent, mayMatchInside, parseDockerignore, type IgnoreFile } from '../model/dockerignore';
import { contextSections } from '../rules/missing-dockerignore';
import type { FileAccess } from '../rule';
import { defineRefactoring } from './types';

const STRINGS = defineStrings({
  'refactor.dockerignore-entries.title': 'Add {count} entries to {file}: {names}',
  'refactor.dockerignore-entries.titleOne': 'Add {names} to {file}',
  'refactor.dockerignore-entries.comment': 'Added by Dockwise: keeps secrets, history and local build output out of the build context.',
  'refactor.dockerignore-entries.note': '`COPY .` then sends less: {names}. Check that the build reads none of them (a build that reads `.env.production` loses it); other Dockerfiles that use this folder as their context lose them too.',
  'refactor.dockerignore-entries.gone': 'The ignore file no longer lacks any of the entries',
});

/** A name the glob `entry` matches, to ask the file's own matcher whether it already leaves such names out. */
const sampleName = (entry: string) => entry.replace(/\*+/g, 'x').replace(/\?/g, 'x');

/** Whether a `!` line of the file brings back `entry` or something inside it: appending `entry` after it would undo that. */
function reincluded(file: IgnoreFile, entry: string): boolean {
  const program = compilePattern(entry);
  const sample = sampleName(entry);
  // Either way round: the entry matches what the `!` line names (`.env.*` and `!.env.production`), or the `!` line
  // matches the entry or something inside it (`!node_modules/keep` and `node_modules`).
  return file.patterns.some((p) => p.exception && ((typeof program !== 'string' && matchesOrParent(program, p.pattern)) || matchesOrParent(p.program, sample) || mayMatchInside(p.program, sample)));
}

/** The entries to add, in the order of the shared list: what the file does not exclude yet and never brings back. */
function missingEntries(model: DockerfileModel, text: string): string[] {
  const file = parseDockerignore(text);
  if (file.error) return [];
  const out: string[] = [];
  for (const { entries } of contextSections(model)) {
    for (const entry of entries) {
      if (entry.startsWith('!')) {
        // `!.env.example` only follows the `.env.*` it makes an exception to, when that is added now.
        const name = entry.slice(1);
        const excludedNow = (e: string) => {
          const program = compilePattern(e);
          return !e.startsWith('!') && typeof program !== 'string' && matchesOrParent(program, name);
        };
        if (!isExcluded(file, name) && out.some(excludedNow)) out.push(entry);
        continue;
      }
      if (isExcluded(file, sampleName(entry)) || reincluded(file, entry)) continue;
      out.push(entry);
    }
  }
  return out.some((e) => !e.startsWith('!')) ? out : [];
}

/** The ignore file and what it lacks, when there is one that lacks anything. */
function plan(model: DockerfileModel, files: FileAccess | undefined): { name: string; text: string; entries: string[] } | undefined {
  const found = files && findDockerignore(files);
  if (!found) return undefined;
  const entries = missingEntries(model, found.text);
  return entries.length ? { ...found, entries } : undefined;
}

/** Where the editor offers it: the first COPY or ADD from the build context, else the first FROM. */
function anchor(model: DockerfileModel): { start: number; end: number } | undefined {
  const copy = model.instructions.find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from'));
  const at = copy ?? model.stages[0]?.from;
  return at && { start: at.start, end: at.end };
}

const listed = (entries: readonly string[]) => {
  const names = entries.filter((e) => !e.startsWith('!'));
  return names.length > 4 ? `${names.slice(0, 4).join(', ')}…` : names.join(', ');
};

export default defineRefactoring({
  id: 'dockerignore-entries',
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Add the entries the build context should leave out to an existing .dockerignore',
    details: 'Offered on the first COPY or ADD from the build context (or the first FROM) when the ignore file Docker uses for this Dockerfile (`<Dockerfile>.dockerignore` first, then `.dockerignore`) lacks entries of the list missing-dockerignore creates a file from: version control, `.env` files, logs, editor and Docker files, and the dependency and build folders of the tools the Dockerfile uses. The missing ones are appended under a comment. An entry is left out when the file already excludes what it names (asked of the file\'s own matcher, so `**/*.log` covers `*.log`), when a COPY or ADD of this Dockerfile names what it would exclude, when a RUN uses git (`.git`), and when a `!` line of the file brings back what it names: appended after it, it would undo that exception. Unsafe: `COPY .` then sends less.',
    example: {
      before: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      after: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      files: { '.dockerignore': 'node_modules\n.git\n*.log\n' },
      filesAfter: { '.dockerignore': 'node_modules\n.git\n*.log\n\n# Added by Dockwise: keeps secrets, history and local build output out of the build context.\n.env\n.env.*\n!.env.example\n.DS_Store\n.idea\n.vscode\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\nnpm-debug.log*\ncoverage\n' },
    },
  },
  offers(ctx, start, end) {
    const at = anchor(ctx.model);
    if (!at || at.end < start || at.start > end) return [];
    const p = plan(ctx.model, ctx.files);
    if (!p) return [];
    const count = p.entries.filter((e) => !e.startsWith('!')).length;
    const data = { count: String(count), file: p.name, names: listed(p.entries) };
    const title = localize(STRINGS, count === 1 ? 'refactor.dockerignore-entries.titleOne' : 'refactor.dockerignore-entries.title', ctx.settings.locale, data);
    return [{ refactoring: 'dockerignore-entries', key: p.name, title, kind: 'refactor.rewrite', start: at.start, end: at.end, safety: 'unsafe' }];
  },
  async apply(ctx, offer) {
    const p = plan(ctx.model, ctx.files);
    if (!p || p.name !== offer.key) return { error: localize(STRINGS, 'refactor.dockerignore-entries.gone', ctx.settings.locale) };
    const eol = p.text.includes('\r\n') ? '\r\n' : '\n';
    const body = p.text === '' || /\n$/.test(p.text) ? p.text : p.text + eol;
    const gap = body.trim() === '' ? '' : eol;
    const lines = [`# ${localize(STRINGS, 'refactor.dockerignore-entries.comment', ctx.settings.locale)}`, ...p.entries];
    return {
      edits: [],
      files: [{ path: p.name, content: `${body}${gap}${lines.join(eol)}${eol}`, exists: true }],
      notes: [localize(STRINGS, 'refactor.dockerignore-entries.note', ctx.settings.locale, { names: p.entries.filter((e) => !e.startsWith('!')).join(', ') })],
    };
  },
});
