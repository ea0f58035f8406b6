import { defineRule } from '../rule';
import { labelTypeHandlers } from './support';

/** An absolute URL: a scheme, no spaces, and something the WHATWG URL parser accepts. */
function absoluteUrl(v: string): boolean {
  if (/\s/.test(v) || !/^[A-Za-z][A-Za-z0-9+.-]*:./.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

export default defineRule({
  meta: {
    id: 'label-invalid-url',
    aliases: { hadolint: 'DL3052' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not an absolute URL: `{value}`',
    },
    docs: {
      summary: 'Label value is not a valid URL',
      why: 'A URL label (source, documentation, vendor site) is followed by tools and people: it must be an absolute URL with a scheme, such as `https://example.com/acme/api`. Inactive until `label-schema` gives a label the type `url`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source=\"example.com/acme/api\"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source=\"https://example.com/acme/api\"\n',
          settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
          note: 'With `label-schema: {org.opencontainers.image.source: url}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://url.spec.whatwg.org/'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'url', absoluteUrl); },
});
