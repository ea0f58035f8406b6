import { defineRule } from '../rule';
import { labelPairs } from './support';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/**
 * Docker's recommended label key format: lowercase alphanumerics separated by `.` or `-` (and `/`), no repeats.
 * The first problem as a message id with its data, or undefined when the key is fine.
 */
export function labelKeyProblem(key: string): { messageId: string; data: Record<string, string> } | undefined {
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return { messageId: 'reservedNamespace', data: { key, namespace: reserved } };
  if (!/^[a-z]/.test(key)) return { messageId: 'badStart', data: { key } };
  if (!/[a-z0-9]$/.test(key)) return { messageId: 'badEnd', data: { key } };
  if (!/^[a-z0-9./-]+$/.test(key)) return { messageId: 'badCharacters', data: { key } };
  if (/\.\.|--/.test(key)) return { messageId: 'repeatedSeparator', data: { key } };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'label-key-invalid',
    aliases: { hadolint: 'DL3048' },
    counterparts: {
      tally: ['labels/valid-key'],
    },
    category: 'metadata',
    status: 'stable',
    defaultSeverity: 'style',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      reservedNamespace: 'Label key `{key}` is in the namespace {namespace}* reserved for Docker',
      badStart: 'Label key `{key}` must start with a lowercase letter',
      badEnd: 'Label key `{key}` must end with a lowercase letter or digit',
      badCharacters: 'Label key `{key}` may contain only lowercase letters, digits, `.`, `-` and `/`',
      repeatedSeparator: 'Label key `{key}` must not repeat `.` or `-`',
      renameTo: 'Rename to {key}',
    },
    docs: {
      summary: 'Label key does not follow the recommended format',
      why: 'Docker recommends lowercase, reverse-DNS label keys (`org.opencontainers.image.source`) made of letters, digits, `.` and `-`, starting with a letter, without repeated separators, and outside the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces that Docker reserves. Tools that query labels (`docker inspect --format`, registries, scanners) rely on the convention; keys are case-sensitive, so `Version` and `version` are different labels.',
      examples: [
        { bad: 'FROM debian:12-slim\nLABEL Maintainer="team@example.com"\n', good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.authors="team@example.com"\n' },
      ],
      fixSafety: 'When lowercasing is all a key needs, the fix lowercases it. Whatever reads the label by its old key (scripts, `docker inspect` filters) will not find it any more.',
      references: ['https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    },
  },
  create(ctx) {
    return {
      instructions: {
        LABEL(instr) {
          for (const pair of labelPairs(ctx.model, instr)) {
            if (pair.key.includes('$')) continue;
            const problem = labelKeyProblem(pair.key);
            if (!problem) continue;
            const lower = pair.key.toLowerCase();
            const fixes = lower !== pair.key && !labelKeyProblem(lower) && ctx.model.text.slice(pair.keyStart, pair.keyEnd) === pair.key
              ? [{ titleId: 'renameTo', data: { key: lower }, safety: 'unsafe' as const, edits: [{ start: pair.keyStart, end: pair.keyEnd, text: lower }] }]
              : [];
            ctx.report({ start: pair.keyStart, end: pair.keyEnd, ...problem, fixes });
          }
        },
      },
    };
  },
});
