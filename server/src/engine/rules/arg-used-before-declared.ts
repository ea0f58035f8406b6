import { defineRule } from '../rule';
import { argDefinitions, type Instr } from '../model/dockerfile';
import { findVariables } from '../model/variables';
import { stageStartEnv } from '../model/base-images';
import { instructionLinesEdit } from './support';

/** `text` with single-quoted parts blanked (same length): the shell does not expand `$X` inside them. */
function withoutSingleQuoted(text: string): string {
  if (!text.includes("'")) return text;
  let out = '';
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) { out += text.slice(i, i + 2); i++; continue; }
    if (c === '"') inDouble = !inDouble;
    if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close + 1;
      out += ' '.repeat(end - i);
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** The script gives `name` a value itself: an assignment, a `for` loop, `read`, `export`/`local`/`declare`. */
function assignedIn(script: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s;&|(])${n}=|\\bfor\\s+${n}\\b|\\bread\\b[^;&|\\n]*\\b${n}\\b|\\b(export|local|declare|typeset|readonly)\\s+(-\\w+\\s+)*${n}\\b`).test(script);
}

export default defineRule({
  meta: {
    id: 'arg-used-before-declared',
    aliases: {},
    category: 'correctness',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      usedBeforeArg: '${name} is used before `ARG {name}` on line {line} declares it: in this RUN the build argument is not set',
      moveArg: 'Move `ARG {name}` up before its first use (unsafe: later layers rebuild when it changes)',
    },
    docs: {
      summary: 'A RUN uses `$NAME` before the stage declares `ARG NAME`',
      why: 'An ARG is in effect only from the line that declares it to the end of the stage. A RUN above the declaration runs without it: `$VERSION` expands to an empty string (or to the base image\'s ENV of that name), and `--build-arg VERSION=…` changes nothing there. The build goes on with the wrong value and no error. Declare the ARG before its first use.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/app-$APP_VERSION.tgz"\nARG APP_VERSION=1.4.2\n', good: 'FROM debian:12-slim\nARG APP_VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/app-$APP_VERSION.tgz"\n' },
      ],
      fixSafety: 'Unsafe: the RUNs between the new place and the old one now see the argument, and their layers are rebuilt whenever its value changes. Offered when the ARG declares only this name on one line.',
      references: ['https://docs.docker.com/reference/dockerfile/#scope'],
    },
    counterparts: {
      differences: 'Reads RUN scripts, which BuildKit\'s UndefinedVar leaves to the shell, and reports a use only when the stage declares the ARG later and the script does not set the variable itself.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        RUN(instr: Instr) {
          const stage = instr.stage;
          if (!stage || !instr.run) return;
          const later = new Map<string, Instr>();
          for (const i of stage.instructions.slice(instr.index + 1)) {
            if (i.keyword === 'ARG') for (const d of argDefinitions(i)) if (!later.has(d.name)) later.set(d.name, i);
          }
          if (!later.size) return;
          // A name the base image sets with ENV has that value here: using it before overriding it may be deliberate.
          const seen = new Set<string>(stageStartEnv(stage) ?? ['PATH', 'HOME']);
          for (const script of instr.run.scripts) {
            const text = withoutSingleQuoted(script.text);
            for (const ref of findVariables(text)) {
              const arg = later.get(ref.name);
              if (!arg || seen.has(ref.name) || ref.modifier) continue;
              // Defined at this point (an earlier ARG or ENV, here or in a parent stage), or by the script itself.
              if (model.lookupVariable(ref.name, instr) || assignedIn(text, ref.name)) continue;
              seen.add(ref.name);
              const oneName = arg.props.length === 1 && arg.line === arg.endLine && !model.commentsBetween(arg.start, arg.end).length;
              const argText = model.text.slice(arg.start, arg.end).trim();
              const at = model.lines.lineStart(instr.line);
              ctx.report({
                start: script.base + ref.start,
                end: script.base + ref.end,
                messageId: 'usedBeforeArg',
                data: { name: ref.name, line: arg.line + 1 },
                fixes: oneName ? [{ titleId: 'moveArg', data: { name: ref.name }, safety: 'unsafe', edits: [{ start: at, end: at, text: `${argText}${model.lines.eol}` }, instructionLinesEdit(model, arg)] }] : [],
              });
            }
          }
        },
      },
    };
  },
});
