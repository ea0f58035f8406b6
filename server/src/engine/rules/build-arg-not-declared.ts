import { defineRule, type FixInput } from '../rule';
import type { RelatedLocation } from '../types';
import { argDefinitions, type DockerfileModel, type Stage } from '../model/dockerfile';
import { isPredefinedBuildArg } from '../model/build-args';
import { builtStages, stagesOfTargets } from '../model/stage-graph';
import { closestUnique } from '../closest';

/** Each ARG name declared inside a stage, with the stages that declare it. */
function stageArgs(model: DockerfileModel): Map<string, Stage[]> {
  const out = new Map<string, Stage[]>();
  for (const stage of model.stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'ARG') continue;
      for (const d of argDefinitions(instr)) {
        const stages = out.get(d.name) ?? [];
        if (!stages.includes(stage)) stages.push(stage);
        out.set(d.name, stages);
      }
    }
  }
  return out;
}

/**
 * The near miss renamed where the compose or bake file writes it, when the place of the name is known (a key written
 * out as it is, not made by interpolation). Unsafe: the value the build passes now reaches the ARG.
 */
function renameWherePassed(arg: string, suggestion: string, related: readonly RelatedLocation[] | undefined): FixInput[] {
  // Every build that passes it alike (two services linted once) has its own place.
  const places = (related ?? []).flatMap((r) => (r.column !== undefined && r.length === arg.length ? [{ file: r.file, line: r.line, column: r.column, length: arg.length, text: suggestion }] : []));
  if (!places.length) return [];
  const file = places[0].file.slice(places[0].file.lastIndexOf('/') + 1);
  return [{ titleId: 'renameArg', data: { arg, suggestion, file }, safety: 'unsafe', edits: [], editFiles: places }];
}

export default defineRule({
  meta: {
    id: 'build-arg-not-declared',
    aliases: {},
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      notDeclared: 'The build passes build arg `{arg}`, but no ARG declares it: the build ignores it without a word',
      notDeclaredSuggestion: 'The build passes build arg `{arg}`, but no ARG declares it, so the build ignores it. Did you mean `{suggestion}`?',
      notInBuiltStages: 'The build passes build arg `{arg}`, but only stage {stages} declares it, and this build does not run that stage: the build ignores it',
      renameArg: 'Rename `{arg}` to `{suggestion}` in {file} (unsafe: the build then passes its value)',
    },
    docs: {
      summary: 'A compose or bake build passes a build arg that no ARG declares',
      why: 'A build arg reaches the build only through an ARG that declares it, before the first FROM or in a stage the build runs. One that nothing declares is dropped, and BuildKit does not even warn (the classic builder did): usually the name is misspelt (or in the wrong case, since names are case-sensitive), or the ARG was removed and the compose or bake file still passes it, so a version the file seems to set is not the one the image gets. The finding also points at the line of the compose or bake file that passes the arg. Proxy settings (`HTTP_PROXY` …), the platform args and BuildKit\'s own (`BUILDKIT_INLINE_CACHE`, `SOURCE_DATE_EPOCH`) need no ARG. An arg the build takes from what other builds share (a bake parent in `inherits`, a compose service in `extends`, a YAML merge key) is reported only when its name is close to an ARG\'s, and an arg only stages other builds of the file run declare (another compose service\'s or bake target\'s, a matrix\'s other combinations) is not reported: sharing args with builds that need them is deliberate.',
      examples: [
        {
          bad: 'FROM node:22-slim\nARG NODE_ENV=production\nRUN npm ci\n',
          good: 'FROM node:22-slim\nARG NODE_ENV=production\nARG APP_VERSION=dev\nLABEL org.opencontainers.image.version=$APP_VERSION\nRUN npm ci\n',
          invocation: { args: { NODE_ENV: 'development', APP_VERSION: '1.4.0' } },
          note: 'Built by a compose service whose `build.args` are `NODE_ENV: development` and `APP_VERSION: 1.4.0`.',
        },
      ],
      fixSafety: 'Unsafe, and offered in the editor one finding at a time: when the name is a near miss of an ARG\'s and the compose or bake file writes it out as it is, the fix renames it there, so the value the build passes now reaches that ARG and may change the image. Fix-all and `--fix` change Dockerfiles only and leave it.',
      references: ['https://docs.docker.com/reference/dockerfile/#arg', 'https://docs.docker.com/reference/compose-file/build/#args', 'https://docs.docker.com/reference/dockerfile/#predefined-args', 'https://github.com/moby/buildkit/issues/2128'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const args = model.invocation?.args;
    const first = model.stages[0];
    if (!args || !first) return;
    const inStages = stageArgs(model);
    // Undefined when which stages run is not known (a FROM or --from through an unresolved variable): any stage may.
    const built = builtStages(model);
    const known = [...model.globalArgs.keys(), ...inStages.keys()];
    const shared = new Set(model.invocation?.sharedArgs ?? []);
    // What the other builds of the file run (compose services and bake targets, a matrix's combinations).
    const others = stagesOfTargets(model, model.invocation?.builtTargets ?? []);
    for (const arg of Object.keys(args)) {
      if (isPredefinedBuildArg(arg) || model.globalArgs.has(arg)) continue;
      const stages = inStages.get(arg);
      if (stages && (!built || stages.some((s) => built.has(s)))) continue;
      // An arg a stage another build of the file runs declares is that build's, passed alike to its siblings.
      if (stages && (!others || stages.some((s) => others.has(s)))) continue;
      // Nothing in the Dockerfile is wrong: the first FROM carries the finding, the related location the line that passes it.
      const range = { start: first.from.keywordStart, end: first.imageEnd, related: model.declaredAt(`arg:${arg}`) };
      const suggestion = stages ? undefined : closestUnique(arg, known);
      // A shared arg is meant for some of the builds that share it: only a near miss of an ARG's name is a slip.
      if (shared.has(arg) && !suggestion) continue;
      if (stages) ctx.report({ ...range, messageId: 'notInBuiltStages', data: { arg, stages: stages.map((s) => s.alias ?? String(s.index)).join(', ') } });
      else if (suggestion) ctx.report({ ...range, messageId: 'notDeclaredSuggestion', data: { arg, suggestion }, fixes: renameWherePassed(arg, suggestion, range.related) });
      else ctx.report({ ...range, messageId: 'notDeclared', data: { arg } });
    }
  },
});
