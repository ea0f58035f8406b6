import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, isCommand } from '../model/commands';
import { installedPackages } from './support';

/** The group a RUN belongs to: its stage, or the ONBUILD triggers of its stage (they run together in another build). */
function groupOf(instr: Instr): string {
  return instr.onbuild ? `onbuild:${instr.onbuild.stage?.index}` : `stage:${instr.stage?.index}`;
}

export default defineRule({
  meta: {
    id: 'wget-and-curl',
    aliases: { hadolint: 'DL4001' },
    counterparts: {
      tally: ['hadolint/DL4001'],
      trivy: ['DS-0014'],
      kics: ["Run Using 'wget' and 'curl'"],
      differences: 'Judges each stage on its own and skips base images that already ship both tools.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      bothTools: 'This stage already downloads with `{first}`; use one tool instead of both `{first}` and `{second}`',
    },
    docs: {
      summary: 'Both `wget` and `curl` in one stage',
      why: 'Both tools download files. Installing and using both adds a package (and its libraries) that the image does not need. Pick one per stage: `curl -fsSL` or `wget -q -O-` cover the same needs. When the base image already ships both (and the Dockerfile installs neither), using both costs nothing and is not reported.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl wget && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN wget https://example.com/b.tar.gz\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n' },
      ],
      references: ['https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages'],
    },
  },
  create(ctx) {
    // Only a group with a wget can use both tools. Its curls may be in RUNs without one, and which tool comes
    // first decides what is reported: the groups are made after the walk, from every RUN.
    const withWget = new Set<string>();
    return {
      commands: {
        wget(cmd, instr) {
          // Also called for what runs wget (`sudo wget …`, `xargs wget …`): only wget itself counts.
          if (isCommand(cmd, 'wget')) withWget.add(groupOf(instr));
        },
      },
      done() {
        const groups = new Map<string, Array<{ instr: Instr; cmd: ShellCommand }>>();
        for (const instr of ctx.model.runs) {
          const key = groupOf(instr);
          if (!withWget.has(key)) continue;
          for (const cmd of instr.run!.commands) {
            if (!isCommand(cmd, 'wget', 'curl')) continue;
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key)!.push({ instr, cmd });
          }
        }
        for (const uses of groups.values()) {
          const first = baseName(uses[0].cmd);
          const other = uses.filter((u) => baseName(u.cmd) !== first);
          if (!other.length) continue;
          // Both from the base image: nothing was added for the second tool.
          const installed = installedPackages(ctx.model, uses[uses.length - 1].instr);
          if (!installed.has('wget') && !installed.has('curl')) continue;
          const second = baseName(other[0].cmd);
          for (const u of other) {
            ctx.report({ start: u.cmd.nameWord.start, end: u.cmd.nameWord.end, messageId: 'bothTools', data: { first, second } });
          }
        }
      },
    };
  },
});
