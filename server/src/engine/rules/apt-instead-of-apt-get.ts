import { defineRule, type FixInput } from '../rule';
import { packageCommand } from '../model/package-managers';

// Subcommands that behave the same under apt-get; `apt upgrade` also installs new dependencies, apt-get's does not.
const SAME = ['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source', 'download', 'changelog', 'satisfy', 'dist-upgrade', 'full-upgrade', 'upgrade'];

export default defineRule({
  meta: {
    id: 'apt-instead-of-apt-get',
    aliases: { hadolint: 'DL3027' },
    counterparts: {
      tally: ['hadolint/DL3027'],
      checkov: ['CKV_DOCKER_9'],
      kics: ['Run Using apt'],
      differences: 'Finds `apt` as a command with a shell parser rather than a word in the RUN text, and offers a fix that writes `apt-get`.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'both',
    messages: {
      aptInScript: 'Use `apt-get` in scripts; `apt` has no stable command-line interface',
      useAptGet: 'Use apt-get',
    },
    docs: {
      summary: '`apt` in a script instead of `apt-get`',
      why: '`apt` is the interactive front end: its output and behaviour may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` is the stable interface for scripts and builds.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt update\n', good: 'FROM debian:12-slim\nRUN apt-get update\n' },
      ],
      fixSafety: '`apt install/update/remove/purge/clean/autoremove` become the same `apt-get` command (safe). `apt upgrade` becomes `apt-get upgrade`, which does not install new dependencies, and `apt full-upgrade` becomes `apt-get dist-upgrade`; those fixes are unsafe. `apt list`, `search` and `show` have no apt-get equivalent and get no fix.',
      references: ['https://manpages.debian.org/apt'],
    },
  },
  create(ctx) {
    return {
      commands: {
        apt(cmd) {
          const pc = packageCommand(cmd);
          if (!pc || pc.tool !== 'apt') return;
          const sub = pc.sub[0];
          const fixes: FixInput[] = [];
          const name = pc.nameWord;
          // Only a bare `apt` name is rewritten (`/usr/bin/apt` keeps its directory).
          const newName = name.raw === 'apt' ? 'apt-get' : name.raw.endsWith('/apt') && !name.quoted ? `${name.raw}-get` : undefined;
          if (sub && SAME.includes(sub.value) && newName) {
            const unsafe = ['upgrade', 'full-upgrade'].includes(sub.value);
            const edits = [{ start: name.start, end: name.end, text: newName }];
            if (sub.value === 'full-upgrade') edits.push({ start: sub.start, end: sub.end, text: 'dist-upgrade' });
            fixes.push({ titleId: 'useAptGet', safety: unsafe ? 'unsafe' : 'safe', changes: [{ kind: 'renames-command', from: 'apt', to: 'apt-get' }], edits });
          }
          ctx.report({ start: name.start, end: name.end, messageId: 'aptInScript', fixes });
        },
      },
    };
  },
});
