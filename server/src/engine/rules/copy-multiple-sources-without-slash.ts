import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { copyOperands } from './support';
import { distroFamily, rootStage } from '../model/base-images';

export default defineRule({
  meta: {
    id: 'copy-multiple-sources-without-slash',
    aliases: { hadolint: 'DL3021' },
    counterparts: {
      tally: ['hadolint/DL3021'],
      trivy: ['DS-0011'],
      kics: ['Copy With More Than Two Arguments Not Ending With Slash'],
      differences: 'Checks ADD as well as COPY and offers a fix that adds the trailing slash.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      destinationNotFolder: 'With {count} sources the destination must be a folder ending in `/`',
      addTrailingSlash: 'Add a trailing /',
    },
    docs: {
      summary: 'COPY of several sources to a destination without a trailing `/`',
      why: 'When COPY or ADD has more than one source, the destination must be a directory and must end with `/`; otherwise the build fails ("When using COPY with more than one source file, the destination must be a directory and end with a /").',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json /app\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json /app/\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#copy'],
    },
  },
  create(ctx) {
    const copy = (instr: Instr): void => {
      // `--from build` without `=`: Docker rejects the flag, and `build` would be read here as a source.
      if (instr.flags.some((f) => f.value === null && ['from', 'chown', 'chmod'].includes(f.name))) return;
      const ops = copyOperands(ctx.model, instr);
      if (!ops || ops.sources.length < 2) return;
      const { dest } = ops;
      // Windows paths end a folder in `\` too (`C:\\Windows\\System32\\`).
      const windows = !!instr.stage && distroFamily(rootStage(instr.stage).image) === 'windows';
      if (dest.value.endsWith('/') || (windows && dest.value.endsWith('\\')) || dest.value.includes('$') || dest.value === '') return;
      ctx.report({
        start: dest.start,
        end: dest.end,
        messageId: 'destinationNotFolder',
        data: { count: ops.sources.length },
        fixes: [{ titleId: 'addTrailingSlash', safety: 'safe', edits: [{ start: dest.end, end: dest.end, text: '/' }] }],
      });
    };
    return { instructions: { COPY: copy, ADD: copy }, triggers: { COPY: copy, ADD: copy } };
  },
});
