import { defineRule } from '../rule';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import { aptUpdate } from './apt-get-update-alone';
import { appendCommandEdit, cacheDirsAt, indexReadLater, mountsCache, removesCacheDir } from './support';

const APT = PACKAGE_MANAGERS.apt;

export default defineRule({
  meta: {
    id: 'apt-lists-not-removed',
    aliases: { hadolint: 'DL3009' },
    counterparts: {
      kics: ['Apt Get Install Lists Were Not Deleted'],
      differences: 'Exempts stages whose files never ship and RUNs that cache-mount the lists, and offers a fix that appends `rm -rf /var/lib/apt/lists/*`.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    fixable: 'safe',
    messages: {
      listsNotRemoved: 'The apt lists downloaded by `apt-get update` stay in this layer; remove /var/lib/apt/lists/* in the same RUN',
      appendRemoveLists: 'Append rm -rf /var/lib/apt/lists/*',
    },
    docs: {
      summary: 'apt package lists left in the image',
      why: '`apt-get update` downloads package indexes into /var/lib/apt/lists (tens of megabytes). Unless the same RUN deletes them, they ship in the image forever. Stages that only feed other stages are exempt: their files never ship.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n' },
        { bad: 'FROM ubuntu:24.04\nRUN apt-get update\n', good: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n', note: 'A cache mount keeps the lists out of the layer.' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.runs) {
      const stage = instr.onbuild ? null : instr.stage;
      if (stage && !stage.ships) continue;
      const cmds = instr.run!.commands;
      const update = cmds.find(aptUpdate);
      if (!update) continue;
      const lists = cacheDirsAt(ctx.model, instr, APT, true);
      // `apt-get dist-clean` (apt 2.7+, Debian trixie) removes the lists as well.
      const removes = cmds.some((c) => removesCacheDir(c, lists) || (packageCommand(c)?.manager === APT && packageCommand(c)?.subcommand === 'dist-clean'));
      if (removes) continue;
      if (mountsCache(instr, lists)) continue;
      const edit = indexReadLater(ctx.model, instr, APT) ? undefined : appendCommandEdit(ctx.model, instr, APT.cleanCommand!);
      ctx.report({
        start: update.start,
        end: update.end,
        messageId: 'listsNotRemoved',
        fixes: edit ? [{ titleId: 'appendRemoveLists', safety: 'safe', changes: [{ kind: 'appends-command', command: 'rm -rf /var/lib/apt/lists/*' }], edits: [edit] }] : [],
      });
    }
  },
});
