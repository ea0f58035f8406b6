import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    aliases: { hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' },
    counterparts: {
      checkov: ['CKV_DOCKER_6'],
      trivy: ['DS-0022'],
      kics: ['MAINTAINER Instruction Being Used'],
      sonar: ['S6586'],
      differences: 'Offers a fix that replaces MAINTAINER with an `org.opencontainers.image.authors` label.',
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    tags: ['deprecated'],
    fixable: 'safe',
    messages: {
      deprecated: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors',
      replaceWithLabel: 'Replace with LABEL org.opencontainers.image.authors',
    },
    docs: {
      summary: 'MAINTAINER is deprecated',
      why: 'MAINTAINER has been deprecated since Docker 1.13. The OCI label `org.opencontainers.image.authors` carries the same information in a form that registries, scanners and `docker inspect` understand.',
      examples: [
        { bad: 'FROM alpine:3.21\nMAINTAINER Jane Doe <jane@example.com>\n', good: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/maintainer-deprecated/', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        MAINTAINER(instr) {
          const value = instr.args.length ? model.text.slice(instr.args[0].start, instr.args[instr.args.length - 1].end) : '';
          const single = !value.includes('\n') && !value.includes('\r');
          // MAINTAINER keeps its text literally; LABEL values are unquoted and expanded, so escape what LABEL would interpret
          // inside double quotes (`"`, `$` and the escape character itself) with the file's escape character (`\` or a backtick).
          const literal = /^"[^"\\]*"$/.test(value) ? value.slice(1, -1) : value;
          const esc = model.escapeChar;
          const quoted = literal.replace(/["$\\`]/g, (c) => (c === '"' || c === '$' || c === esc ? esc + c : c));
          ctx.report({
            start: instr.keywordStart,
            end: instr.keywordEnd,
            messageId: 'deprecated',
            fixes: value && single ? [{ titleId: 'replaceWithLabel', safety: 'safe', changes: [{ kind: 'replaces-instruction', from: 'MAINTAINER', to: 'LABEL' }], edits: [{ start: instr.keywordStart, end: instr.end, text: `LABEL org.opencontainers.image.authors="${quoted}"` }] }] : [],
          });
        },
      },
    };
  },
});
