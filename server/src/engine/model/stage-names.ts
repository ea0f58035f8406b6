// What a stage may be called: BuildKit's rule for stage names (lowercase: its parser lowercases what it reads), the
// names it reserves, and the names a file already gives stages and images (a new name among them changes what a
// `FROM name` or `--from=name` reads). The fix that names a stage and the stage rename both ask here.
import type { DockerfileModel, Stage } from './dockerfile';

export const STAGE_NAME = /^[a-z][a-z0-9._-]*$/;
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

/**
 * Every name the file already uses for a stage or an image (aliases, FROM images, `--from` and mount `from=`
 * values) or the build gives a named context, lower-cased. `stage`'s own image is left out: a FROM only reads the
 * names of the stages above it. A stage named like a context is replaced by it.
 */
export function namesInUse(model: DockerfileModel, stage: Stage): Set<string> {
  const used = new Set<string>(Object.keys(model.invocation?.contexts ?? {}).map((n) => n.toLowerCase()));
  for (const s of model.stages) {
    if (s.alias) used.add(s.alias.toLowerCase());
    if (s !== stage) {
      used.add(s.image.resolved.toLowerCase());
      used.add(s.image.name.toLowerCase());
    }
    for (const i of s.instructions) {
      for (const f of i.flags) {
        if (f.name === 'from' && f.value) used.add(f.value.toLowerCase());
        const m = f.name === 'mount' && f.value ? /(^|,)from=([^,]+)/.exec(f.value) : null;
        if (m) used.add(m[2].toLowerCase());
      }
    }
  }
  return used;
}

// Names of stages that build something for another stage: unused, they are dead. Any other name may be what someone
// builds with `--target` (test, dev, lint, debug, a Docker Dev Environment's dev-envs), which the file cannot show.
const BUILDER_NAME = /^(build|builder|building|compile|compiler|deps|dependencies|vendor|download|downloader|fetch|fetcher)$|^(build|builder)[-_.]|[-_.](build|builder|deps)$/i;

/** A stage name that says the stage builds something for another stage (so unused, it is dead, not a `--target`). */
export function isBuilderName(name: string): boolean {
  return BUILDER_NAME.test(name);
}
