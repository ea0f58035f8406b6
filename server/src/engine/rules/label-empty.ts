import { defineRule } from '../rule';
import { labelPairs } from './support';

export default defineRule({
  meta: {
    id: 'label-empty',
    aliases: { hadolint: 'DL3051' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      emptyLabel: 'Label `{key}` is empty',
    },
    docs: {
      summary: 'A label required by the label schema is empty',
      why: 'An empty value satisfies "the label exists" but carries no information: whoever looks up the image\'s owner or source finds nothing. Inactive until `label-schema` is set.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title=""\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api"\n',
          settings: { labelSchema: { 'org.opencontainers.image.title': 'text' } },
          note: 'With `label-schema: {org.opencontainers.image.title: text}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels'],
    },
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema ?? {};
    return {
      instructions: {
        LABEL(instr) {
          for (const pair of labelPairs(ctx.model, instr)) {
            if (!Object.prototype.hasOwnProperty.call(schema, pair.key) || pair.value.trim() !== '') continue;
            ctx.report({ start: pair.keyStart, end: pair.keyEnd, messageId: 'emptyLabel', data: { key: pair.key } });
          }
        },
      },
    };
  },
});
