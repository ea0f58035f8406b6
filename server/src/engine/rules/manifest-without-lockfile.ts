import { defineRule, type FixInput } from '../rule';
import type { Instr } from '../model/dockerfile';
import { dependencyManifest, lockfilesReadBy } from '../model/dependency-manifests';
import { normalize } from '../model/paths';
import { baseName } from '../model/commands';
import { copyOperands, type CopyOperand } from './support';

/** A COPY source as a test on context paths: itself, or a glob (`package*.json`). */
function sourceMatcher(source: string): (path: string) => boolean {
  const path = normalize(source.replace(/^\.\//, ''));
  if (!/[*?[]/.test(path)) return (p) => p === path;
  const re = new RegExp(`^${path.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return (p) => re.test(p);
}

/** A COPY from the build context (not from a stage or image) with its operands. */
function contextCopy(model: Parameters<typeof copyOperands>[0], instr: Instr) {
  if (instr.keyword !== 'COPY' || instr.flags.some((f) => f.name === 'from')) return undefined;
  return copyOperands(model, instr);
}

export default defineRule({
  meta: {
    id: 'manifest-without-lockfile',
    aliases: {},
    counterparts: {
      differences: 'Reads the build context, so it reports only a lockfile that exists beside the manifest and that no COPY of the stage brings in, and adds it to the COPY.',
    },
    category: 'reproducibility',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      missingLockfile: '`{manifest}` is copied for `{installer}` without {lockfile}, which is in the build context: the install resolves versions afresh instead of the locked ones',
      addLockfile: 'Copy {lockfile} too (unsafe: the install then uses the locked versions)',
    },
    docs: {
      summary: 'Dependency manifest copied without its lockfile',
      why: 'A lockfile (package-lock.json, yarn.lock, Cargo.lock, go.sum, poetry.lock, Gemfile.lock, composer.lock, Pipfile.lock …) records the exact versions a project was tested with. When the Dockerfile copies only the manifest before installing, the install resolves every dependency again from its ranges: the image gets whatever versions are newest that day, not the ones in the repository, and `npm ci` or `--frozen-lockfile` fails outright. Copy the lockfile together with the manifest. The rule reads the build context and reports only lockfiles that exist there.',
      examples: [
        {
          bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\n',
          good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\n',
          files: { 'package.json': '{}\n', 'package-lock.json': '{}\n', '.dockerignore': 'node_modules\n' },
        },
      ],
      fixSafety: 'Adding the lockfile changes what the install resolves to: the locked versions instead of the newest ones in range. That is the point, but an outdated or broken lockfile then breaks the build.',
      references: ['https://docs.npmjs.com/cli/configuring-npm/package-lock-json', 'https://docs.docker.com/build/concepts/context/'],
    },
  },
  create(ctx) {
    const { model, files } = ctx;
    if (!files?.isFile) return {};
    const copy = (instr: Instr): void => {
      const stage = instr.stage;
      if (!stage) return;
      const ops = contextCopy(model, instr);
      if (!ops) return;
      for (const src of ops.sources) {
        if (/[$*?[]/.test(src.value) || src.value.startsWith('/') || src.value.startsWith('<<')) continue;
        const path = normalize(src.value.replace(/^\.\//, ''));
        if (path.startsWith('../')) continue;
        const slash = path.lastIndexOf('/');
        const dir = slash < 0 ? '' : path.slice(0, slash + 1);
        const manifest = dependencyManifest(path.slice(slash + 1));
        if (!manifest) continue;
        // The first later RUN of the stage with a program that reads one of the manifest's lockfiles.
        let install: Instr | undefined;
        let installer = '';
        for (const i of stage.instructions) {
          if (i.index <= instr.index || !i.run) continue;
          const c = i.run.commands.find((x) => lockfilesReadBy(manifest, baseName(x)).length);
          if (c) { install = i; installer = baseName(c); break; }
        }
        if (!install) continue;
        // Any COPY of the stage up to the install that brings a lockfile in (by name or glob) is enough.
        const copied = stage.instructions.filter((i) => i.index < install.index).flatMap((i) => contextCopy(model, i)?.sources.map((s) => sourceMatcher(s.value)) ?? []);
        const names = lockfilesReadBy(manifest, installer);
        if (names.some((l) => copied.some((match) => match(dir + l)))) continue;
        const lockName = names.find((l) => files.isFile!(dir + l));
        if (!lockName) continue;
        const lockfile = dir + lockName;
        ctx.report({
          start: src.start,
          end: src.end,
          messageId: 'missingLockfile',
          data: { manifest: src.value, installer, lockfile },
          fixes: addLockfile(model.text, src, ops.dest, ops.sources.length, src.value.slice(0, src.value.length - manifest.name.length) + lockName),
        });
      }
    };
    return { instructions: { COPY: copy } };
  },
});

/** The lockfile added after the manifest in the COPY, when the destination is a folder (`./`, `/app/`). */
function addLockfile(text: string, src: CopyOperand, dest: CopyOperand, sources: number, lockfile: string): FixInput[] {
  if (sources === 1 && !dest.value.endsWith('/')) return [];
  if (/[\s"'\\]/.test(lockfile)) return [];
  // After the closing quote of a quoted source.
  const at = /["']/.test(text[src.end] ?? '') ? src.end + 1 : src.end;
  const edit = src.json ? { start: at, end: at, text: `, "${lockfile}"` } : { start: at, end: at, text: ` ${lockfile}` };
  return [{ titleId: 'addLockfile', data: { lockfile }, safety: 'unsafe', edits: [edit] }];
}
