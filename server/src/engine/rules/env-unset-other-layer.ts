import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { parseArgs } from '../model/commands';
import { stageStartEnv } from '../model/base-images';
import { commandsAfter } from './support';

export default defineRule({
  meta: {
    id: 'env-unset-other-layer',
    aliases: {},
    counterparts: {
      sonar: ['S6581'],
      differences: 'Reports an `unset` only when nothing runs after it in its RUN (an `unset http_proxy && make` that clears a variable for the next command is deliberate), and names the ENV line, or the base image, the variable comes from.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unsetEnv: '`unset {name}` lasts only until this RUN ends: the ENV on line {line} keeps {name} set in the image. Write `ENV {name}=` or drop that ENV',
      unsetImageEnv: '`unset {name}` lasts only until this RUN ends: {image} sets {name} with ENV, and it stays set in the image. Write `ENV {name}=` to clear it',
    },
    docs: {
      summary: '`RUN unset` of a variable an ENV set',
      why: 'Each RUN runs in a new shell that starts from the image\'s environment. `RUN unset TOKEN` clears the variable only inside that shell: the next RUN, and the container, still see the value the ENV set, and `docker inspect` shows it. To clear it for later instructions use `ENV TOKEN=`; to keep a secret out of the image, never put it in ENV at all (use a build secret). An `unset` followed by other commands in the same RUN is left alone: it clears the variable for them.',
      examples: [
        { bad: 'FROM python:3.13-slim\nENV PYTHONDEVMODE=1\nRUN python -m compileall /usr/local/lib\nRUN unset PYTHONDEVMODE\n', good: 'FROM python:3.13-slim\nENV PYTHONDEVMODE=1\nRUN python -m compileall /usr/local/lib\nENV PYTHONDEVMODE=\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#env', 'https://docs.docker.com/build/building/secrets/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      commands: {
        unset(cmd: ShellCommand, instr: Instr) {
          const stage = instr.stage;
          if (!stage || instr.onbuild) return;
          const { flags, operands } = parseArgs(cmd);
          // `unset -f` removes shell functions.
          if (flags.some((f) => f.name === 'f')) return;
          // Something runs after it in this RUN: it clears the variable for that.
          if (commandsAfter(instr, cmd).length) return;
          for (const w of operands) {
            if (w.value !== w.raw.replace(/^(["'])(.*)\1$/, '$2') || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value)) continue;
            const name = w.value;
            const def = model.lookupVariable(name, instr);
            if (def?.kind === 'ENV') {
              if (def.value === '') continue;
              ctx.report({ start: w.start, end: w.end, messageId: 'unsetEnv', data: { name, line: def.instr.line + 1 } });
            } else if (!def && stageStartEnv(stage)?.has(name) && name !== 'PATH') {
              let root = stage;
              while (root.parent) root = root.parent;
              ctx.report({ start: w.start, end: w.end, messageId: 'unsetImageEnv', data: { name, image: root.image.raw } });
            }
          }
        },
      },
    };
  },
});
