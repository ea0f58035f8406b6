import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { brokenExecArray, type ArrayProblem, type MeantArray } from '../model/exec-form';

// The message that says what is wrong, by kind of problem.
const PROBLEM_MESSAGES: Readonly<Record<ArrayProblem['kind'], string>> = {
  singleQuotes: 'singleQuotes',
  typographicQuotes: 'typographicQuotes',
  badEscape: 'badEscape',
  trailingComma: 'trailingComma',
  textAfter: 'textAfter',
};

export default defineRule({
  meta: {
    id: 'exec-form-invalid-json',
    aliases: {},
    counterparts: {
      tally: ['invalid-json-form'],
      sonar: ['S7030'],
      differences: 'Tells a shell `[ … ]` test (`[ "$a" ] && …`) from a broken array by its commas and tight brackets, names the exact character at fault (a quote, a backslash, a trailing comma, the text after `]`), and rewrites the array as JSON where it can.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      invalidJson: '{keyword} looks like exec form but is not valid JSON: {problem}. {result}',
      singleQuotes: 'JSON strings need double quotes, not single quotes',
      typographicQuotes: 'the typographic quote `{quote}` is no JSON quote',
      badEscape: '`{escape}` is no JSON escape (write a backslash as `\\\\`)',
      trailingComma: 'JSON allows no comma before `]`',
      textAfter: 'nothing may follow the closing `]`',
      runsAsShell: 'Docker runs the whole text as a shell command, which fails or does something else',
      shellRejected: 'Docker rejects a SHELL that is not a JSON array',
      rewriteAsJson: 'Rewrite as a JSON array: {command} (unsafe: the command now runs in exec form)',
    },
    docs: {
      summary: 'Exec-form array that is not valid JSON',
      why: 'Docker reads `CMD [...]`, `ENTRYPOINT [...]`, `RUN [...]` and `HEALTHCHECK CMD [...]` as exec form only when the text is a valid JSON array of strings. Single quotes, typographic quotes pasted from a document, a backslash that is no JSON escape, a comma before `]` or any text after it make it plain text, which Docker silently runs with `/bin/sh -c`: the shell then looks for a program called `[node,` or similar and the container fails at start (a RUN fails the build). Write double quotes, escape backslashes as `\\\\`, and put nothing after the closing bracket.',
      examples: [
        { bad: "FROM node:22-slim\nCMD ['node', 'server.js']\n", good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n' },
        { bad: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;",]\n', good: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n', note: 'A shell test that starts with `[` (`RUN [ -f /etc/app.conf ] || cp …`) is not an array and is not reported.' },
      ],
      fixSafety: 'The fix turns what Docker runs today through `/bin/sh -c` into exec form, as the author meant: the program then runs without a shell, so variables in it are no longer expanded and it receives signals directly. Check the command before applying it.',
      references: ['https://docs.docker.com/reference/dockerfile/#shell-and-exec-form', 'https://docs.docker.com/reference/dockerfile/#shell'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const check = (instr: Instr): void => {
      const broken = brokenExecArray(model, instr);
      if (!broken) return;
      const { array, problem } = broken;
      ctx.report({
        start: problem.start,
        end: problem.end,
        messageId: 'invalidJson',
        data: {
          keyword: instr.keyword,
          problem: { messageId: PROBLEM_MESSAGES[problem.kind], data: problem.data },
          result: { messageId: instr.keyword === 'SHELL' ? 'shellRejected' : 'runsAsShell' },
        },
        fixes: rewrite(model, array),
      });
    };
    const handlers = { CMD: check, ENTRYPOINT: check, RUN: check, HEALTHCHECK: check, SHELL: check };
    return { instructions: handlers, triggers: handlers };
  },
});

/** The array written as JSON, when nothing follows it and it sits on one line (a rewrite would drop comment lines). */
function rewrite(model: DockerfileModel, a: MeantArray): FixInput[] {
  if (a.after || /[\r\n]/.test(model.text.slice(a.open, a.close))) return [];
  const json = `[${a.elements.map((e) => JSON.stringify(e.value)).join(', ')}]`;
  const command = json.length > 60 ? json.slice(0, 57) + '…' : json;
  return [{ titleId: 'rewriteAsJson', data: { command }, safety: 'unsafe', edits: [{ start: a.open, end: a.close + 1, text: json }] }];
}
