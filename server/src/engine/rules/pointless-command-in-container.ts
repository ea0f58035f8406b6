import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, isCommand } from '../model/commands';

const COMMANDS = ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];

/**
 * A step that starts a job in the background (a server warmed up, a database loaded) must stop it before it
 * ends: there `ps` and `kill` do real work.
 */
function background(instr: Instr): boolean {
  return instr.run!.scripts.some((s) => /(^|[^&>|])&(?![&>])/.test(s.text));
}

export default defineRule({
  meta: {
    id: 'pointless-command-in-container',
    aliases: { hadolint: 'DL3001' },
    counterparts: {
      tally: ['hadolint/DL3001'],
      kics: ['Run Utilities And POSIX Commands'],
      differences: 'Does not report `kill` or `ps` in a RUN that starts a job in the background and has to stop it.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'info',
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
  create(ctx) {
    const pointless = (cmd: ShellCommand, instr: Instr) => {
      // Also called for what runs one of them (`sudo service …`, `xargs kill`): only the commands themselves are judged.
      if (!isCommand(cmd, ...COMMANDS) || (isCommand(cmd, 'kill', 'ps') && background(instr))) return;
      ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'pointlessCommand', data: { command: baseName(cmd) } });
    };
    return { commands: Object.fromEntries(COMMANDS.map((name) => [name, pointless])) };
  },
});
