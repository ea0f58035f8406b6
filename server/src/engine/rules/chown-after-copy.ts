import { defineRule, type OffsetEdit } from '../rule';
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';
import { isCommand, parseArgs } from '../model/commands';
import { copyDestination as destination, instructionLinesEdit, pathWithin as within } from './support';

function fixFor(model: DockerfileModel, stage: Stage, run: Instr, copies: Instr[], owner: string, targets: string[]): OffsetEdit[] | undefined {
  // Only when the RUN does nothing but this chown, with no flags of its own (a --mount or --network the fix
  // would drop with it), and no COPY already sets an owner.
  if (run.run!.commands.length !== 1 || run.flags.length || copies.some((c) => c.flags.some((f) => f.name === 'chown'))) return undefined;
  // Dropping the RUN drops every target: each must be (inside) what a COPY adds, or its other files keep their owner.
  if (!targets.every((t) => t.startsWith('/') && !t.includes('$') && copies.some((c) => { const d = destination(stage, c); return d !== undefined && within(t, d); }))) return undefined;
  const edits: OffsetEdit[] = copies.map((c) => ({ start: c.keywordEnd, end: c.keywordEnd, text: ` --chown=${owner}` }));
  edits.push(instructionLinesEdit(model, run));
  return edits;
}

export default defineRule({
  meta: {
    id: 'chown-after-copy',
    aliases: {},
    category: 'size',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      chownRewritesCopy: 'chown -R rewrites files COPY added on line {lines}: they are stored twice. Use COPY --chown={owner}',
      useCopyChown: 'Use COPY --chown={owner} and drop this RUN (unsafe)',
    },
    docs: {
      summary: '`RUN chown -R` on files an earlier COPY added',
      why: 'Changing ownership in a later RUN writes a full second copy of every file into a new layer: the image carries the files twice. `COPY --chown=user:group` sets the owner as the files are added, in the same layer.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app\nUSER node\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\n' },
      ],
      fixSafety: 'Unsafe: `COPY --chown` changes the owner of the copied files only. A chown -R also covered files that earlier RUNs created under the same path, and the folder itself when it already existed. The fix is offered only when the RUN is this chown alone, with no flags (a `--mount` would go with it), and every folder it names is one a COPY writes (or inside one): `chown -R app /data /other` after `COPY . /data` keeps its RUN.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      commands: {
        chown(cmd, instr) {
          // Also called for what runs chown (`sudo chown …`, `xargs chown …`): only chown itself is judged.
          if (!isCommand(cmd, 'chown')) return;
          // The RUNs of a stage only: not those before the first FROM, nor ONBUILD ones.
          const { stage } = instr;
          if (!stage || instr.onbuild) return;
          const { flags, operands } = parseArgs(cmd);
          if (!flags.some((f) => f.name === 'R' || f.name === 'recursive') || operands.length < 2) return;
          const owner = operands[0].value;
          if (owner.includes('$')) return;
          const paths = operands.slice(1).map((w) => w.value).filter((p) => p.startsWith('/'));
          const copies = stage.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.start < instr.start && !i.execForm
            && paths.some((p) => { const d = destination(stage, i); return d !== undefined && within(d, p); }));
          if (!copies.length) return;
          const edits = fixFor(model, stage, instr, copies, owner, operands.slice(1).map((w) => w.value));
          ctx.report({
            start: cmd.start,
            end: cmd.end,
            messageId: 'chownRewritesCopy',
            data: { lines: copies.map((c) => c.line + 1).join(', '), owner },
            fixes: edits ? [{ titleId: 'useCopyChown', data: { owner }, safety: 'unsafe', edits }] : [],
          });
        },
      },
    };
  },
});
