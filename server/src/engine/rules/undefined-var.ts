import { defineRule, type FixInput, type Report } from '../rule';
import { argDefinitions, envDefinitions, type DockerfileModel, type Instr } from '../model/dockerfile';
import { findVariables, withoutSingleQuoted } from '../model/variables';
import { rootStage, stageStartEnv } from '../model/base-images';
import { closestUnique } from '../closest';
import { afterLine } from './support';

// The instructions whose words BuildKit expands with ARG and ENV (RUN, CMD and ENTRYPOINT are left to the
// shell, ONBUILD triggers to the later build).
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const EXPANDED_FLAGS = new Set(['chown', 'chmod', 'from']);

interface Span { start: number; end: number }

/** The parts of an instruction BuildKit expands, as document spans. */
function expandedSpans(model: DockerfileModel, instr: Instr): Span[] {
  const spans: Span[] = [];
  if (instr.keyword === 'ENV' || instr.keyword === 'ARG' || instr.keyword === 'LABEL') {
    for (const p of instr.props) {
      if (p.valueStart !== undefined && p.valueEnd !== undefined) spans.push({ start: p.valueStart, end: p.valueEnd });
      if (instr.keyword === 'LABEL') spans.push({ start: p.nameStart, end: p.nameEnd });
    }
    return spans;
  }
  for (const f of instr.flags) if (EXPANDED_FLAGS.has(f.name) && f.value && f.valueStart !== undefined) spans.push({ start: f.valueStart, end: f.valueStart + f.value.length });
  // Heredoc bodies are not words of the instruction (not checked, as BuildKit does not).
  const bodyStart = instr.heredocs.length ? model.lines.lineEnd(instr.heredocs[0].markerLine) : Infinity;
  for (const a of instr.args) if (!a.value.startsWith('<<') && a.start < bodyStart) spans.push({ start: a.start, end: a.end });
  return spans;
}

/** A variable name that `$NAME` or `${NAME}` can refer to. */
const REFERABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export default defineRule({
  meta: {
    id: 'undefined-var',
    aliases: { buildkit: 'UndefinedVar' },
    counterparts: {
      sonar: ['S6579'],
      differences: 'Also reports variables nothing defines, with a did-you-mean fix, but leaves RUN, CMD and ENTRYPOINT to the shell, where Sonar checks global ARGs there too.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      globalArg: '${name} is a global ARG, which a stage sees only after declaring it again: add `ARG {name}` after FROM',
      undefinedSuggestion: '${name} is not defined here and expands to an empty string. Did you mean ${suggestion}?',
      undefinedInStage: '${name} is not defined by an ARG or ENV before this {keyword}: it expands to an empty string',
      undefinedInStageOrImage: '${name} is not defined by an ARG or ENV before this {keyword} nor by {image}: it expands to an empty string',
      declareArg: 'Declare ARG {name} in this stage',
      useSuggestion: 'Use ${suggestion}',
    },
    docs: {
      summary: 'Variable used before any ARG or ENV defines it',
      why: 'Docker replaces `$VAR` in COPY, ADD, ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL while building. A variable that nothing defines becomes an empty string without any error, so `WORKDIR $APP_HOME/src` quietly becomes `/src`. A global ARG (declared before the first FROM) is not visible inside a stage until the stage declares it again with `ARG NAME`.',
      examples: [
        { bad: 'FROM node:22-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOM\n', good: 'FROM node:22-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n' },
        { bad: 'ARG VERSION=1.0\nFROM alpine:3.21\nLABEL org.opencontainers.image.version=$VERSION\n', good: 'ARG VERSION=1.0\nFROM alpine:3.21\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n' },
      ],
      fixSafety: 'Both fixes change what the instruction expands to (from an empty string to a value), which is the intent but should be checked: using the suggested name, or declaring the global ARG in the stage.',
      references: ['https://docs.docker.com/reference/build-checks/undefined-var/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const inherited = stageStartEnv(stage);
      // With an image the engine does not know, any name may come from it: only near-misses are reported.
      const imageKnown = inherited !== undefined;
      const defined = new Set<string>(inherited ?? ['PATH']);
      const baseName = rootStage(stage).image.raw;
      for (const instr of stage.instructions) {
        if (EXPANDED.has(instr.keyword)) {
          for (const span of expandedSpans(model, instr)) {
            const text = withoutSingleQuoted(model.text.slice(span.start, span.end), model.escapeChar);
            for (const ref of findVariables(text, model.escapeChar)) {
              // `${X:-default}` and friends say what happens when X is unset: deliberate.
              if (defined.has(ref.name) || ref.modifier) continue;
              const start = span.start + ref.start;
              const end = span.start + ref.end;
              const nameStart = span.start + ref.nameStart;
              const fixes: FixInput[] = [];
              let finding: Extract<Report, { messageId: string }>;
              const suggestion = closestUnique(ref.name, defined);
              if (model.globalArgs.has(ref.name)) {
                finding = { start, end, messageId: 'globalArg', data: { name: ref.name } };
                fixes.push({ titleId: 'declareArg', data: { name: ref.name }, safety: 'unsafe', edits: [afterLine(model, stage.from.endLine, `ARG ${ref.name}`)] });
              } else if (suggestion) {
                finding = { start, end, messageId: 'undefinedSuggestion', data: { name: ref.name, suggestion } };
                fixes.push({ titleId: 'useSuggestion', data: { suggestion }, safety: 'unsafe', edits: [{ start: nameStart, end: nameStart + ref.name.length, text: suggestion }] });
              } else if (imageKnown) {
                // A stage built FROM another stage has no image of its own to name.
                finding = stage.parent
                  ? { start, end, messageId: 'undefinedInStage', data: { name: ref.name, keyword: instr.keyword } }
                  : { start, end, messageId: 'undefinedInStageOrImage', data: { name: ref.name, keyword: instr.keyword, image: baseName } };
              } else continue;
              ctx.report({ ...finding, fixes });
            }
          }
        }
        // Only names a `$NAME` can refer to: `ENV $HOME` defines a variable called "$HOME", which no reference
        // reaches, and suggesting it turned `$HOME` into `$$HOME` (an escaped dollar), again and again.
        if (instr.keyword === 'ARG') for (const d of argDefinitions(instr)) if (REFERABLE.test(d.name)) defined.add(d.name);
        if (instr.keyword === 'ENV') for (const d of envDefinitions(instr)) if (REFERABLE.test(d.name)) defined.add(d.name);
      }
    }
  },
});
