import { defineRule } from '../rule';
import { labelPairs } from './support';

export default defineRule({
  meta: {
    id: 'label-not-in-schema',
    aliases: { hadolint: 'DL3050' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      notInSchema: 'Label `{key}` is not in the label schema',
    },
    docs: {
      summary: 'A label that the label schema does not define (strict labels)',
      why: 'With `strict-labels: true`, the label schema is the complete list of labels an image may carry: anything else is a typo of a schema label or metadata nobody agreed on. Inactive unless both `label-schema` and `strict-labels` are set.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api" team="payments"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api"\n',
          settings: { labelSchema: { 'org.opencontainers.image.title': 'text' }, strictLabels: true },
          note: 'With `label-schema: {org.opencontainers.image.title: text}` and `strict-labels: true`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels'],
    },
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema ?? {};
    if (!ctx.settings.strictLabels || !Object.keys(schema).length) return {};
    return {
      instructions: {
        LABEL(instr) {
          for (const pair of labelPairs(ctx.model, instr)) {
            if (Object.prototype.hasOwnProperty.call(schema, pair.key)) continue;
            ctx.report({ start: pair.keyStart, end: pair.keyEnd, messageId: 'notInSchema', data: { key: pair.key } });
          }
        },
      },
    };
  },
});
