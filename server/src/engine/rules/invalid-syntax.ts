import { defineRule } from '../rule';
import { syntaxProblems } from '../model/syntax';

export default defineRule({
  meta: {
    id: 'invalid-syntax',
    aliases: { hadolint: 'DL1000' },
    defaultSeverity: 'error',
    scope: 'stage',
    docs: {
      summary: 'Something Docker would reject',
      why: 'Unknown instructions, missing arguments, unknown or empty flags, unterminated heredocs and text after a line-continuation character all fail the build (or, worse, silently split an instruction in two). Finding them while editing saves a build round-trip.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && \\ # refresh\n    apt-get install -y curl\n', good: 'FROM debian:12-slim\n# refresh\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
        { bad: 'FROM alpine:3.21\nCOPY --form=build /app /app\n', good: 'FROM alpine:3.21\nCOPY --from=build /app /app\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/'],
    },
  },
  check(ctx) {
    for (const p of syntaxProblems(ctx.model)) if (p.kind === 'syntax') ctx.report(p);
  },
});
