import { defineRule } from '../rule';
import { aptUpdate, isCommand, parseArgs, subcommand, APT_VALUE_FLAGS } from '../model/commands';
import { appendCommandEdit, cacheMountTargets } from './support';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';

const LISTS_NOT_NEEDED = ['update', 'clean', 'autoclean', 'autoremove', 'purge', 'remove', 'dist-clean'];

/** An apt command that reads the package lists (install, upgrade, apt-cache policy …). */
function readsLists(c: ShellCommand): boolean {
  if (isCommand(c, 'apt-cache')) return true;
  return isCommand(c, 'apt-get', 'apt', 'aptitude') && !LISTS_NOT_NEEDED.includes(subcommand(c, APT_VALUE_FLAGS)?.value ?? '');
}

const builtOn = (s: Stage, base: Stage) => { for (let x: Stage | undefined = s; x; x = x.parent) if (x === base) return true; return false; };

/**
 * A later RUN of this stage (or of a stage built FROM it, or a later ONBUILD trigger) that reads the lists
 * before running `apt-get update` itself: deleting them here would make its install fail.
 */
function listsReadLater(model: DockerfileModel, instr: Instr): boolean {
  const later = model.runs.filter((r) => r.start > instr.start && (instr.onbuild ? !!r.onbuild : !r.onbuild && !!r.stage && !!instr.stage && builtOn(r.stage, instr.stage)));
  return later.some((r) => {
    for (const c of r.run!.commands) {
      if (aptUpdate(c)) return false;
      if (readsLists(c)) return true;
    }
    return false;
  });
}

export default defineRule({
  meta: {
    id: 'apt-lists-not-removed',
    aliases: { hadolint: 'DL3009' },
    defaultSeverity: 'info',
    fixable: 'safe',
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
      // `apt-get dist-clean` (apt 2.7+, Debian trixie) removes the lists as well.
      const removes = cmds.some((c) => (isCommand(c, 'rm') && parseArgs(c).operands.some((w) => w.value.replace(/(?<!\/)\/+$/, '').startsWith('/var/lib/apt/lists')))
        || (isCommand(c, 'apt-get', 'apt') && subcommand(c, APT_VALUE_FLAGS)?.value === 'dist-clean'));
      if (removes) continue;
      if (cacheMountTargets(instr).some((t) => t.replace(/(?<!\/)\/+$/, '') === '/var/lib/apt' || t.startsWith('/var/lib/apt/lists'))) continue;
      const edit = listsReadLater(ctx.model, instr) ? undefined : appendCommandEdit(ctx.model, instr, 'rm -rf /var/lib/apt/lists/*');
      ctx.report({
        start: update.start,
        end: update.end,
        message: 'The apt lists downloaded by `apt-get update` stay in this layer; remove /var/lib/apt/lists/* in the same RUN',
        fixes: edit ? [{ title: 'Append rm -rf /var/lib/apt/lists/*', safety: 'safe', changes: [{ kind: 'appends-command', command: 'rm -rf /var/lib/apt/lists/*' }], edits: [edit] }] : [],
      });
    }
  },
});
