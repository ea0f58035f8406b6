import { defineRule } from '../rule';
import { labelTypeHandlers } from './support';

/** `2024-05-01T12:30:00Z`, with optional fractions and a numeric offset; the date must exist. */
function rfc3339(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 60 && (m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59));
}

export default defineRule({
  meta: {
    id: 'label-invalid-rfc3339',
    aliases: { hadolint: 'DL3053' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not an RFC 3339 date-time: `{value}`',
    },
    docs: {
      summary: 'Label value is not an RFC 3339 date-time',
      why: 'Build dates in labels (`org.opencontainers.image.created`) are read by machines: they must be RFC 3339 date-times such as `2024-05-01T12:30:00Z`, so tools can sort and compare them. Inactive until `label-schema` gives a label the type `rfc3339`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.created=\"01/05/2024\"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.created=\"2024-05-01T12:30:00Z\"\n',
          settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
          note: 'With `label-schema: {org.opencontainers.image.created: rfc3339}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://www.rfc-editor.org/rfc/rfc3339'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'rfc3339', rfc3339); },
});
