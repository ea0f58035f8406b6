import { defineRule } from '../rule';
import { PACKAGE_MANAGERS } from '../model/package-managers';
import { appendCommandEdit, cacheCleanedAfter, cacheDirsAt, mountsCache, packageCommands } from './support';

const YARN = PACKAGE_MANAGERS.yarn;

export default defineRule({
  meta: {
    id: 'yarn-cache-not-cleaned',
    aliases: { hadolint: 'DL3060' },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      cacheNotCleaned: '`{command}` without `yarn cache clean` in the same RUN leaves the yarn cache in the image',
      appendCacheClean: 'Append yarn cache clean',
    },
    docs: {
      summary: '`yarn install` or `yarn add` leaves its cache in the image',
      why: 'Yarn (classic) keeps a copy of every package tarball that `yarn`, `yarn install`, `yarn add` or `yarn global add` fetches in its global cache. Unless the same RUN runs `yarn cache clean` (or deletes the cache directory), or a cache mount holds the cache, the image ships it. Stages that only feed other stages are exempt, because their files never ship.',
      examples: [
        { bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n', good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      ],
      references: ['https://classic.yarnpkg.com/en/docs/cli/cache'],
    },
  },
  create(ctx) {
    return {
      runs: {
        yarn(instr) {
          if (instr.stage && !instr.onbuild && !instr.stage.ships) return;
          const dirs = cacheDirsAt(ctx.model, instr, YARN);
          if (mountsCache(instr, dirs)) return;
          // `yarn`, `yarn install`, `yarn add`, `yarn global add`: each fills the cache.
          const install = packageCommands(instr).find((pc) => pc.manager === YARN && pc.action === 'install' && !cacheCleanedAfter(instr, pc, dirs));
          if (!install) return;
          const edit = appendCommandEdit(ctx.model, instr, YARN.cleanCommand!);
          const what = install.subcommand ? `yarn ${install.subcommand}` : 'yarn';
          ctx.report({
            start: install.nameWord.start,
            end: install.nameWord.end,
            messageId: 'cacheNotCleaned',
            data: { command: what },
            fixes: edit ? [{ titleId: 'appendCacheClean', safety: 'safe', changes: [{ kind: 'appends-command', command: YARN.cleanCommand! }], edits: [edit] }] : [],
          });
        },
      },
    };
  },
});
