import { defineRule } from '../rule';
import { isCommand, subcommand, yarnInstall } from '../model/commands';
import { appendCommandEdit, cacheMountTargets } from './support';

export default defineRule({
  meta: {
    id: 'yarn-cache-not-cleaned',
    aliases: { hadolint: 'DL3060' },
    defaultSeverity: 'info',
    needs: { commands: ['yarn'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`yarn install` leaves its cache in the image',
      why: 'Yarn (classic) keeps a copy of every package tarball in its global cache. Unless the same RUN runs `yarn cache clean`, or a cache mount holds the cache, the image ships it. Stages that only feed other stages are exempt, because their files never ship.',
      examples: [
        { bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n', good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      ],
      references: ['https://classic.yarnpkg.com/en/docs/cli/cache'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      if (instr.stage && !instr.onbuild && !instr.stage.ships) continue;
      if (cacheMountTargets(instr).some((t) => t.includes('.cache/yarn') || t.includes('yarn'))) continue;
      const cmds = instr.run!.commands;
      const installIndex = cmds.findIndex((c) => yarnInstall(c));
      if (installIndex < 0) continue;
      const cleaned = cmds.some((c, i) => i > installIndex && isCommand(c, 'yarn') && subcommand(c)?.value === 'cache' && c.args.some((a) => a.value === 'clean'));
      if (cleaned) continue;
      const cmd = cmds[installIndex];
      const edit = appendCommandEdit(ctx.model, instr, 'yarn cache clean');
      ctx.report({
        start: cmd.nameWord.start,
        end: cmd.nameWord.end,
        message: '`yarn install` without `yarn cache clean` in the same RUN leaves the yarn cache in the image',
        fixes: edit ? [{ title: 'Append yarn cache clean', safety: 'safe', changes: [{ kind: 'appends-command', command: 'yarn cache clean' }], edits: [edit] }] : [],
      });
    }
  },
});
