import { defineRule } from '../rule';
import { endOfLife, eolMessage, EOL_MESSAGES } from '../model/image-lifecycle';

export default defineRule({
  meta: {
    id: 'eol-base-image',
    aliases: {},
    counterparts: {
      tally: ['ruby/eol-ruby-version'],
      differences: 'Covers every release line endoflife.date tracks, including the system a tag names (`python:3.11-bullseye`), where tally checks Ruby images only.',
    },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      endOfLife: '{endOfLife}',
      endOfLifeSupported: '{endOfLife}; supported: {supported}',
      ...EOL_MESSAGES,
    },
    docs: {
      summary: 'A base image on an end-of-life release',
      why: 'After a release line reaches end of life, its maintainers stop shipping security fixes, and the official images stop being rebuilt. Every vulnerability found later stays in your image, and scanners will flag it. The release lines and dates are generated from endoflife.date (`npm run update:lifecycle`, which records the source commit). The rule reads the image\'s own line (python:2-alpine, mcr.microsoft.com/dotnet/sdk:6.0, windows/servercore:1903) and the system its tag names (python:3.11-bullseye, node:20-alpine3.18), also under architecture namespaces (arm32v7/debian) and in Dev Container tags. For Debian the end of Debian LTS counts, as its fixes reach the same archive for free; paid support (Ubuntu Pro, Windows ESU) does not.',
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
      ctx.report({
        start: tag ? stage.imageStart + tag.start : stage.imageStart,
        end: tag ? stage.imageStart + tag.end : stage.imageEnd,
        // The release line's own sentence: one of the lifecycle model's wordings (the hover shows it too).
        ...(line.supported.length
          ? { messageId: 'endOfLifeSupported', data: { endOfLife: eolMessage(line), supported: line.supported.join(', ') } }
          : { messageId: 'endOfLife', data: { endOfLife: eolMessage(line) } }),
      });
    }
  },
});
