import { defineRule } from '../rule';
import type { ShellCommand } from '../model/shell';
import { isCommand, parseArgs } from '../model/commands';

// sudo's options that take a value (`-u user`, `--user=user`, `-g group`, `-D dir`…).
const SUDO_VALUE_FLAGS = ['u', 'user', 'g', 'group', 'C', 'close-from', 'D', 'chdir', 'h', 'host', 'p', 'prompt', 'r', 'role', 't', 'type', 'T', 'command-timeout', 'U', 'other-user', 'R', 'chroot'];

/**
 * The RUN asks who it runs as (`id -u`, `whoami`, `$EUID`): its sudo is the branch for a non-root user, written so
 * the same script works as root and as a user (`if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi`).
 */
function checksUser(commands: ShellCommand[], texts: string[]): boolean {
  return commands.some((c) => (isCommand(c, 'id') && c.args.some((a) => /^-[a-zA-Z]*u/.test(a.value))) || isCommand(c, 'whoami'))
    || texts.some((t) => /\$\{?(EUID|UID)\b/.test(t));
}

export default defineRule({
  meta: {
    id: 'sudo-in-run',
    aliases: { hadolint: 'DL3004' },
    counterparts: {
      tally: ['hadolint/DL3004'],
      checkov: ['CKV2_DOCKER_1'],
      trivy: ['DS-0010'],
      kics: ['Run Using Sudo'],
      differences: 'Finds `sudo` as a command with a shell parser, where Checkov and Trivy match it in the RUN text.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      sudoAsUser: 'Do not use sudo -u in a RUN: switch with USER {user} for the steps that should run as {user}',
      sudo: 'Do not use sudo in a RUN: switch with USER root for the steps that need it',
    },
    docs: {
      summary: '`sudo` in a RUN',
      why: 'RUN already executes as the current USER, and root can switch with `USER root` for the steps that need it (and `USER app` for steps that should run as app, instead of `sudo -u app`). sudo adds a setuid binary and a policy file to the image, behaves unpredictably without a TTY, and is a privilege-escalation path left behind for anyone who gets a shell in the container. Not reported in a RUN that checks who it runs as (`id -u`, `whoami`, `$EUID`): there sudo is the branch for a non-root user of a script that also runs as root.',
      examples: [
        { bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n', good: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n' },
        { bad: 'FROM debian:12-slim\nRUN useradd -m app\nRUN sudo -u app git config --global init.defaultBranch main\n', good: 'FROM debian:12-slim\nRUN useradd -m app\nUSER app\nRUN git config --global init.defaultBranch main\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  create(ctx) {
    return {
      commands: {
        sudo(cmd, instr) {
          // Also called for what runs sudo (`xargs sudo …`, `env sudo …`): only sudo itself is judged.
          if (!isCommand(cmd, 'sudo')) return;
          const { commands, scripts } = instr.run!;
          if (checksUser(commands, scripts.map((s) => s.text))) return;
          const user = parseArgs(cmd, SUDO_VALUE_FLAGS).flags.find((f) => f.name === 'u' || f.name === 'user')?.value;
          if (user && !/^(root|#?0)$/.test(user)) ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'sudoAsUser', data: { user } });
          else ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'sudo' });
        },
      },
    };
  },
});
