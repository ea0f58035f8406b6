import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';
import { resolvedOperand } from './support';

const NPM_VALUE_FLAGS = ['loglevel', 'registry', 'prefix', 'cache', 'w', 'workspace', 'userconfig', 'globalconfig', 'tag', 'omit', 'include', 'install-strategy', 'C'];
const DIST_TAGS = ['latest', 'next', '*', 'x', ''];

function pinned(spec: string): boolean {
  if (/^(git(\+ssh|\+https?)?:\/\/|github:|gitlab:|bitbucket:)/.test(spec)) return spec.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(spec) || /^(\.{0,2}\/|~\/|file:)/.test(spec)) return true;
  if (/^https?:\/\//.test(spec)) return true;
  const body = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  const at = body.indexOf('@');
  if (at < 0) return false;
  return !DIST_TAGS.includes(body.slice(at + 1));
}

export default defineRule({
  meta: {
    id: 'npm-unpinned-package',
    aliases: { hadolint: 'DL3016' },
    defaultSeverity: 'warning',
    needs: { commands: ['npm'] },
    scope: 'stage',
    docs: {
      summary: '`npm install <package>` without a version',
      why: 'Naming a package without a version (or with `@latest`) installs whatever is newest on the day of the build, so rebuilds can ship different code. Pin with `package@1.2.3`, or better, declare dependencies in package.json with a lockfile and run `npm ci`. A bare `npm install` / `npm ci` reads the lockfile and is not reported.',
      examples: [
        { bad: 'FROM node:22-slim\nRUN npm install -g pm2\n', good: 'FROM node:22-slim\nRUN npm install -g pm2@5.4.2\n' },
      ],
      references: ['https://docs.npmjs.com/cli/commands/npm-install', 'https://docs.npmjs.com/cli/commands/npm-ci'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        if (!isCommand(cmd, 'npm')) continue;
        const { operands } = parseArgs(cmd, NPM_VALUE_FLAGS);
        if (!['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal'].includes(operands[0]?.value ?? '')) continue;
        for (const w of operands.slice(1)) {
          const values = resolvedOperand(ctx.model, instr, w);
          if (!values) continue;
          const unpinned = values.filter((v) => !pinned(v));
          if (!unpinned.length) continue;
          ctx.report({ start: w.start, end: w.end, message: `Pin the version of \`${unpinned.join(' ')}\` (\`npm install <package>@<version>\`)` });
        }
      }
    }
  },
});
