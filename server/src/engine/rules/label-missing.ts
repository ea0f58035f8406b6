import { defineRule } from '../rule';
import type { Stage } from '../model/dockerfile';
import { labelPairs } from './support';

export default defineRule({
  meta: {
    id: 'label-missing',
    aliases: { hadolint: 'DL3049' },
    counterparts: {
      sonar: ['S7028'],
      differences: 'Takes the required labels from the configured label schema and stays inactive without one, where Sonar requires `maintainer` by default.',
    },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      missingLabel: 'The image has no label `{label}` (required by the label schema)',
      missingLabels: 'The image has no labels {labels} (required by the label schema)',
    },
    docs: {
      summary: 'A label required by the label schema is missing',
      why: 'With a `label-schema` configured, every label it names is required on the image: teams use them to find the owner, source and version of what runs in production. Only the image that ships is checked (the final stage, with the labels it inherits from the stages it is built FROM). Inactive until `label-schema` is set.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api" \\\n      org.opencontainers.image.source="https://example.com/acme/api"\n',
          settings: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.source': 'url' } },
          note: 'With `label-schema: {org.opencontainers.image.title: text, org.opencontainers.image.source: url}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    },
  },
  check(ctx) {
    const schema = Object.keys(ctx.settings.labelSchema ?? {});
    const stage = ctx.model.finalStage;
    if (!schema.length || !stage) return;
    const present = new Set<string>();
    for (let s: Stage | undefined = stage; s; s = s.parent) {
      for (const i of s.instructions) if (i.keyword === 'LABEL') for (const p of labelPairs(ctx.model, i)) present.add(p.key);
    }
    const missing = schema.filter((k) => !present.has(k));
    if (!missing.length) return;
    ctx.report({
      start: stage.from.keywordStart,
      end: stage.from.keywordEnd,
      ...(missing.length === 1
        ? { messageId: 'missingLabel', data: { label: missing[0] } }
        : { messageId: 'missingLabels', data: { labels: missing.map((k) => `\`${k}\``).join(', ') } }),
    });
  },
});
