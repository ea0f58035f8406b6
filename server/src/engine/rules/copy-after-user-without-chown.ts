import { defineRule, type FixInput } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';
import { distroFamily, rootStage } from '../model/base-images';
import { isRootUser } from './non-root-user-fix';
import { copyOperands } from './support';

/** The USER in effect at `instr`: the last one before it in its stage or, failing that, in the stages it is built FROM. */
function userAt(instr: Instr): Instr | undefined {
  const stage = instr.stage;
  if (!stage) return undefined;
  for (let i = instr.index - 1; i >= 0; i--) if (stage.instructions[i].keyword === 'USER') return stage.instructions[i];
  for (let s: Stage | undefined = stage.parent; s; s = s.parent) {
    for (let i = s.instructions.length - 1; i >= 0; i--) if (s.instructions[i].keyword === 'USER') return s.instructions[i];
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'copy-after-user-without-chown',
    aliases: {},
    counterparts: {
      tally: ['copy-after-user-without-chown'],
      sonar: ['S6504'],
      differences: 'Reports the destination operand and follows USER into the stages a stage is built FROM; it is off by default because root-owned files are what S6504 recommends for code, so it is for images whose user must write what is copied.',
    },
    category: 'runtime',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      ownedByRoot: 'This {keyword} runs after `USER {user}` but the files it copies belong to root: `{user}` cannot change them',
      addChown: 'Add `--chown={user}` (unsafe: the user can then modify the copied files)',
    },
    docs: {
      summary: 'COPY or ADD after a non-root USER without `--chown`',
      why: 'USER does not apply to COPY and ADD: they always create files owned by root (0:0) unless `--chown` says otherwise. After `USER app` this surprises: a later `RUN npm install` or the running process fails with "permission denied" when it writes into the copied folder. Add `--chown=app` where the user must write what is copied (data, caches, generated files). Code and configuration the process only reads are better left owned by root, so that a compromised process cannot change them: this rule is off by default.',
      examples: [
        { bad: 'FROM node:22-slim\nUSER node\nWORKDIR /home/node/app\nCOPY . .\nRUN npm ci\n', good: 'FROM node:22-slim\nUSER node\nWORKDIR /home/node/app\nCOPY --chown=node . .\nRUN npm ci\n' },
      ],
      fixSafety: 'Unsafe: the copied files change owner, and the user the container runs as can then modify them.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod', 'https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const check = (instr: Instr) => {
      if (instr.flags.some((f) => f.name === 'chown') || !instr.stage) return;
      // Windows files have ACLs, not an owner --chown could set (and ContainerUser is the image's default user).
      if (distroFamily(rootStage(instr.stage).image) === 'windows') return;
      const user = userAt(instr);
      const value = user?.args[0]?.value;
      if (!value || user!.args.length !== 1 || isRootUser(value)) return;
      const ops = copyOperands(model, instr);
      if (!ops) return;
      const name = value.split(':')[0];
      const fixes: FixInput[] = value.includes('$') ? [] : [{ titleId: 'addChown', data: { user: value }, safety: 'unsafe', edits: [{ start: instr.keywordEnd, end: instr.keywordEnd, text: ` --chown=${value}` }] }];
      ctx.report({ start: ops.dest.start, end: ops.dest.end, messageId: 'ownedByRoot', data: { keyword: instr.keyword, user: name }, fixes });
    };
    return { instructions: { COPY: check, ADD: check } };
  },
});
