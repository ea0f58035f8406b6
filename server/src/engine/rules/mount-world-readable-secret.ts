import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { clearOthers, othersBits } from '../model/permissions';
import { mountOptions } from './support';

export default defineRule({
  meta: {
    id: 'mount-world-readable-secret',
    aliases: {},
    counterparts: { sonar: ['S6469'], differences: 'Underlines the `mode=` option of the mount, judges only the read bit of "others", and offers the same mode without it.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      othersRead: 'The {type} mount is readable by every user in this step (`mode={mode}`); give it to the user that needs it with `uid=`',
      useMode: 'Use mode={mode} (unsafe: a step that reads it as another user fails)',
    },
    docs: {
      summary: 'A secret or SSH mount every user can read (`mode=0644`)',
      why: 'A secret or SSH agent mount is only there for one RUN, and by default only its owner (root, or `uid=`) can read it (mode 0400 for secrets, 0600 for the SSH socket). A mode that lets "others" read it hands the credential to every process of the step, whatever user it runs as: package scripts that drop privileges, tools run as nobody. Set `uid=` (and `gid=`) to the user that needs it and keep the mode closed.',
      examples: [
        { bad: 'FROM node:22-slim\nUSER node\nRUN --mount=type=secret,id=npmrc,target=/home/node/.npmrc,mode=0444 npm ci\n', good: 'FROM node:22-slim\nUSER node\nRUN --mount=type=secret,id=npmrc,target=/home/node/.npmrc,uid=1000 npm ci\n' },
      ],
      fixSafety: 'A step that reads the secret as a user other than its owner (the mount\'s `uid=`, root by default) and outside its group can no longer read it.',
      references: ['https://docs.docker.com/reference/dockerfile/#run---mounttypesecret', 'https://docs.docker.com/reference/dockerfile/#run---mounttypessh'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const run = (instr: Instr): void => {
      for (const flag of instr.flags) {
        const options = mountOptions(flag);
        const type = options.find((o) => o.key === 'type')?.value.toLowerCase();
        if (type !== 'secret' && type !== 'ssh') continue;
        const mode = options.find((o) => o.key === 'mode');
        const bits = mode ? othersBits(mode.value) : undefined;
        if (!mode || bits === undefined || (bits & 4) === 0) continue;
        const fixed = clearOthers(mode.value, 7);
        // Only a value the text holds as it is (not inside quotes that shift it) is replaced.
        const exact = model.text.slice(mode.valueStart, mode.end) === mode.value;
        ctx.report({
          start: mode.start,
          end: mode.end,
          messageId: 'othersRead',
          data: { type, mode: mode.value },
          fixes: exact ? [{ titleId: 'useMode', data: { mode: fixed }, safety: 'unsafe', edits: [{ start: mode.valueStart, end: mode.end, text: fixed }] }] : [],
        });
      }
    };
    return { instructions: { RUN: run }, triggers: { RUN: run } };
  },
});
