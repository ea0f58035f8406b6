import { defineRule } from '../rule';
import { isCommand } from '../model/commands';

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    aliases: { hadolint: 'DL3004' },
    defaultSeverity: 'warning',
    needs: { commands: ['sudo'] },
    scope: 'stage',
    docs: {
      summary: '`sudo` in a RUN',
      why: 'RUN already executes as the current USER, and root can switch with `USER root` for the steps that need it. sudo adds a setuid binary and a policy file to the image, behaves unpredictably without a TTY, and is a privilege-escalation path left behind for anyone who gets a shell in the container.',
      examples: [
        { bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n', good: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      for (const cmd of instr.run!.commands) {
        if (isCommand(cmd, 'sudo')) ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, message: 'Do not use sudo in a RUN: switch with USER root for the steps that need it' });
      }
    }
  },
});
