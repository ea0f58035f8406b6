import { defineRule } from '../rule';
import { ignoredDuplicatesHandlers } from './support';

export default defineRule({
  meta: {
    id: 'multiple-entrypoint',
    aliases: { hadolint: 'DL4004', buildkit: 'MultipleInstructionsDisallowed' },
    counterparts: {
      trivy: ['DS-0007'],
      kics: ['Multiple ENTRYPOINT Instructions Listed'],
      sonar: ['S6589'],
      differences: 'Offers a fix that removes the ignored ENTRYPOINT.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    tags: ['unnecessary'],
    fixable: 'safe',
    messages: {
      overridden: 'Only the last {keyword} of a stage takes effect; this one is overridden by line {line}',
      removeIgnored: 'Remove the ignored {keyword}',
    },
    docs: {
      summary: 'More than one ENTRYPOINT in a stage',
      why: 'A stage has one entrypoint: every ENTRYPOINT but the last is silently ignored. The earlier ones mislead readers into thinking they run.',
      examples: [{ bad: 'FROM node:22-slim\nENTRYPOINT ["tini", "--"]\nENTRYPOINT ["node", "server.js"]\n', good: 'FROM node:22-slim\nENTRYPOINT ["node", "server.js"]\n' }],
      references: ['https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/'],
    },
  },
  create(ctx) { return ignoredDuplicatesHandlers(ctx, 'ENTRYPOINT'); },
});
