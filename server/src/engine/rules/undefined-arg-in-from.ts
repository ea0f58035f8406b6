import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { findVariables } from '../model/variables';
import { isPlatformArg, PLATFORM_ARGS } from '../model/build-args';
import { closestUnique } from '../closest';

/** The image and the `--platform` value of a FROM, as document spans: where BuildKit expands global ARGs. */
function fromExpansions(_model: DockerfileModel, stage: Stage): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const image = stage.from.args[0];
  if (image) spans.push({ start: image.start, end: image.end });
  const platform = stage.from.flags.find((f) => f.name === 'platform');
  if (platform?.value && platform.valueStart !== undefined) spans.push({ start: platform.valueStart, end: platform.valueStart + platform.value.length });
  return spans;
}

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    aliases: { buildkit: 'UndefinedArgInFrom' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      undefinedArg: 'FROM uses ${name}, which no ARG declares before the first FROM: it is empty here',
      undefinedArgSuggestion: 'FROM uses ${name}, which no ARG declares before the first FROM: it is empty here. Did you mean {suggestion}?',
      useSuggestion: 'Use {suggestion}',
      declareGlobalArg: 'Declare ARG {name} before the first FROM',
    },
    docs: {
      summary: 'FROM uses an ARG that is not declared before the first FROM',
      why: 'Only ARGs declared before the first FROM (and the platform arguments such as `BUILDPLATFORM`) can be used in FROM. Any other variable is empty there, whatever `--build-arg` says, so the image name silently loses a part, or a `${VAR:-default}` always takes its default.',
      examples: [
        { bad: 'FROM alpine:${ALPINE_VERSION}\n', good: 'ARG ALPINE_VERSION=3.21\nFROM alpine:${ALPINE_VERSION}\n' },
        { bad: 'FROM --platform=$BUILDPLATFROM golang:1.25 AS build\n', good: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n', note: 'A misspelt platform argument gets a "did you mean".' },
      ],
      fixSafety: 'Using the suggested name changes what the FROM resolves to, which is the point but should be checked. Declaring the ARG keeps builds without `--build-arg` as they were and lets `--build-arg` take effect.',
      references: ['https://docs.docker.com/reference/build-checks/undefined-arg-in-from/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const known = [...model.globalArgs.keys(), ...PLATFORM_ARGS];
    const firstFrom = model.stages[0]?.from;
    for (const stage of model.stages) {
      for (const span of fromExpansions(model, stage)) {
        for (const ref of findVariables(model.text.slice(span.start, span.end), model.escapeChar)) {
          if (model.globalArgs.has(ref.name) || isPlatformArg(ref.name)) continue;
          const start = span.start + ref.start;
          const nameStart = span.start + ref.nameStart;
          const suggestion = closestUnique(ref.name, known);
          const fixes: FixInput[] = [];
          if (suggestion) fixes.push({ titleId: 'useSuggestion', data: { suggestion }, safety: 'unsafe', edits: [{ start: nameStart, end: nameStart + ref.name.length, text: suggestion }] });
          else if (firstFrom) {
            const at = model.lines.lineStart(firstFrom.line);
            fixes.push({ titleId: 'declareGlobalArg', data: { name: ref.name }, safety: 'unsafe', edits: [{ start: at, end: at, text: `ARG ${ref.name}${model.lines.eol}` }] });
          }
          ctx.report({
            start,
            end: span.start + ref.end,
            ...(suggestion ? { messageId: 'undefinedArgSuggestion', data: { name: ref.name, suggestion } } : { messageId: 'undefinedArg', data: { name: ref.name } }),
            fixes,
          });
        }
      }
    }
  },
});
