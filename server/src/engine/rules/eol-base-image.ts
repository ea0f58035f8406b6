import { defineRule } from '../rule';
import { endOfLife, eolMessage, EOL_MESSAGES, maintainedTag } from '../model/image-lifecycle';

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
    fixable: 'unsafe',
    messages: {
      moveTo: 'Move to {image}:{tag} (unsafe: a newer release)',
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
      fixSafety: 'Unsafe: the fix moves an official image to the nearest maintained line of the same variant (the lowest supported line newer than the tag\'s, an LTS line for Node.js and Ubuntu, and bookworm for an ended Debian codename), the same change as the `current-base-image` refactoring. The runtime and the system under it change: read the release notes of the lines in between and run your tests. Offered only when the image publishes that variant; never for a digest or a templated tag.',
      references: ['https://endoflife.date/'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.parent) continue;
      const line = endOfLife(stage.image, ctx.settings.today);
      if (!line) continue;
      const tag = stage.image.spans?.tag;
      // The move is the refactoring's too (current-base-image): the same tag, chosen in one place.
      const move = tag ? maintainedTag(stage.image, ctx.settings.today) : undefined;
      ctx.report({
        start: tag ? stage.imageStart + tag.start : stage.imageStart,
        end: tag ? stage.imageStart + tag.end : stage.imageEnd,
        // The release line's own sentence: one of the lifecycle model's wordings (the hover shows it too).
        ...(line.supported.length
          ? { messageId: 'endOfLifeSupported', data: { endOfLife: eolMessage(line), supported: line.supported.join(', ') } }
          : { messageId: 'endOfLife', data: { endOfLife: eolMessage(line) } }),
        fixes: move && tag ? [{ titleId: 'moveTo', data: { image: move.image, tag: move.tag }, safety: 'unsafe', edits: [{ start: stage.imageStart + tag.start, end: stage.imageStart + tag.end, text: move.tag }] }] : [],
        related: ctx.model.contextDeclaredAt(stage.image.context),
      });
    }
  },
});
