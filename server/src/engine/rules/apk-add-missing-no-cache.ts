import { defineRule } from '../rule';
import { apkAdd, parseArgs } from '../model/commands';
import { cacheMountTargets } from './support';

export default defineRule({
  meta: {
    id: 'apk-add-missing-no-cache',
    aliases: { hadolint: 'DL3019' },
    defaultSeverity: 'info',
    needs: { commands: ['apk'] },
    scope: 'stage',
    fixable: 'safe',
    docs: {
      summary: '`apk add` without `--no-cache`',
      why: 'Without `--no-cache`, apk downloads the package index into /var/cache/apk and leaves it in the layer. `--no-cache` fetches the index on the fly and keeps the image free of it, with no separate `apk update` or cleanup needed.',
      examples: [
        { bad: 'FROM alpine:3.21\nRUN apk add curl\n', good: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
        { bad: 'FROM alpine:3.21\nRUN apk update && apk add curl\n', good: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', note: 'A BuildKit cache mount keeps the cache out of the image too.' },
      ],
      references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      if (cacheMountTargets(instr).some((t) => t.replace(/(?<!\/)\/+$/, '') === '/var/cache/apk' || t.replace(/(?<!\/)\/+$/, '') === '/etc/apk/cache')) continue;
      for (const cmd of instr.run!.commands) {
        const add = apkAdd(cmd);
        if (!add || parseArgs(cmd).flags.some((f) => f.name === 'no-cache')) continue;
        ctx.report({
          start: cmd.nameWord.start,
          end: cmd.nameWord.end,
          message: '`apk add` without `--no-cache` leaves the package index in the image',
          fixes: [{ title: 'Add --no-cache', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['--no-cache'] }], edits: [{ start: add.end, end: add.end, text: ' --no-cache' }] }],
        });
      }
    }
  },
});
