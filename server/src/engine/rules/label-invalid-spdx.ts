import { defineRule } from '../rule';
import { SPDX_LICENSE_IDS } from '../model/spdx-license-ids';
import { labelTypeHandlers } from './support';

/**
 * An SPDX license expression: identifiers from the SPDX list (optionally with `+`) or `LicenseRef-…`,
 * combined with AND / OR / WITH <exception> and parentheses. A single identifier is the simplest case.
 */
export function spdxExpression(v: string): boolean {
  const tokens = v.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const license = (): boolean => {
    const t = tokens[i];
    if (t === '(') {
      i++;
      if (!expr() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    if (!t || /^(AND|OR|WITH)$/i.test(t)) return false;
    const id = t.replace(/\+$/, '');
    if (!SPDX_LICENSE_IDS.has(id.toLowerCase()) && !/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t)) return false;
    i++;
    if (tokens[i]?.toUpperCase() === 'WITH') {
      i++;
      if (!tokens[i] || !/^[A-Za-z0-9.-]+$/.test(tokens[i])) return false;
      i++;
    }
    return true;
  };
  const expr = (): boolean => {
    if (!license()) return false;
    while (tokens[i] && /^(AND|OR)$/i.test(tokens[i])) {
      i++;
      if (!license()) return false;
    }
    return true;
  };
  return tokens.length > 0 && expr() && i === tokens.length;
}

export default defineRule({
  meta: {
    id: 'label-invalid-spdx',
    aliases: { hadolint: 'DL3054' },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidLabel: 'Label `{key}` is not an SPDX license identifier or expression: `{value}`',
    },
    docs: {
      summary: 'Label value is not an SPDX license',
      why: 'A license label (`org.opencontainers.image.licenses`) is read by compliance tools, which understand SPDX identifiers such as `MIT` or `Apache-2.0` and expressions such as `MIT OR Apache-2.0`; free text like "Apache 2" cannot be matched. Inactive until `label-schema` gives a label the type `spdx`; values with variables are judged after ARG/ENV substitution, and skipped when a variable has no known value.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
          good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
          settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
          note: 'With `label-schema: {org.opencontainers.image.licenses: spdx}`.',
        },
      ],
      references: ['https://github.com/hadolint/hadolint#linting-labels', 'https://spdx.org/licenses/', 'https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/'],
    },
  },
  create(ctx) { return labelTypeHandlers(ctx, 'spdx', spdxExpression); },
});
