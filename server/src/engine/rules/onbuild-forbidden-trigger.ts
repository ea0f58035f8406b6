import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'onbuild-forbidden-trigger',
    aliases: { hadolint: 'DL3043' },
    counterparts: {
      tally: ['hadolint/DL3043'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      forbiddenTrigger: '`{keyword}` is not allowed as an ONBUILD trigger',
    },
    docs: {
      summary: '`ONBUILD ONBUILD`, `ONBUILD FROM` or `ONBUILD MAINTAINER`',
      why: 'Docker rejects these triggers: chaining ONBUILD is not allowed, and FROM and MAINTAINER cannot run as a trigger in a child image. The build fails.',
      examples: [
        { bad: 'FROM node:22-slim\nONBUILD FROM alpine:3.20\n', good: 'FROM node:22-slim\nONBUILD COPY . /app\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#onbuild'],
    },
  },
  create(ctx) {
    const forbidden = (trig: Instr): void => {
      ctx.report({ start: trig.keywordStart, end: trig.keywordEnd, messageId: 'forbiddenTrigger', data: { keyword: trig.keyword } });
    };
    return { triggers: { ONBUILD: forbidden, FROM: forbidden, MAINTAINER: forbidden } };
  },
});
