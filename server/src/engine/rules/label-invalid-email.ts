import { defineRule } from '../rule';
import { labelTypeHandlers } from './support';

// addr-spec: dot-atom local part (or a quoted string) @ a domain of dot-separated labels (or an address literal).
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const EMAIL = new RegExp(String.raw`^(?:${ATOM}(?:\.${ATOM})*|"(?:[^"\\]|\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[^\]\s]+\])$`);

export default defineRule({
  meta: {
    id: 'label-invalid-email',
    aliases: { hadolint: 'DL3058' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not an email address: `{value}`',
    },
    docs: {
      summary: 'Label value is not a valid email address',
      why: 'A contact label typed `email` must hold one address such as `team@example.com`, so it can be used to reach the owner of the image. Inactive until `label-schema` gives a label the type `email`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.authors=\"payments team\"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.authors=\"payments@example.com\"\n',
          settings: { labelSchema: { 'org.opencontainers.image.authors': 'email' } },
          note: 'With `label-schema: {org.opencontainers.image.authors: email}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'email', (v) => EMAIL.test(v)); },
});
