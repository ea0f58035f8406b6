import { defineRule, type OffsetEdit } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { PACKAGE_MANAGERS, type PackageCommand } from '../model/package-managers';
import { cacheCleanedAfter, cacheDirsAt, indexReadLater, mountsCache, packageCommands, runShips } from './support';

const APK = PACKAGE_MANAGERS.apk;

const noCache = (pc: PackageCommand) => pc.flags.some((f) => APK.noCache!.flags.includes(f.name));
// `--no-network` downloads nothing: it installs from what is already on disk.
const offline = (pc: PackageCommand) => pc.flags.some((f) => APK.offlineFlags!.includes(f.name));

// What may stand before a command that is deleted with the separator after it: the start of the script, `&&`, `;`
// or a line break (a heredoc script). Then the text after the separator is exactly the next command.
const SEPARATOR_AFTER = /^(?:[ \t]|\\\r?\n)*(?:&&|;|\r?\n)(?:[ \t]|\\\r?\n|\r?\n)*/;

/** The edit that deletes `cmd` and the separator after it, when the rest of the script stays the same shell. */
function deleteCommand(model: DockerfileModel, instr: Instr, cmd: ShellCommand, next: ShellCommand | undefined): OffsetEdit | undefined {
  const script = instr.run!.scripts.find((s) => s.base <= cmd.start && cmd.end <= s.base + s.text.length);
  if (!script || script.hasErrors || cmd.nested || cmd.pipeline !== undefined || !next || next.nested) return undefined;
  const before = model.text.slice(script.base, cmd.start).replace(/(?:[ \t]|\\\r?\n)*$/, '');
  if (!(before === '' || before.endsWith('&&') || before.endsWith(';') || before.endsWith('\n'))) return undefined;
  const sep = SEPARATOR_AFTER.exec(model.text.slice(cmd.end, next.start));
  if (!sep || cmd.end + sep[0].length !== next.start) return undefined;
  return { start: cmd.start, end: next.start, text: '' };
}

/**
 * The fix: `--no-cache` on every `apk add` of the RUN that lacks it, and the `apk update` before them deleted (with
 * `--no-cache` it only leaves the index behind). Undefined when an `apk update` cannot be deleted cleanly or
 * another apk command after it (`apk upgrade`, `apk search`, or one in a later RUN) reads the index it downloads.
 */
function noCacheEdits(model: DockerfileModel, instr: Instr, target: PackageCommand): OffsetEdit[] | undefined {
  const cmds = instr.run!.commands;
  const apk = packageCommands(instr).filter((pc) => pc.manager === APK);
  const edits: OffsetEdit[] = [];
  const firstUpdate = apk.find((pc) => pc.action === 'update' && cmds.indexOf(pc.cmd) < cmds.indexOf(target.cmd));
  if (!firstUpdate) return [{ start: target.sub[0].end, end: target.sub[0].end, text: ' --no-cache' }];
  // A later RUN that installs from the index this one downloads would fail without it.
  if (indexReadLater(model, instr, APK)) return undefined;
  for (const pc of apk) {
    if (cmds.indexOf(pc.cmd) < cmds.indexOf(firstUpdate.cmd)) continue;
    if (pc.action === 'update') {
      if (pc.nameWord !== pc.cmd.nameWord) return undefined; // run by xargs or sudo
      const edit = deleteCommand(model, instr, pc.cmd, cmds[cmds.indexOf(pc.cmd) + 1]);
      if (!edit) return undefined;
      edits.push(edit);
    } else if (pc.action === 'install') {
      if (!noCache(pc) && !offline(pc)) edits.push({ start: pc.sub[0].end, end: pc.sub[0].end, text: ' --no-cache' });
    } else if (pc.action !== 'remove' && !noCache(pc)) return undefined;
  }
  return edits.sort((a, b) => a.start - b.start);
}


export default defineRule({
  meta: {
    id: 'apk-add-missing-no-cache',
    aliases: { hadolint: 'DL3019' },
    counterparts: {
      trivy: ['DS-0025'],
      kics: ['Apk Add Using Local Cache Path'],
      differences: 'Skips builder stages and RUNs that delete or cache-mount /var/cache/apk, and offers a fix that adds `--no-cache`.',
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      missingNoCache: '`apk add` without `--no-cache` leaves the package index in the image',
      addNoCache: 'Add --no-cache',
      addNoCacheRemoveUpdate: 'Add --no-cache and remove apk update',
    },
    docs: {
      summary: '`apk add` without `--no-cache`',
      why: 'Without `--no-cache`, apk downloads the package index into /var/cache/apk and leaves it in the layer. `--no-cache` fetches the index on the fly and keeps the image free of it, with no separate `apk update` or cleanup needed. `apk add --no-network` downloads nothing, and a RUN that deletes /var/cache/apk (or mounts a cache there) keeps the index out too. Builder stages are not reported: what they leave behind never ships.',
      fixSafety: 'Safe: `--no-cache` fetches the same index the cache would hold. An `apk update` earlier in the RUN is removed with it (it would leave the index behind); when it cannot be removed cleanly, or another apk command such as `apk upgrade` (in this RUN or a later one) reads the index it downloads, no fix is offered.',
      examples: [
        { bad: 'FROM alpine:3.21\nRUN apk add curl\n', good: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
        { bad: 'FROM alpine:3.21\nRUN apk update && apk add curl\n', good: 'FROM alpine:3.21\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', note: 'A BuildKit cache mount keeps the cache out of the image too.' },
      ],
      references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache'],
    },
  },
  create(ctx) {
    return {
      runs: {
        apk(instr) {
          // The index left in a builder stage never ships.
          if (!runShips(instr)) return;
          const dirs = cacheDirsAt(ctx.model, instr, APK);
          if (mountsCache(instr, dirs)) return;
          for (const pc of packageCommands(instr)) {
            if (pc.manager !== APK || pc.action !== 'install' || noCache(pc) || offline(pc) || cacheCleanedAfter(instr, pc, dirs)) continue;
            const edits = noCacheEdits(ctx.model, instr, pc);
            ctx.report({
              start: pc.nameWord.start,
              end: pc.nameWord.end,
              messageId: 'missingNoCache',
              fixes: edits ? [{
                titleId: edits.some((e) => e.text === '') ? 'addNoCacheRemoveUpdate' : 'addNoCache',
                safety: 'safe',
                changes: [
                  { kind: 'adds-arguments', command: pc.cmd.name, args: ['--no-cache'] },
                  ...packageCommands(instr).filter((u) => u.manager === APK && u.action === 'update').map((u) => ({ kind: 'removes-command' as const, command: ctx.model.text.slice(u.cmd.start, u.cmd.end) })),
                ],
                edits,
              }] : [],
            });
          }
        },
      },
    };
  },
});
