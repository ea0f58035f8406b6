import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';
import { resolvedOperand } from './support';

const VALUE_FLAGS = ['b', 'c', 'd', 'e', 'f', 'g', 'G', 'k', 'K', 'p', 'R', 'P', 's', 'u', 'Z', 'base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'root', 'prefix', 'shell', 'uid', 'selinux-user', 'btrfs-subvolume-home'];

export default defineRule({
  meta: {
    id: 'useradd-high-uid-without-l',
    aliases: { hadolint: 'DL3046' },
    counterparts: {
      tally: ['hadolint/DL3046'],
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      highUidWithoutL: '`useradd` with UID {uid} and without `-l` creates huge lastlog/faillog files',
      addNoLogInit: 'Add -l (--no-log-init)',
    },
    docs: {
      summary: '`useradd` with a high UID and without `-l`',
      why: 'useradd records every user in /var/log/lastlog and /var/log/faillog, sparse files indexed by UID. A UID such as 100000 makes them huge when copied into a layer (gigabytes for very high UIDs), which can exhaust the disk during the build. `-l` (`--no-log-init`) skips these entries.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN useradd -u 123456 app\n', good: 'FROM debian:12-slim\nRUN useradd -l -u 123456 app\n' },
      ],
      references: ['https://github.com/moby/moby/issues/5419', 'https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  create(ctx) {
    return {
      commands: {
        useradd(cmd, instr) {
          // Also called for what runs useradd (`sudo useradd …`, `xargs useradd …`): only useradd itself is judged.
          if (!isCommand(cmd, 'useradd')) return;
          const { flags } = parseArgs(cmd, VALUE_FLAGS);
          if (flags.some((f) => f.name === 'l' || f.name === 'no-log-init')) return;
          const uid = flags.find((f) => f.name === 'u' || f.name === 'uid');
          if (!uid?.value) return;
          let value = uid.value;
          if (/[$`]/.test(value)) {
            const resolved = resolvedOperand(ctx.model, instr, { ...uid.word, raw: value, value });
            if (!resolved || resolved.length !== 1) return;
            value = resolved[0];
          }
          if (!/^\d{6,}$/.test(value)) return;
          ctx.report({
            start: cmd.nameWord.start,
            end: cmd.nameWord.end,
            messageId: 'highUidWithoutL',
            data: { uid: value },
            fixes: [{ titleId: 'addNoLogInit', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['-l'] }], edits: [{ start: cmd.nameWord.end, end: cmd.nameWord.end, text: ' -l' }] }],
          });
        },
      },
    };
  },
});
