import { defineRule } from '../rule';
import { isEmptyScratch } from '../model/base-images';

export default defineRule({
  meta: {
    id: 'run-in-empty-scratch',
    aliases: {},
    counterparts: {
      tally: ['shell-run-in-scratch'],
      differences: 'A shell-form RUN in scratch is already shell-form-in-shell-less-image\'s; this rule finds the exec-form RUN that runs before anything is copied in, so no program can exist, also in stages built FROM a scratch stage.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      nothingToRun: 'Nothing has been copied into this scratch stage yet: `{program}` does not exist and the RUN fails',
    },
    docs: {
      summary: 'An exec-form RUN in a scratch stage that has no files yet',
      why: 'A stage `FROM scratch` (or built FROM such a stage) starts with no files at all: no shell and no program. An exec-form RUN before any COPY or ADD has nothing to start, and the build fails with "no such file or directory". Run the step in a stage built on a real image and copy its result into the scratch stage, or copy the program in first (a static binary such as busybox).',
      examples: [
        { bad: 'FROM scratch\nRUN ["/bin/mkdir", "/data"]\nCOPY app /app\n', good: 'FROM scratch\nCOPY app /app\nWORKDIR /data\n' },
      ],
      references: ['https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch', 'https://docs.docker.com/reference/dockerfile/#run'],
    },
  },
  create(ctx) {
    return {
      instructions: {
        RUN(instr) {
          // The shell form needs /bin/sh, which no scratch stage has unless copied in: shell-form-in-shell-less-image.
          const stage = instr.stage;
          if (!stage || !instr.execForm || !instr.args.length || !isEmptyScratch(stage, instr)) return;
          let program = instr.args[0].value;
          try {
            const argv: unknown = JSON.parse(instr.args.map((a) => a.value).join(' '));
            if (Array.isArray(argv) && typeof argv[0] === 'string') program = argv[0];
          } catch { /* the first word as written */ }
          ctx.report({ start: instr.args[0].start, end: instr.args[instr.args.length - 1].end, messageId: 'nothingToRun', data: { program } });
        },
      },
    };
  },
});
