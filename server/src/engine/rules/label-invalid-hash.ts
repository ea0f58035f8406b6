import { defineRule } from '../rule';
import { labelTypeHandlers } from './support';

export default defineRule({
  meta: {
    id: 'label-invalid-hash',
    aliases: { hadolint: 'DL3055' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not a git commit hash (7 or 40 lowercase hex digits): `{value}`',
    },
    docs: {
      summary: 'Label value is not a git commit hash',
      why: 'A revision label (`org.opencontainers.image.revision`) identifies the exact commit the image was built from: a full 40-digit commit hash (or its 7-digit short form), in lowercase hex. Inactive until `label-schema` gives a label the type `hash`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.revision=\"main\"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.revision=\"3f2a9c1\"\n',
          settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
          note: 'With `label-schema: {org.opencontainers.image.revision: hash}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'hash', (v) => /^([0-9a-f]{7}|[0-9a-f]{40})$/.test(v)); },
});
