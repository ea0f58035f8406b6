import { defineRule } from '../rule';
import { readPragmas } from '../config/pragmas';
import { suggestName } from '../config/suggest';

export default defineRule({
  meta: {
    id: 'unknown-rule-in-pragma',
    aliases: {},
    defaultSeverity: 'style',
    docs: {
      summary: 'An ignore pragma names a rule that does not exist',
      why: 'A misspelt rule id in `# dockwise ignore=…`, `# hadolint ignore=…` or `# check=skip=…` silently suppresses nothing, so the finding you meant to silence is still reported, or a later rule rename goes unnoticed. hadolint discards a whole pragma when one name in it is invalid.',
      examples: [
        { bad: 'FROM alpine:3.21\n# dockwise ignore=consecutive-runs\nRUN mkdir /a\nRUN mkdir /b\n', good: 'FROM alpine:3.21\n# dockwise ignore=consecutive-run\nRUN mkdir /a\nRUN mkdir /b\n' },
      ],
      references: ['https://github.com/hadolint/hadolint#inline-ignores', 'https://docs.docker.com/build/checks/'],
    },
  },
  check(ctx) {
    for (const p of readPragmas(ctx.model).pragmas) {
      for (const n of p.names) {
        if (n.known) continue;
        const suggestion = suggestName(n.name);
        const noRule = /^DL\d{4}$/.test(n.name) ? ` (Dockwise has no rule for ${n.name})` : '';
        const dropped = p.source === 'hadolint' && !/^[DLSC0-9]+$/.test(n.name) ? '; hadolint ignores this whole pragma' : '';
        ctx.report({ start: n.start, end: n.end, message: `Unknown rule "${n.name}"${noRule}${suggestion && !noRule ? `; did you mean "${suggestion}"?` : ''}${dropped}` });
      }
    }
  },
});
