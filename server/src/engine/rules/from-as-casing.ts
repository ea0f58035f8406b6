import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    aliases: { buildkit: 'FromAsCasing' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      mismatchedCasing: '"{written}" does not match the casing of "{from}"; write "{expected}"',
      writeAs: 'Write {expected}',
    },
    docs: {
      summary: '`AS` cased differently from `FROM`',
      why: 'Keywords in one casing read as one language: `FROM … AS …` or `from … as …`. A mix suggests the line was pasted together and makes the stage name harder to spot.',
      examples: [{ bad: 'FROM golang:1.25 as build\n', good: 'FROM golang:1.25 AS build\n' }],
      references: ['https://docs.docker.com/reference/build-checks/from-as-casing/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const from = model.text.slice(stage.from.keywordStart, stage.from.keywordEnd);
      const as = stage.from.args[1];
      // The model names a stage only after an AS as BuildKit reads it (`\as` and `as\` are none).
      if (!as || !stage.from.alias || model.text.slice(as.start, as.end).toUpperCase() !== 'AS') continue;
      // A mixed-case `From` is the instruction-casing check's business.
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      if ((!upper && !lower) || (upper && as.value === 'AS') || (lower && as.value === 'as')) continue;
      const want = upper ? 'AS' : 'as';
      ctx.report({ start: as.start, end: as.end, messageId: 'mismatchedCasing', data: { written: as.value, from, expected: want }, fixes: [{ titleId: 'writeAs', data: { expected: want }, safety: 'safe', edits: [{ start: as.start, end: as.end, text: want }] }] });
    }
  },
});
