import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { packageCommands } from './support';

/** A COPY or ADD of package-lock.json (or a `package*.json` glob, or npm-shrinkwrap.json). */
const copiesLockfile = (instr: Instr) => (instr.keyword === 'COPY' || instr.keyword === 'ADD') && instr.args.slice(0, -1).some((a) => /(^|\/)(package-lock\.json|package\*\.json|npm-shrinkwrap\.json)$/.test(a.value));

/** Whether an instruction of `run`'s stage before it copies a lockfile. */
function lockfileBefore(run: Instr): boolean {
  for (const instr of run.stage!.instructions) {
    if (instr === run) return false;
    if (copiesLockfile(instr)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'npm-install-instead-of-ci',
    aliases: {},
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      npmInstall: '`npm install` can change versions; with a lockfile, `npm ci` installs exactly what it records',
      useNpmCi: 'Use npm ci (unsafe: fails if the lockfile is out of date)',
    },
    docs: {
      summary: '`npm install` where a lockfile is copied: use `npm ci`',
      why: '`npm install` may update the lockfile and resolve newer versions than the ones you tested. `npm ci` installs exactly what package-lock.json says, fails when the lockfile and package.json disagree, and is faster. That makes the build reproducible. `--production` is deprecated; `--omit=dev` is the current spelling.',
      examples: [
        { bad: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm install --production\n', good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n' },
      ],
      fixSafety: 'Unsafe: `npm ci` fails when package-lock.json is missing or out of date with package.json, and it deletes an existing node_modules first.',
      references: ['https://docs.npmjs.com/cli/commands/npm-ci'],
    },
  },
  create(ctx) {
    return {
      runs: {
        npm(instr) {
          // Only the RUNs of a stage, after a lockfile is copied into it: not ONBUILD RUNs, nor RUNs before the first FROM.
          if (instr.onbuild || !instr.stage || !lockfileBefore(instr)) return;
          for (const pc of packageCommands(instr)) {
            // `npm install` (or `npm i`) of what package.json lists: no package named, not global.
            if (pc.manager !== PACKAGE_MANAGERS.npm || pc.action !== 'install' || pc.subcommand === 'ci' || pc.operands.length > 0) continue;
            if (pc.flags.some((f) => f.name === 'g' || f.name === 'global')) continue;
            const sub = pc.sub[0];
            const edits = [{ start: sub.start, end: sub.end, text: 'ci' }];
            for (const w of pc.cmd.args) if (w.value === '--production' || w.value === '--only=production' || w.value === '--only=prod') edits.push({ start: w.start, end: w.end, text: '--omit=dev' });
            ctx.report({
              start: sub.start,
              end: sub.end,
              messageId: 'npmInstall',
              fixes: [{ titleId: 'useNpmCi', safety: 'unsafe', edits }],
            });
          }
        },
      },
    };
  },
});
