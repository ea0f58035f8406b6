import { defineRule } from '../rule';
import { ignoredDuplicatesHandlers } from './support';

export default defineRule({
  meta: {
    id: 'multiple-healthcheck',
    aliases: { hadolint: 'DL3012', buildkit: 'MultipleInstructionsDisallowed' },
    counterparts: {
      trivy: ['DS-0023'],
      differences: 'Offers a fix that removes the ignored HEALTHCHECK.',
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
      summary: 'More than one HEALTHCHECK in a stage',
      why: 'A container has one health check: every HEALTHCHECK but the last is silently ignored. The earlier ones mislead readers into thinking they run.',
      examples: [{ bad: 'FROM node:22-slim\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["node", "healthcheck.js"]\n', good: 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "healthcheck.js"]\n' }],
      references: ['https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/'],
    },
  },
  create(ctx) { return ignoredDuplicatesHandlers(ctx, 'HEALTHCHECK'); },
});
