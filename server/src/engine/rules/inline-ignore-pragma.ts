import { defineRule } from '../rule';

const INLINE = /^#\s*(hadolint|dockwise)\s+ignore\s*=/;

export default defineRule({
  meta: {
    id: 'inline-ignore-pragma',
    aliases: { hadolint: 'DL1001' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      inlineIgnore: 'Inline ignore pragma: record the exception in the configuration file instead',
    },
    docs: {
      summary: 'Inline ignore pragma',
      why: 'For teams that want every exception to live in the central configuration (`.dockwise.yaml` / `.hadolint.yaml`), where it is reviewed once, rather than in comments scattered across Dockerfiles. Only the `strict` profile turns it on; enable it and, to make the pragmas ineffective as well, turn on `disable-ignore-pragma`. File-wide `global ignore` pragmas are not reported.',
      examples: [
        { bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', good: 'FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n' },
      ],
      references: ['https://github.com/hadolint/hadolint#inline-ignores'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (let line = 0; line < model.lines.lineCount; line++) {
      const text = model.lines.lineText(line);
      const indent = /^\s*/.exec(text)![0].length;
      const m = INLINE.exec(text.slice(indent));
      if (!m) continue;
      const start = model.lines.lineStart(line) + indent;
      // Only real comment lines: not text inside a RUN heredoc or a continued instruction.
      if (!model.commentOnLine(line)) continue;
      ctx.report({ start, end: start + text.trimEnd().length - indent, messageId: 'inlineIgnore' });
    }
  },
});
