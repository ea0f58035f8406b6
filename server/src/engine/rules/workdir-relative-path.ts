import { defineRule } from '../rule';
import type { Stage } from '../model/dockerfile';

function absoluteBefore(stage: Stage, index: number): boolean {
  for (let s: Stage | undefined = stage, limit = index; s; s = s.parent, limit = Infinity) {
    if (s.instructions.some((i, n) => n < limit && i.keyword === 'WORKDIR' && isAbsolute(i.args[0]?.value ?? ''))) return true;
  }
  return false;
}

function isAbsolute(path: string): boolean {
  const p = path.replace(/^["']|["']$/g, '');
  return p.startsWith('/') || p.startsWith('$') || /^[A-Za-z]:/.test(p) || p.startsWith('\\\\');
}

export default defineRule({
  meta: {
    id: 'workdir-relative-path',
    aliases: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' },
    counterparts: {
      checkov: ['CKV_DOCKER_10'],
      trivy: ['DS-0009'],
      kics: ['WORKDIR Path Not Absolute'],
      sonar: ['S7021'],
      differences: 'Reports a relative WORKDIR only when no absolute one comes before it, where the scanners report every relative WORKDIR.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      relativeWorkdir: 'WORKDIR {path} is relative to a directory this Dockerfile never set; use an absolute path',
    },
    docs: {
      summary: 'A relative WORKDIR with no absolute one before it',
      why: 'A relative WORKDIR is resolved against the current working directory, which comes from the base image when the Dockerfile never set one. The result then depends on how the base image was built, and can change when it is rebuilt. Set an absolute WORKDIR first; relative ones after it are fine.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR app\n', good: 'FROM node:22-slim\nWORKDIR /app\n' },
        { bad: 'FROM alpine:3.21\nWORKDIR src\n', good: 'FROM alpine:3.21\nWORKDIR /srv\nWORKDIR src\n', note: 'Relative to an absolute WORKDIR set earlier is clear.' },
      ],
      references: ['https://docs.docker.com/reference/build-checks/workdir-relative-path/'],
    },
  },
  create(ctx) {
    return {
      instructions: {
        WORKDIR(instr) {
          // Instructions before the first FROM belong to no stage.
          const stage = instr.stage;
          if (!stage || !instr.args[0]) return;
          const value = instr.args[0].value;
          if (isAbsolute(value) || absoluteBefore(stage, instr.index)) return;
          ctx.report({ start: instr.args[0].start, end: instr.args[instr.args.length - 1].end, messageId: 'relativeWorkdir', data: { path: value } });
        },
      },
    };
  },
});
