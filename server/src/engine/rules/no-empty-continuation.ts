import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'no-empty-continuation',
    aliases: { buildkit: 'NoEmptyContinuation' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      emptyLine: 'Empty line inside a continued instruction: Docker skips it, and will reject it in future',
      emptyLines: '{count} empty lines inside a continued instruction: Docker skips them, and will reject them in future',
      removeEmptyLine: 'Remove the empty line',
      removeEmptyLines: 'Remove the empty lines',
    },
    docs: {
      summary: 'Empty line inside a continued instruction',
      why: 'Docker skips a blank line after a line that ends in `\\`, so the instruction goes on below it. That is easy to misread as the end of the instruction, and Docker has announced that such lines will become an error.',
      examples: [{ bad: 'FROM debian:12-slim\nRUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends curl\n', good: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n' }],
      references: ['https://docs.docker.com/reference/build-checks/no-empty-continuation/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const { lines } = model;
    for (const instr of model.instructions) {
      if (instr.endLine === instr.line) continue;
      // Heredoc bodies are data: blank lines there are content. Only the lines before the first heredoc count.
      const last = instr.heredocs.length ? instr.heredocs[0].markerLine : instr.endLine;
      // A run of empty lines is one finding, and its fix removes them all: a fix for one line of it would leave
      // the next one in its place, with the same finding.
      for (let line = instr.line + 1; line < last; line++) {
        if (lines.lineText(line).trim() !== '') continue;
        let end = line + 1;
        while (end < last && lines.lineText(end).trim() === '') end++;
        const start = lines.lineStart(line);
        const next = lines.lineStart(end);
        const several = end - line > 1;
        ctx.report({
          start,
          end: next,
          ...(several ? { messageId: 'emptyLines', data: { count: end - line } } : { messageId: 'emptyLine' }),
          fixes: [{ titleId: several ? 'removeEmptyLines' : 'removeEmptyLine', safety: 'safe', edits: [{ start, end: next, text: '' }] }],
        });
        line = end;
      }
    }
  },
});
