import { defineRule, type OffsetEdit } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand, parseArgs } from '../model/commands';
import * as posix from '../model/paths';
import { copyDestination, copyOperands, instructionLinesEdit, pathWithin } from './support';

// chmod's mode operand: octal, or symbolic clauses (`+x`, `u+rwx,go-w`).
const OCTAL = /^0?[0-7]{3}$/;
const SYMBOLIC = /^[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*$/;

/**
 * The paths a COPY writes by name: each plain source's name in the destination folder, or the destination itself
 * for one source (which may be a folder: `exact` false). Globs, heredocs and URLs are left out.
 */
function copiedPaths(model: DockerfileModel, stage: Stage, copy: Instr): Array<{ path: string; exact: boolean }> {
  const ops = copyOperands(model, copy);
  const dest = copyDestination(stage, copy);
  if (!ops || dest === undefined) return [];
  const plain = ops.sources.map((s) => s.value).filter((src) => !/[*?[\]]|^<<|:\/\//.test(src) && !src.endsWith('/') && src !== '.');
  // Into a folder (`COPY run.sh /usr/local/bin/`): a file lands there under its own name (of a folder, only its
  // contents are copied). A single source copied to a name may be a file or a folder.
  if (ops.dest.value.endsWith('/') || ops.sources.length > 1) return plain.map((src) => ({ path: posix.join(dest, src.split('/').filter(Boolean).pop() ?? src), exact: true }));
  return plain.length ? [{ path: posix.normalize(dest), exact: false }] : [];
}

export default defineRule({
  meta: {
    id: 'chmod-after-copy',
    aliases: {},
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      chmodRewritesCopy: 'chmod changes files COPY added on line {lines}: they are stored again in this layer. Use COPY --chmod',
      useCopyChmod: 'Use COPY --chmod={mode} and drop this RUN (unsafe: the legacy builder rejects --chmod)',
      useCopyChmodFolder: 'Use COPY --chmod={mode} and drop this RUN (unsafe: if the source is a folder, every file in it gets the mode)',
      useCopyChmodOctal: 'Use COPY --chmod={mode} and drop this RUN (unsafe: sets the whole mode, not only `{symbolic}`)',
    },
    docs: {
      summary: '`RUN chmod` on a file an earlier COPY added',
      why: 'A RUN that changes the mode of copied files writes them again into a new layer: the image carries both copies, and the build runs a shell only for that. `COPY --chmod=755` sets the mode as the files are added, in the same layer. This is most often the `COPY entrypoint.sh` + `RUN chmod +x` pair.',
      examples: [
        { bad: 'FROM alpine:3.21\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\n', good: 'FROM alpine:3.21\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n' },
      ],
      fixSafety: 'Unsafe: `COPY --chmod` needs BuildKit (the default builder since Docker 23); the legacy builder rejects it. The fix is offered only when the RUN is this chmod alone, without flags, on the one file a COPY of a single source wrote: into a folder (`COPY run.sh /usr/local/bin/`) the file gets the same mode either way. A symbolic mode (`+x`) becomes `755` whatever the file\'s mode was, and when the COPY names its destination directly (`COPY app /app`) the source may be a folder whose files would all get the mode: the titles say so.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod'],
    },
    counterparts: {
      tally: ['prefer-copy-chmod'],
      differences: 'Also finds a chmod chained with other commands or run later in the stage (without a fix), resolves relative destinations against WORKDIR, and keeps one file inside a copied folder out, since `COPY --chmod` would give every file the mode.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      commands: {
        chmod(cmd, instr) {
          // Also called for what runs chmod (`sudo chmod …`): only chmod itself is judged.
          if (!isCommand(cmd, 'chmod')) return;
          const { stage } = instr;
          if (!stage || instr.onbuild) return;
          const { flags, operands } = parseArgs(cmd, ['reference']);
          if (operands.length < 2 || flags.some((f) => f.name === 'reference')) return;
          const mode = operands[0].value;
          if (!OCTAL.test(mode) && !SYMBOLIC.test(mode)) return;
          const recursive = flags.some((f) => f.name === 'R' || f.name === 'recursive');
          const targets = operands.slice(1).map((w) => w.value);
          if (targets.some((t) => !t.startsWith('/') || /[$*?[]/.test(t))) return;
          // What a COPY wrote by name; with -R also a folder around what it wrote. Not one file inside a copied folder:
          // `COPY --chmod` would give the mode to all of them.
          const copies = stage.instructions.filter((i) => i.keyword === 'COPY' && i.start < instr.start && !i.execForm && targets.some((t) => {
            const target = posix.normalize(t);
            if (copiedPaths(model, stage, i).some((p) => p.path === target)) return true;
            const d = copyDestination(stage, i);
            return recursive && d !== undefined && target !== '/' && pathWithin(d, target);
          }));
          if (!copies.length) return;
          // Only when every target is exactly the one file a COPY wrote does the COPY's flag replace the RUN.
          let fix: { titleId: string; safety: 'unsafe'; data: Record<string, string>; edits: OffsetEdit[] } | undefined;
          if (copies.length === 1 && targets.length === 1 && instr.run!.commands.length === 1 && !instr.flags.length && !recursive && !copies[0].flags.some((f) => f.name === 'chmod')) {
            const paths = copiedPaths(model, stage, copies[0]);
            const file = paths.length === 1 ? paths[0] : undefined;
            if (file && posix.normalize(targets[0]) === file.path) {
              const octal = OCTAL.test(mode) ? mode : /^a?\+x$/.test(mode) ? '755' : undefined;
              if (octal) {
                const titleId = !OCTAL.test(mode) ? 'useCopyChmodOctal' : file.exact ? 'useCopyChmod' : 'useCopyChmodFolder';
                fix = {
                  titleId,
                  safety: 'unsafe',
                  data: { mode: octal, symbolic: mode },
                  edits: [{ start: copies[0].keywordEnd, end: copies[0].keywordEnd, text: ` --chmod=${octal}` }, instructionLinesEdit(model, instr)],
                };
              }
            }
          }
          ctx.report({
            start: cmd.start,
            end: cmd.end,
            messageId: 'chmodRewritesCopy',
            data: { lines: copies.map((c) => c.line + 1).join(', ') },
            fixes: fix ? [fix] : [],
          });
        },
      },
    };
  },
});
