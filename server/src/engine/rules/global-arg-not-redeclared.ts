import { defineRule } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { findVariables, withoutSingleQuoted } from '../model/variables';
import { stageStartEnv } from '../model/base-images';
import { afterLine } from './support';

/** The RUN's text the shell expands: its body, without the bodies of heredocs whose delimiter is quoted (`<<'EOF'`). */
function expandedText(model: DockerfileModel, instr: Instr): { text: string; base: number } {
  const base = instr.run!.bodyStart;
  let text = model.text.slice(base, instr.end);
  for (const h of instr.heredocs) {
    const marker = model.lines.lineText(h.markerLine);
    const quoted = new RegExp(`<<-?[ \\t]*(['"]${escapeRegExp(h.name)}['"]|\\\\${escapeRegExp(h.name)})`).test(marker);
    if (!quoted || h.contentEnd <= h.contentStart) continue;
    const from = h.contentStart - base;
    const to = h.contentEnd - base;
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return { text, base };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The script gives `name` a value itself: `NAME=…`, `export NAME`, `for NAME in`, `read … NAME`, `local`/`declare`. */
function assignedInScript(text: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`(^|[^A-Za-z0-9_$\\{])${n}=|\\b(export|local|declare|typeset|readonly)\\b[^;&|\\n]*\\b${n}\\b|\\bfor\\s+${n}\\b|\\bread\\b[^;&|\\n]*\\b${n}\\b|\\bgetopts\\b[^;&|\\n]*\\b${n}\\b`).test(text);
}

export default defineRule({
  meta: {
    id: 'global-arg-not-redeclared',
    aliases: {},
    counterparts: {
      sonar: ['S6579'],
      differences: 'Covers RUN (BuildKit\'s UndefinedVar and undefined-var cover the other instructions), skips variables the script sets itself, the base image\'s own ENV of the same name and `${NAME:-default}`, and inserts the `ARG NAME` line as a fix.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      notRedeclared: '`{name}` is a global ARG, which this stage never declares again: in RUN it expands to an empty string. Add `ARG {name}` after FROM',
      declareArg: 'Declare ARG {name} in this stage (unsafe: the RUN then sees its value)',
    },
    docs: {
      summary: 'Global ARG used in RUN without `ARG NAME` in the stage',
      why: 'An ARG declared before the first FROM is visible only to the FROM lines. A stage that wants its value must declare it again with `ARG NAME` (without a value, it takes the global default). Without that, `$NAME` in a RUN is an empty string and the command runs anyway: `curl …/v$VERSION/app.tgz` downloads the wrong file or fails far from the cause. Docker\'s own check does not look into RUN, so nothing warns. Add `ARG NAME` after the stage\'s FROM.',
      examples: [
        { bad: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nRUN wget -q https://example.com/tool-$VERSION.tgz\n', good: 'ARG VERSION=1.4.2\nFROM alpine:3.21\nARG VERSION\nRUN wget -q https://example.com/tool-$VERSION.tgz\n' },
      ],
      fixSafety: 'Declaring the ARG in the stage gives the RUN the global value instead of an empty string: what its author meant, but it changes the command that runs.',
      references: ['https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact', 'https://docs.docker.com/build/building/variables/#scoping'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    if (!model.globalArgs.size) return {};
    return {
      instructions: {
        RUN(instr) {
          const stage = instr.stage;
          if (!stage || !instr.run) return;
          const imageEnv = stageStartEnv(stage);
          const { text, base } = expandedText(model, instr);
          const expanded = withoutSingleQuoted(text, '\\');
          const seen = new Set<string>();
          for (const ref of findVariables(expanded, model.escapeChar)) {
            const name = ref.name;
            // `${NAME:-default}` says what happens when NAME is unset.
            if (seen.has(name) || ref.modifier || !model.globalArgs.has(name)) continue;
            seen.add(name);
            // Declared in the stage, set by an ENV here or in a stage it is built FROM, or by the base image.
            if (model.lookupVariable(name, instr) || imageEnv?.has(name) || assignedInScript(text, name)) continue;
            // An image the engine does not know, chosen by this ARG (`FROM registry/go:${GO_VERSION}`), likely sets an
            // ENV of the same name, as the official images do.
            if (!imageEnv && findVariables(model.text.slice(stage.from.start, stage.from.end)).some((r) => r.name === name)) continue;
            ctx.report({
              start: base + ref.start,
              end: base + ref.end,
              messageId: 'notRedeclared',
              data: { name },
              fixes: [{ titleId: 'declareArg', data: { name }, safety: 'unsafe', edits: [afterLine(model, stage.from.endLine, `ARG ${name}`)] }],
            });
          }
        },
      },
    };
  },
});
