import { defineRule } from '../rule';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';

export default defineRule({
  meta: {
    id: 'zypper-dist-upgrade',
    aliases: { hadolint: 'DL3035' },
    counterparts: {
      kics: ['Run Using Zypper Update'],
      differences: 'Reports only `dist-upgrade`, where KICS also reports `zypper update`.',
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      distUpgrade: '`zypper dist-upgrade` makes the image depend on the day it was built; use a newer base image instead',
    },
    docs: {
      summary: '`zypper dist-upgrade` in a build',
      why: '`zypper dist-upgrade` (`dup`) moves every package to whatever the repositories offer today, possibly to a new distribution release. The image then depends on the day it was built. Use a newer base image tag to get a newer distribution, and install the packages you need with pinned versions.',
      examples: [
        { bad: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n' },
      ],
      references: ['https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  create(ctx) {
    return {
      commands: {
        zypper(cmd) {
          const pc = packageCommand(cmd);
          if (pc?.manager !== PACKAGE_MANAGERS.zypper || !['dist-upgrade', 'dup'].includes(pc.subcommand)) return;
          ctx.report({ start: pc.sub[0].start, end: pc.sub[0].end, messageId: 'distUpgrade' });
        },
      },
    };
  },
});
