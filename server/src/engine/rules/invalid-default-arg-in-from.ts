import { defineRule } from '../rule';
import { findVariables, substitute } from '../model/variables';
import { isValidImageReference } from '../model/image';
import { isPlatformArg, PLATFORM_ARG_EXAMPLES } from '../model/build-args';
import { fileDefault } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: { buildkit: 'InvalidDefaultArgInFrom' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      invalidReference: 'With the ARG defaults this FROM is "{image}", which is not a valid image reference',
      invalidReferenceMissingDefault: 'With the ARG defaults this FROM is "{image}", which is not a valid image reference; give {args} a default',
      emptyReference: 'With the ARG defaults this FROM is empty, which is not a valid image reference',
      emptyReferenceMissingDefault: 'With the ARG defaults this FROM is empty, which is not a valid image reference; give {args} a default',
    },
    docs: {
      summary: 'With the ARG defaults, FROM is not a valid image',
      why: 'A build without `--build-arg` uses the defaults of the global ARGs. When a FROM needs an argument that has no default, the plain `docker build` fails with "invalid reference format" (for example `alpine:` from `ARG TAG` and `FROM alpine:${TAG}`). A default, or `${TAG:-3.21}`, keeps the build working out of the box.',
      examples: [{ bad: 'ARG TAG\nFROM alpine:${TAG}\n', good: 'ARG TAG=3.21\nFROM alpine:${TAG}\n' }],
      references: ['https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const image = stage.from.args[0];
      if (!image) continue;
      const raw = model.text.slice(image.start, image.end);
      const refs = findVariables(raw, model.escapeChar);
      // Undeclared names are undefined-arg-in-from's finding; without variables the text is what it is.
      if (!refs.length || refs.some((r) => !model.globalArgs.has(r.name) && !isPlatformArg(r.name))) continue;
      // The defaults as the file writes them, also when the build gives other values (BuildKit's check does the same).
      const lookup = (name: string) => (model.globalArgs.has(name) ? fileDefault(model.globalArgs.get(name)!) : PLATFORM_ARG_EXAMPLES[name]);
      const { value } = substitute(raw, lookup, model.escapeChar);
      if (isValidImageReference(value) || model.stageByName(value, stage) || model.namedContext(value)) continue;
      const missing = [...new Set(refs.filter((r) => !r.modifier && lookup(r.name) === undefined).map((r) => r.name))];
      // The ARGs to give a default, listed as `ARG A and ARG B`.
      const args = missing.map((n) => `ARG ${n}`).join(' and ');
      const at = { start: image.start, end: image.end };
      if (value && missing.length) ctx.report({ ...at, messageId: 'invalidReferenceMissingDefault', data: { image: value, args } });
      else if (value) ctx.report({ ...at, messageId: 'invalidReference', data: { image: value } });
      else if (missing.length) ctx.report({ ...at, messageId: 'emptyReferenceMissingDefault', data: { args } });
      else ctx.report({ ...at, messageId: 'emptyReference' });
    }
  },
});
