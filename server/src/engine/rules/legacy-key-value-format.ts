import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { keyValueEdit } from '../format/key-value';

export default defineRule({
  meta: {
    id: 'legacy-key-value-format',
    aliases: { buildkit: 'LegacyKeyValueFormat' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      legacyForm: '{keyword} {name} uses the legacy "key value" form; write {name}=value',
      useKeyValue: 'Use {name}={value}',
    },
    docs: {
      summary: '`ENV key value` / `LABEL key value` instead of `key=value`',
      why: 'The space-separated form sets one variable whose value is the whole rest of the line, so `ENV A 1 B 2` silently sets A to "1 B 2". Docker has deprecated it; the `key=value` form is unambiguous and can set several variables in one instruction.',
      examples: [
        { bad: 'FROM alpine:3.21\nENV APP_HOME /srv/app\n', good: 'FROM alpine:3.21\nENV APP_HOME=/srv/app\n' },
        { bad: 'FROM alpine:3.21\nLABEL description A small service\n', good: 'FROM alpine:3.21\nLABEL description="A small service"\n' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/legacy-key-value-format/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const pairs = (instr: Instr): void => {
      for (const p of instr.props) {
        if (p.assignment) continue;
        // `ENV key` without a value is a syntax error, reported elsewhere
        if (p.valueStart === undefined || p.valueEnd === undefined) continue;
        // `key =value`: a space before the `=` of the key=value form, which space-before-equals reports.
        if (p.value?.startsWith('=')) continue;
        // The formatter's keyValueForm writes the same.
        const edit = keyValueEdit(model, instr, p);
        const value = edit?.text.slice(1);
        ctx.report({
          start: p.nameStart,
          end: p.valueEnd,
          messageId: 'legacyForm',
          data: { keyword: instr.keyword, name: p.name },
          // A long value is cut short in the title.
          fixes: edit && value !== undefined ? [{ titleId: 'useKeyValue', data: { name: p.name, value: value.length > 30 ? value.slice(0, 27) + '…' : value }, safety: 'safe', edits: [edit] }] : [],
        });
      }
    };
    return { instructions: { ENV: pairs, LABEL: pairs }, triggers: { ENV: pairs, LABEL: pairs } };
  },
});
