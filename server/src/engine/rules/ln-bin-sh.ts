import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';

export default defineRule({
  meta: {
    id: 'ln-bin-sh',
    aliases: { hadolint: 'DL4005' },
    counterparts: {
      tally: ['hadolint/DL4005'],
      kics: ['Changing Default Shell Using RUN Command'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      replacesBinSh: 'Use the SHELL instruction to change the shell instead of replacing /bin/sh',
    },
    docs: {
      summary: 'Replacing /bin/sh with `ln` instead of using SHELL',
      why: 'Linking /bin/sh to bash changes the shell of every script in the image, including the distribution\'s own maintainer scripts that expect a POSIX shell, and it is invisible to anyone reading the Dockerfile. The SHELL instruction changes the shell for RUN (and shell-form CMD/ENTRYPOINT) only, and says so.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n', good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#shell'],
    },
  },
  create(ctx) {
    return {
      commands: {
        ln(cmd) {
          // Also called for what runs ln (`sudo ln …`, `xargs ln …`): only ln itself is judged.
          if (!isCommand(cmd, 'ln')) return;
          const target = parseArgs(cmd, ['S', 'suffix', 't', 'target-directory']).operands.find((w) => w.value === '/bin/sh');
          if (!target) return;
          ctx.report({ start: target.start, end: target.end, messageId: 'replacesBinSh' });
        },
      },
    };
  },
});
