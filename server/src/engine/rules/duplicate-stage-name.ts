import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'duplicate-stage-name',
    aliases: { hadolint: 'DL3024', buildkit: 'DuplicateStageName' },
    counterparts: {
      checkov: ['CKV_DOCKER_11'],
      trivy: ['DS-0012'],
      kics: ['Same Alias In Different Froms'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    messages: {
      duplicateName: 'Stage name "{name}" is already used on line {line}',
    },
    docs: {
      summary: 'Two stages with the same name',
      why: 'Stage names are how `COPY --from` and `FROM <stage>` find a stage, and `--target` picks one to build. With the same name twice, BuildKit refuses the file, and a reader cannot tell which stage is meant. Names are compared without regard to case.',
      examples: [{ bad: 'FROM golang:1.25 AS build\nFROM node:22 AS build\n', good: 'FROM golang:1.25 AS build-api\nFROM node:22 AS build-web\n' }],
      references: ['https://docs.docker.com/reference/build-checks/duplicate-stage-name/'],
    },
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.model.stages) {
      if (!stage.alias || stage.aliasStart === undefined) continue;
      const key = stage.alias.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) ctx.report({ start: stage.aliasStart, end: stage.aliasEnd!, messageId: 'duplicateName', data: { name: stage.alias, line: first + 1 } });
      else seen.set(key, stage.from.line);
    }
  },
});
