import { defineRule } from '../rule';
import type { ShellCommand } from '../model/shell';
import { commandRunBy, isCommand, parseArgs } from '../model/commands';

// Where the system shell lives (also on merged-/usr systems).
const BIN_SH = ['/bin/sh', '/usr/bin/sh'];

export default defineRule({
  meta: {
    id: 'ln-bin-sh',
    aliases: { hadolint: 'DL4005' },
    counterparts: {
      tally: ['hadolint/DL4005'],
      kics: ['Changing Default Shell Using RUN Command'],
      differences: 'Finds /bin/sh (and /usr/bin/sh) replaced by `ln`, `cp` or `mv`, also through sudo, and leaves a user\'s login shell (`chsh`, `usermod -s`) alone: it does not change the shell RUN uses.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      replacesBinSh: 'Use the SHELL instruction to change the shell instead of replacing /bin/sh',
    },
    docs: {
      summary: 'Replacing /bin/sh (with `ln`, `cp` or `mv`) instead of using SHELL',
      why: 'Replacing /bin/sh with bash (a link, a copy or a move) changes the shell of every script in the image, including the distribution\'s own maintainer scripts that expect a POSIX shell, and it is invisible to anyone reading the Dockerfile. The SHELL instruction changes the shell for RUN (and shell-form CMD/ENTRYPOINT) only, and says so.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n', good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#shell'],
    },
  },
  create(ctx) {
    const judge = (cmd: ShellCommand) => {
      const c = commandRunBy(cmd);
      if (isCommand(c, 'ln')) {
        const target = parseArgs(c, ['S', 'suffix', 't', 'target-directory']).operands.find((w) => BIN_SH.includes(w.value));
        if (target) ctx.report({ start: target.start, end: target.end, messageId: 'replacesBinSh' });
      } else if (isCommand(c, 'cp', 'mv')) {
        // The destination is the last operand (`-t DIR` names a directory, never /bin/sh itself).
        const { operands } = parseArgs(c, ['S', 'suffix', 't', 'target-directory']);
        const target = operands.length >= 2 ? operands[operands.length - 1] : undefined;
        if (target && BIN_SH.includes(target.value)) ctx.report({ start: target.start, end: target.end, messageId: 'replacesBinSh' });
      }
    };
    return { commands: { ln: judge, cp: judge, mv: judge } };
  },
});
