import { defineRule } from '../rule';
import { ORDER_MESSAGES, syntaxProblems } from '../model/syntax';

export default defineRule({
  meta: {
    id: 'instruction-before-from',
    aliases: { hadolint: 'DL3061' },
    counterparts: {
      tally: ['hadolint/DL3061', 'require-stages'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      ...ORDER_MESSAGES,
      instructionOrder: '{problem}',
    },
    docs: {
      summary: 'Instruction before the first FROM, or no FROM at all',
      why: 'A build starts with FROM; only ARG (to parameterise the FROM) may come before it. Docker refuses anything else there, and a Dockerfile without FROM has no stage to build.',
      examples: [{ bad: 'ENV LANG=C.UTF-8\nFROM debian:12-slim\n', good: 'FROM debian:12-slim\nENV LANG=C.UTF-8\n' }],
      references: ['https://docs.docker.com/reference/dockerfile/#from'],
    },
  },
  check(ctx) {
    // The syntax model words its problems (invalid-syntax reports the others): the text is passed through.
    for (const p of syntaxProblems(ctx.model)) if (p.kind === 'order') ctx.report({ start: p.start, end: p.end, messageId: 'instructionOrder', data: { problem: { messageId: p.messageId, data: p.data } } });
  },
});
