import { defineRule } from '../rule';
import { baseName, isCommand } from '../model/commands';

const COMMANDS = ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];

export default defineRule({
  meta: {
    id: 'pointless-command-in-container',
    aliases: { hadolint: 'DL3001' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'info',
    needs: { commands: COMMANDS },
    scope: 'stage',
    messages: {
      pointlessCommand: '`{command}` makes no sense in a build step',
    },
    docs: {
      summary: 'A command that does nothing useful during a build',
      why: 'A RUN step executes once, in a throw-away container, at build time. Interactive or system-management commands (`ssh`, `vim`, `top`, `ps`, `free`, `kill`, `mount`, `service`, `shutdown`) either need a terminal, act on processes that stop when the step ends, or need privileges a build does not have. Services are started by the container\'s CMD or ENTRYPOINT, not by a RUN. `kill` and `ps` are not reported in a RUN that starts a job in the background (`server & …; kill $!`): it has to stop what it started.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN service nginx start\n', good: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#run'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      // A step that starts a job in the background (a server warmed up, a database loaded) must stop it before it
      // ends: there `ps` and `kill` do real work.
      const background = instr.run!.scripts.some((s) => /(^|[^&>|])&(?![&>])/.test(s.text));
      for (const cmd of instr.run!.commands) {
        if (!isCommand(cmd, ...COMMANDS) || (background && isCommand(cmd, 'kill', 'ps'))) continue;
        ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'pointlessCommand', data: { command: baseName(cmd) } });
      }
    }
  },
});
