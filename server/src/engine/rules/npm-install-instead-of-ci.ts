import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';

export default defineRule({
  meta: {
    id: 'npm-install-instead-of-ci',
    aliases: {},
    defaultSeverity: 'info',
    needs: { commands: ['npm'] },
    scope: 'stage',
    fixable: 'unsafe',
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
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      let lockfile = false;
      for (const instr of stage.instructions) {
        if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && instr.args.slice(0, -1).some((a) => /(^|\/)(package-lock\.json|package\*\.json|npm-shrinkwrap\.json)$/.test(a.value))) lockfile = true;
        if (!instr.run || !lockfile) continue;
        for (const cmd of instr.run.commands) {
          if (!isCommand(cmd, 'npm')) continue;
          const { flags, operands } = parseArgs(cmd);
          if (!operands[0] || !['install', 'i'].includes(operands[0].value) || operands.length > 1) continue;
          if (flags.some((f) => f.name === 'g' || f.name === 'global')) continue;
          const edits = [{ start: operands[0].start, end: operands[0].end, text: 'ci' }];
          for (const w of cmd.args) if (w.value === '--production' || w.value === '--only=production' || w.value === '--only=prod') edits.push({ start: w.start, end: w.end, text: '--omit=dev' });
          ctx.report({
            start: operands[0].start,
            end: operands[0].end,
            message: '`npm install` can change versions; with a lockfile, `npm ci` installs exactly what it records',
            fixes: [{ title: 'Use npm ci (unsafe: fails if the lockfile is out of date)', safety: 'unsafe', edits }],
          });
        }
      }
    }
  },
});
