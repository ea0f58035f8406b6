import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';

const NPM = PACKAGE_MANAGERS.npm;

export default defineRule({
  meta: {
    id: 'npm-unpinned-package',
    aliases: { hadolint: 'DL3016' },
    counterparts: {
      kics: ['NPM Install Command Without Pinned Version'],
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unpinned: 'Pin {packages}',
      ...PIN_MESSAGES,
    },
    docs: {
      summary: '`npm install <package>` without a version',
      why: 'Naming a package without a version (or with `@latest`) installs whatever is newest on the day of the build, so rebuilds can ship different code. Pin with `package@1.2.3`, or better, declare dependencies in package.json with a lockfile and run `npm ci`. A bare `npm install` / `npm ci` reads the lockfile and is not reported.',
      examples: [
        { bad: 'FROM node:22-slim\nRUN npm install -g pm2\n', good: 'FROM node:22-slim\nRUN npm install -g pm2@5.4.2\n' },
      ],
      references: ['https://docs.npmjs.com/cli/commands/npm-install', 'https://docs.npmjs.com/cli/commands/npm-ci'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, NPM); },
});
