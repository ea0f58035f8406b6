// Named build contexts (`--build-context name=value`, compose's `additional_contexts`, bake's `contexts`): a name a
// `FROM name`, `COPY --from=name` or `RUN --mount=from=name` reads instead of an image or a stage. BuildKit looks a
// name up in its familiar form (`docker.io/library/alpine:latest` and `alpine` are one name) and a context named
// like a stage replaces that stage. The model asks here; the rules ask the model.
import { parseImageReference, type ImageReference } from './image';

/** A named context of the build: its name as declared and its value. */
export interface NamedContext {
  name: string;
  value: string;
  /** For a `docker-image://ref` value, the ref: the name reads that image. Otherwise no registry image is read. */
  image?: string;
}

const DOCKER_IMAGE = 'docker-image://';

/**
 * The form BuildKit compares context names in: lowercased, without a Docker Hub domain, without `library/` for an
 * official image, without a `:latest` tag.
 */
export function familiarName(ref: string): string {
  let rest = ref.toLowerCase();
  const slash = rest.indexOf('/');
  const first = slash > 0 ? rest.slice(0, slash) : '';
  const hasDomain = first.includes('.') || first.includes(':') || first === 'localhost';
  if (first === 'docker.io' || first === 'index.docker.io') rest = rest.slice(slash + 1);
  if ((!hasDomain || first === 'docker.io' || first === 'index.docker.io') && rest.startsWith('library/') && !rest.includes('/', 8)) rest = rest.slice(8);
  return rest.endsWith(':latest') ? rest.slice(0, -':latest'.length) : rest;
}

/** The invocation's contexts by familiar name. */
export function namedContexts(contexts: Readonly<Record<string, string>> | undefined): Map<string, NamedContext> {
  const byName = new Map<string, NamedContext>();
  for (const [name, value] of Object.entries(contexts ?? {})) {
    const image = value.startsWith(DOCKER_IMAGE) ? value.slice(DOCKER_IMAGE.length) : undefined;
    byName.set(familiarName(name), { name, value, ...(image ? { image } : {}) });
  }
  return byName;
}

/**
 * What a FROM written `raw` reads when its name is the named context `context`: the context's image as if written
 * (no spans: the text that says it is in the compose or bake file, so no fix edits the Dockerfile for it), or for
 * any other context no image at all (empty name: nothing about the base is known).
 */
export function contextImageReference(raw: string, context: NamedContext): ImageReference {
  const ref = parseImageReference(context.image ?? '', context.image ?? '', []);
  delete ref.spans;
  return { ...ref, raw, context };
}
