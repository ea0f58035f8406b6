import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'reserved-stage-name',
    aliases: { hadolint: 'DL3063', buildkit: 'ReservedStageName' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      reservedName: '"{name}" is a reserved word and should not name a stage',
    },
    docs: {
      summary: 'A stage named `scratch` or `context`',
      why: '`scratch` is the empty base image and `context` names the build context in `COPY --from=context`/named contexts. A stage with either name makes `FROM scratch` or `--from=context` ambiguous, and BuildKit warns about it.',
      examples: [{ bad: 'FROM alpine:3.21 AS scratch\n', good: 'FROM alpine:3.21 AS base\n' }],
      references: ['https://docs.docker.com/reference/build-checks/reserved-stage-name/'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.alias || stage.aliasStart === undefined) continue;
      if (['scratch', 'context'].includes(stage.alias.toLowerCase())) ctx.report({ start: stage.aliasStart, end: stage.aliasEnd!, messageId: 'reservedName', data: { name: stage.alias } });
    }
  },
});
