import { defineRule } from '../rule';
import { distroFamily, rootStage } from '../model/base-images';
import type { Stage } from '../model/dockerfile';

const DISTROLESS_USERS = new Set(['root', 'nonroot', 'nobody']);

function copiesPasswd(stage: Stage): boolean {
  return stage.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.args.some((a) => /(^|\/)(etc\/?$|passwd$)/.test(a.value)));
}

export default defineRule({
  meta: {
    id: 'named-user-in-shell-less-image',
    aliases: {},
    counterparts: {
      tally: ['named-identity-in-passwdless-stage'],
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      scratchUser: 'scratch has no /etc/passwd, so user "{user}" cannot be found; use a numeric id',
      distrolessUser: 'distroless images only know root, nonroot and nobody; "{user}" cannot be found',
    },
    docs: {
      summary: 'A user name the image cannot resolve',
      why: '`USER app` is looked up in the image\'s /etc/passwd when the container starts. `scratch` has no /etc/passwd, and distroless images know only root, nonroot and nobody, so the container fails with "unable to find user". Use a numeric id (`USER 65532:65532`), or copy a passwd file in.',
      examples: [
        { bad: 'FROM scratch\nCOPY app /app\nUSER app\nENTRYPOINT ["/app"]\n', good: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const family = distroFamily(rootStage(stage).image);
      if (family !== 'scratch' && family !== 'distroless') continue;
      if (copiesPasswd(stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'USER' || !instr.args[0]) continue;
        const name = instr.args[0].value.split(':')[0];
        if (/^\d+$/.test(name) || name.includes('$')) continue;
        if (family === 'distroless' && DISTROLESS_USERS.has(name)) continue;
        ctx.report({
          start: instr.args[0].start,
          end: instr.args[0].end,
          messageId: family === 'scratch' ? 'scratchUser' : 'distrolessUser',
          data: { user: name },
        });
      }
    }
  },
});
