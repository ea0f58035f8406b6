import { defineRule } from '../rule';
import { labelTypeHandlers } from './support';

// semver.org 2.0.0: MAJOR.MINOR.PATCH, optional -prerelease and +build, no leading zeros.
const NUM = '(?:0|[1-9]\\d*)';
const PRE = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

export default defineRule({
  meta: {
    id: 'label-invalid-semver',
    aliases: { hadolint: 'DL3056' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not a semantic version: `{value}`',
    },
    docs: {
      summary: 'Label value is not a semantic version',
      why: 'A version label (`org.opencontainers.image.version`) typed `semver` must be a Semantic Version such as `1.4.2` or `2.0.0-rc.1` (no leading `v`), so tools can order releases. Inactive until `label-schema` gives a label the type `semver`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.version=\"v1.4\"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.version=\"1.4.2\"\n',
          settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
          note: 'With `label-schema: {org.opencontainers.image.version: semver}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://semver.org/'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'semver', (v) => SEMVER.test(v)); },
});
