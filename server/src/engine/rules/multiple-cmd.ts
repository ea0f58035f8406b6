import { defineRule } from '../rule';
import { ignoredDuplicatesHandlers } from './support';

export default defineRule({
  meta: {
    id: 'multiple-cmd',
    aliases: { hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed' },
    counterparts: {
      trivy: ['DS-0016'],
      kics: ['Multiple CMD Instructions Listed'],
      sonar: ['S6589'],
      differences: 'Offers a fix that removes the ignored CMD.',
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
      summary: 'More than one CMD in a stage',
      why: 'A stage has one default command: every CMD but the last is silently ignored. The earlier ones mislead readers into thinking they run.',
      examples: [{ bad: 'FROM node:22-slim\nCMD ["node", "worker.js"]\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n' }],
      references: ['https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/'],
    },
  },
  create(ctx) { return ignoredDuplicatesHandlers(ctx, 'CMD'); },
});
