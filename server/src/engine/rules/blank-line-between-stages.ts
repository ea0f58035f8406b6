import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'blank-line-between-stages',
    aliases: {},
    counterparts: {
      tally: ['newline-between-instructions'],
      differences: 'Judges only the line before each stage\'s FROM, with the comments right above the FROM counted as part of the stage, and leaves the blank lines between other instructions alone.',
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'style',
    fixable: 'safe',
    messages: {
      missingBlankLine: 'Put a blank line before this stage so that it stands apart from the previous one',
      extraBlankLines: '{count} blank lines before this stage: one is enough',
      insertBlankLine: 'Insert a blank line',
      removeBlankLines: 'Keep one blank line',
    },
    docs: {
      summary: 'Not exactly one blank line before each stage after the first',
      why: 'In a multi-stage Dockerfile each FROM starts a new image, and a reader scans for those boundaries. One blank line before every FROM after the first (and before the comments right above it, which belong to the stage) makes the stages easy to find, and the same spacing everywhere keeps diffs free of whitespace churn. Docker ignores blank lines, so this is style: the rule is off unless the `strict` profile or your configuration turns it on.',
      examples: [
        {
          bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\n# The runtime image\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
          good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\n\n# The runtime image\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
        },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const { lines } = model;
    const blank = (l: number) => lines.lineText(l).trim() === '';
    // Comment lines of their own (not inside an instruction or a heredoc).
    const commentLines = new Set(model.comments.filter((c) => !c.embedded).map((c) => c.line));
    return {
      instructions: {
        FROM(instr) {
          if (!instr.stage || instr.stage.from !== instr || instr.stage.index === 0) return;
          let top = instr.line;
          while (top > 0 && commentLines.has(top - 1)) top--;
          let first = top;
          while (first > 0 && blank(first - 1)) first--;
          // Nothing above but blank lines: the first instruction of the file is not a FROM (only ARGs before it).
          if (first === 0) return;
          const count = top - first;
          if (count === 1) return;
          const eol = lines.eol;
          if (count === 0) {
            ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, messageId: 'missingBlankLine',
              fixes: [{ titleId: 'insertBlankLine', safety: 'safe', edits: [{ start: lines.lineStart(top), end: lines.lineStart(top), text: eol }] }] });
          } else {
            ctx.report({ start: instr.keywordStart, end: instr.keywordEnd, messageId: 'extraBlankLines', data: { count: String(count) },
              fixes: [{ titleId: 'removeBlankLines', safety: 'safe', edits: [{ start: lines.lineStart(first + 1), end: lines.lineStart(top), text: '' }] }] });
          }
        },
      },
    };
  },
});
