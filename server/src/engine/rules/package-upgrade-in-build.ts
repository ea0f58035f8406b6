import { defineRule } from '../rule';
import type { ShellCommand } from '../model/shell';
import { packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';

const MANAGERS = Object.values(PACKAGE_MANAGERS).filter((m) => m.upgradesAll?.length);

export default defineRule({
  meta: {
    id: 'package-upgrade-in-build',
    aliases: {},
    counterparts: {
      trivy: ['DS-0024'],
      kics: ['Run Using Upgrade Commands', 'Run Using dnf Update', 'Use of Apk Upgrade', 'Yum Update Enabled'],
      differences: 'Reads each package manager\'s own subcommands and options (so `apt-get -y upgrade`, `dnf -q up` and `xargs`/`sudo` forms are found), leaves upgrades of named packages alone, and is off by default: upgrading to get security fixes is a defensible choice.',
    },
    category: 'reproducibility',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      upgradesAll: '`{command}` moves every installed package to what the repositories offer on the day of the build: two builds of this file can differ',
    },
    docs: {
      summary: 'Upgrade of every installed package in a build',
      why: '`apt-get upgrade`, `apk upgrade`, `yum update` or `dnf upgrade` with no package names upgrades whatever the base image holds to the versions the repositories serve that day. The same Dockerfile then builds different images from one day to the next, and an upgrade can change behaviour without any change in the file. Base images are rebuilt often with their security fixes: prefer a newer (or digest-pinned) base image, and upgrade only the packages you need by name. Some teams upgrade on purpose to pick up fixes between base image releases, which is why this rule is off by default.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl && rm -rf /var/lib/apt/lists/*\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://docs.docker.com/build/building/best-practices/#rebuild-your-images-often'],
    },
  },
  create(ctx) {
    const upgrade = (cmd: ShellCommand): void => {
      const pc = packageCommand(cmd);
      if (!pc?.sub.length || !pc.action || !pc.manager.upgradesAll?.includes(pc.subcommand) || pc.operands.length) return;
      ctx.report({ start: pc.sub[0].start, end: pc.sub[pc.sub.length - 1].end, messageId: 'upgradesAll', data: { command: `${pc.tool} ${pc.subcommand}` } });
    };
    return { commands: Object.fromEntries(MANAGERS.flatMap((m) => m.commands.map((name) => [name, upgrade]))) };
  },
});
