import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { frontendAllows, isPlainShellRun, runShell } from './support';

/** A chain this long (steps, and lines of the RUN) reads better as a script. */
const MIN_STEPS = 6;
const MIN_LINES = 6;

export default defineRule({
  meta: {
    id: 'prefer-run-heredoc',
    aliases: {},
    counterparts: {
      tally: ['prefer-run-heredoc'],
      differences: `Counts the steps of the parsed script (a quoted \`&&\` or one inside \`$(…)\` is no step), and offers the rewrite only when every step is joined by \`&&\`, so that \`set -e\` stops where the chain stopped.`,
    },
    category: 'style',
    status: 'preview',
    defaultSeverity: 'style',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      longChain: '{count} commands chained with `&&` over {lines} lines: a heredoc (`RUN <<EOF` with `set -e`) reads as a script',
      useHeredoc: 'Rewrite as a heredoc with set -e (unsafe: needs the Dockerfile 1.4 frontend or later)',
    },
    docs: {
      summary: 'A long `&& \\` chain in a RUN that a heredoc would write as a plain script',
      why: `A RUN of many commands joined by \`&& \\\` carries two characters of punctuation per line, and one forgotten \`\\\` or \`&&\` silently splits the chain or joins two commands. Since the Dockerfile 1.4 frontend (BuildKit, the default builder since Docker 23), \`RUN <<EOF\` takes a script as it would be written in a file: one command per line, with \`set -e\` to stop at the first failure the way \`&&\` did. The rule reports chains of ${MIN_STEPS} commands or more over ${MIN_LINES} lines or more. It is style, and in preview: off unless your configuration turns it on.`,
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates \\\n && curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tgz \\\n && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\\n && rm /tmp/tool.tgz \\\n && rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl ca-certificates\ncurl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tgz\ntar -xzf /tmp/tool.tgz -C /usr/local/bin\nrm /tmp/tool.tgz\nrm -rf /var/lib/apt/lists/*\nEOF\n',
        },
      ],
      fixSafety: 'The rewrite needs the Dockerfile 1.4 frontend or later: BuildKit\'s default since Docker 23, but the legacy builder and older pinned `# syntax=` frontends reject it. It runs the same commands in order and stops at the first failure, as the chain did; `set -e` also stops inside subshells and functions the commands define, which the chain did not. It is offered only when every step is joined by `&&`, the shell is a POSIX one, and no comment line sits inside the RUN.',
      references: ['https://docs.docker.com/reference/dockerfile/#here-documents'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    // Heredocs came with the Dockerfile 1.4 frontend.
    const heredocsKnown = frontendAllows(model, 4);
    const judge = (instr: Instr) => {
      if (!isPlainShellRun(instr) || instr.onbuild) return;
      const script = instr.run!.scripts[0];
      const steps = script.andSteps;
      const lines = instr.endLine - instr.line + 1;
      if (!script.andOnly || steps.length < MIN_STEPS || lines < MIN_LINES || script.hasErrors) return;
      const shell = runShell(instr);
      if (shell?.kind !== 'posix') return;
      const eol = model.lines.eol;
      const texts = steps.map((s) => model.text.slice(s.start, s.end));
      const hasSetE = /^set\s+-[a-zA-Z]*e/.test(texts[0]);
      let delimiter = 'EOF';
      while (texts.some((t) => t.split(/\r?\n|\r/).some((l) => l.trim() === delimiter))) delimiter += '_';
      const body = [...(hasSetE ? [] : ['set -e']), ...texts].join(eol);
      // A comment line inside the RUN (Docker drops it) would end a continued command in a script; the backtick escape is no shell's.
      const canFix = heredocsKnown && model.escapeChar === '\\' && !model.commentsBetween(instr.start, instr.end).length && !script.hasComment;
      ctx.report({
        start: instr.keywordStart,
        end: instr.keywordEnd,
        messageId: 'longChain',
        data: { count: String(steps.length), lines: String(lines) },
        fixes: canFix ? [{ titleId: 'useHeredoc', safety: 'unsafe', edits: [{ start: instr.run!.bodyStart, end: instr.end, text: `<<${delimiter}${eol}${body}${eol}${delimiter}` }] }] : [],
      });
    };
    return { instructions: { RUN: judge } };
  },
});
