import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, commandRunBy, subcommand } from '../model/commands';
import { rootStage, systemRelease, type SystemRelease } from '../model/base-images';

// apt-key is gone from apt 2.9 on: Debian 13 (trixie), Ubuntu 25.04. apt warns that it is deprecated from apt 2.1
// on (Debian 11, Ubuntu 21.04); before that it is the documented way and nothing is reported.
const REMOVED: Record<SystemRelease['distro'], number> = { debian: 13, ubuntu: 25.04 };
const DEPRECATED: Record<SystemRelease['distro'], number> = { debian: 11, ubuntu: 21.04 };
// Its options that take a value (`apt-key --keyring /etc/apt/trusted.gpg.d/x.gpg add -`).
const VALUE_FLAGS = ['keyring'];

export default defineRule({
  meta: {
    id: 'apt-key-deprecated',
    aliases: {},
    counterparts: {
      differences: 'No other linter reports apt-key; Dockwise reads the base image\'s release and says when the RUN cannot work at all (Debian 13, Ubuntu 25.04 and later), and stays quiet on releases older than the deprecation.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      aptKeyRemoved: '`apt-key` does not exist on {release} (apt 2.9 removed it): this RUN fails. Store the key in /etc/apt/keyrings and name it with `signed-by`',
      aptKeyDeprecated: '`apt-key {subcommand}` is deprecated and gone from Debian 13 and Ubuntu 25.04 on: store the key in /etc/apt/keyrings and name it with `signed-by`',
    },
    docs: {
      summary: '`apt-key add` or `apt-key adv`, removed from apt 2.9',
      why: '`apt-key` adds a key to one keyring that every repository trusts, so a key for one vendor\'s repository can sign packages that replace Debian\'s own. apt deprecated it in 2.1 (Debian 11, Ubuntu 21.04: "apt-key is deprecated") and removed it in 2.9: on Debian 13 (trixie) and Ubuntu 25.04 and later the command does not exist and the RUN fails. Download the key into `/etc/apt/keyrings/` (dearmored with `gpg --dearmor` when it is ASCII-armored) and name it in the source: `deb [signed-by=/etc/apt/keyrings/vendor.gpg] https://… stable main`. Not reported on base images known to be older than the deprecation.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/debian/key.asc | apt-key add - \\\n && echo "deb https://example.com/debian bookworm main" > /etc/apt/sources.list.d/example.list\n',
          good: 'FROM debian:12-slim\nRUN install -m 0755 -d /etc/apt/keyrings \\\n && curl -fsSL https://example.com/debian/key.asc -o /etc/apt/keyrings/example.asc \\\n && echo "deb [signed-by=/etc/apt/keyrings/example.asc] https://example.com/debian bookworm main" > /etc/apt/sources.list.d/example.list\n',
        },
      ],
      references: ['https://manpages.debian.org/bookworm/apt/apt-key.8.en.html', 'https://wiki.debian.org/DebianRepository/UseThirdParty', 'https://docs.docker.com/engine/install/debian/'],
    },
  },
  create(ctx) {
    const judge = (outer: ShellCommand, instr: Instr) => {
      const cmd = commandRunBy(outer);
      if (baseName(cmd) !== 'apt-key') return;
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || !['add', 'adv'].includes(sub.value)) return;
      const stage = instr.onbuild ? null : instr.stage;
      const release = stage ? systemRelease(stage) : undefined;
      if (release && release.version < DEPRECATED[release.distro]) return;
      const at = { start: cmd.nameWord.start, end: sub.end };
      if (release && release.version >= REMOVED[release.distro]) {
        ctx.report({ ...at, messageId: 'aptKeyRemoved', data: { release: rootStage(stage!).image.resolved } });
      } else ctx.report({ ...at, messageId: 'aptKeyDeprecated', data: { subcommand: sub.value } });
    };
    return { commands: { 'apt-key': judge } };
  },
});

