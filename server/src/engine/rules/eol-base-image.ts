import { defineRule } from '../rule';
import { endOfLife, supportedLines } from '../model/image-lifecycle';

export default defineRule({
  meta: {
    id: 'eol-base-image',
    aliases: {},
    defaultSeverity: 'warning',
    scope: 'stage',
    docs: {
      summary: 'A base image on an end-of-life release',
      why: 'After a release line reaches end of life, its maintainers stop shipping security fixes, and the official images stop being rebuilt. Every vulnerability found later stays in your image, and scanners will flag it. The dates come from each project\'s published schedule, recorded in a reviewed data file with its sources.',
      examples: [
        { bad: 'FROM python:3.8-slim\n', good: 'FROM python:3.13-slim\n' },
        { bad: 'FROM node:18-alpine\n', good: 'FROM node:22-alpine\n' },
      ],
      references: ['https://endoflife.date/'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.parent) continue;
      const line = endOfLife(stage.image, ctx.settings.today);
      if (!line) continue;
      const tag = stage.image.spans?.tag;
      const supported = supportedLines(line.product);
      ctx.report({
        start: tag ? stage.imageStart + tag.start : stage.imageStart,
        end: tag ? stage.imageStart + tag.end : stage.imageEnd,
        message: `${line.product} ${line.version} reached end of life on ${line.eol}${supported.length ? `; supported: ${supported.join(', ')}` : ''}`,
      });
    }
  },
});
