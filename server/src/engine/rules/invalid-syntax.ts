import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { SYNTAX_MESSAGES, syntaxProblems, type SyntaxProblem } from '../model/syntax';
import type { MessageData } from '../messages';

export default defineRule({
  meta: {
    id: 'invalid-syntax',
    aliases: { hadolint: 'DL1000' },
    counterparts: {
      tally: ['unknown-instruction'],
      sonar: ['S2260'],
      differences: 'One rule for everything Docker rejects: missing arguments, unknown or empty flags and unterminated heredocs as well as unknown instructions.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    // The problem's own wording comes from the syntax checks (model/syntax.ts), which the fix engine shares.
    messages: {
      ...SYNTAX_MESSAGES,
      problem: '{problem}',
      problemThenUnknown: '{problem} (unknown instruction {instruction})',
      problemThenUnknownAndMore: '{problem} (unknown instruction {instruction}, and {more} more after it, to line {line})',
      problemAndMore: '{problem} (and {more} more after it, to line {line})',
    },
    docs: {
      summary: 'Something Docker would reject',
      why: 'Unknown instructions, missing arguments, unknown or empty flags, unterminated heredocs and text after a line-continuation character all fail the build (or, worse, silently split an instruction in two). Finding them while editing saves a build round-trip. Lines that do not parse one after the other (a pasted script, the lines a broken continuation cuts off) are one finding: one mistake, one report; other rules say nothing about them.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && \\ # refresh\n    apt-get install -y curl\n', good: 'FROM debian:12-slim\n# refresh\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
        { bad: 'FROM alpine:3.21\nCOPY --form=build /app /app\n', good: 'FROM alpine:3.21\nCOPY --from=build /app /app\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const problems = syntaxProblems(model);
    // A problem that makes the next lines unreadable, and the unknown instructions right after it: the
    // instructions' positions, asked for only when there is such a problem.
    let position: Map<Instr, number> | undefined;
    let head: { problem: SyntaxProblem; last: Instr; first: Instr | undefined; more: number } | undefined;
    const flush = () => {
      if (!head) return;
      const { problem, first, more, last } = head;
      const { start, end } = problem;
      const after: MessageData = more ? { more, line: last.endLine + 1 } : {};
      if (first) {
        const instruction = model.text.slice(first.keywordStart, first.keywordEnd);
        ctx.report({ start, end, messageId: more ? 'problemThenUnknownAndMore' : 'problemThenUnknown', data: { problem: { messageId: problem.messageId, data: problem.data }, instruction, ...after } });
      } else ctx.report({ start, end, messageId: more ? 'problemAndMore' : 'problem', data: { problem: { messageId: problem.messageId, data: problem.data }, ...after } });
      head = undefined;
    };
    for (const p of problems) {
      if (p.kind !== 'syntax') continue;
      const { cascade } = p;
      if (cascade?.unknown && head) {
        position ??= new Map(model.instructions.map((instr, i) => [instr, i]));
        if (position.get(cascade.instr) === position.get(head.last)! + 1) {
          if (head.problem.cascade!.unknown || head.first) head.more++;
          else head.first = cascade.instr;
          head.last = cascade.instr;
          continue;
        }
      }
      flush();
      if (cascade) head = { problem: p, last: cascade.instr, first: undefined, more: 0 };
      else ctx.report({ start: p.start, end: p.end, messageId: 'problem', data: { problem: { messageId: p.messageId, data: p.data } } });
    }
    flush();
  },
});
