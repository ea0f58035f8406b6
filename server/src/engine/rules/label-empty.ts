import { defineRule } from '../rule';
import { allLabels } from './support';

export default defineRule({
  meta: {
    id: 'label-empty',
    aliases: { hadolint: 'DL3051' },
    defaultSeverity: 'warning',
    needs: { keywords: ['LABEL'] },
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
  check(ctx) {
    const schema = ctx.settings.labelSchema ?? {};
    for (const pair of allLabels(ctx.model)) {
      if (!Object.prototype.hasOwnProperty.call(schema, pair.key) || pair.value.trim() !== '') continue;
      ctx.report({ start: pair.keyStart, end: pair.keyEnd, messageId: 'emptyLabel', data: { key: pair.key } });
    }
  },
});
