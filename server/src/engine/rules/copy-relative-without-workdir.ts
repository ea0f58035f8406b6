import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { copyOperands, workdirSet } from './support';

export default defineRule({
  meta: {
    id: 'copy-relative-without-workdir',
    aliases: { hadolint: 'DL3045' },
    counterparts: {
      tally: ['hadolint/DL3045'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      relativeWithoutWorkdir: '`{destination}` is relative, but no WORKDIR is set in this stage: it depends on the base image',
    },
    docs: {
      summary: 'COPY to a relative path before any WORKDIR',
      why: 'A relative destination is resolved against the working directory, which comes from the base image when the Dockerfile has not set one: often `/`, sometimes not. The files then land somewhere nobody chose. Set WORKDIR first, or copy to an absolute path.',
      examples: [
        { bad: 'FROM node:22-slim\nCOPY package.json .\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    },
  },
  create(ctx) {
    const copy = (instr: Instr): void => {
      // Instructions before the first FROM belong to no stage.
      if (!instr.stage) return;
      const ops = copyOperands(ctx.model, instr);
      if (!ops) return;
      const dest = ops.dest.value;
      if (/^(\/|\$|[A-Za-z]:[\\/]?|\\)/.test(dest) || workdirSet(instr)) return;
      ctx.report({ start: ops.dest.start, end: ops.dest.end, messageId: 'relativeWithoutWorkdir', data: { destination: dest } });
    };
    return { instructions: { COPY: copy, ADD: copy } };
  },
});
