import { defineRule } from '../rule';
import { readPragmas } from '../config/pragmas';
import { suggestName } from '../config/suggest';

export default defineRule({
  meta: {
    id: 'unknown-rule-in-pragma',
    aliases: {},
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'style',
    messages: {
      unknownRule: 'Unknown rule "{name}"',
      unknownRuleSuggestion: 'Unknown rule "{name}"; did you mean "{suggestion}"?',
      unknownHadolintCode: 'Unknown rule "{name}" (Dockwise has no rule for {name})',
      unknownRuleDropsPragma: 'Unknown rule "{name}"; hadolint ignores this whole pragma',
      unknownRuleSuggestionDropsPragma: 'Unknown rule "{name}"; did you mean "{suggestion}"?; hadolint ignores this whole pragma',
    },
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
        // A hadolint code (DL3000) is one hadolint reads, so the pragma stays in force there.
        if (/^DL\d{4}$/.test(n.name)) {
          ctx.report({ start: n.start, end: n.end, messageId: 'unknownHadolintCode', data: { name: n.name } });
          continue;
        }
        const dropped = p.source === 'hadolint' && !/^[DLSC0-9]+$/.test(n.name);
        if (suggestion) ctx.report({ start: n.start, end: n.end, messageId: dropped ? 'unknownRuleSuggestionDropsPragma' : 'unknownRuleSuggestion', data: { name: n.name, suggestion } });
        else ctx.report({ start: n.start, end: n.end, messageId: dropped ? 'unknownRuleDropsPragma' : 'unknownRule', data: { name: n.name } });
      }
    }
  },
});
