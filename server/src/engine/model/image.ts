// Image references: [registry/]repository[:tag][@digest], with offsets into the written text.
import type { NamedContext } from './named-contexts';

export interface Span { start: number; end: number }

export interface ImageReference {
  /** The text as written in the Dockerfile (may contain variables). */
  raw: string;
  /** After substituting ARG defaults. Equal to raw when there were no variables. */
  resolved: string;
  /** Variables that could not be resolved from ARG defaults. */
  unresolved: string[];
  registry?: string;
  /** Repository path without registry, e.g. `library/node` is reported as `node` as written. */
  name: string;
  tag?: string;
  digest?: string;
  /** Offsets within `raw`, only when raw has no variables (otherwise positions are ambiguous). */
  spans?: { registry?: Span; name: Span; tag?: Span; digest?: Span };
  /**
   * The named build context the written name is: the rest describes its `docker-image://` image, or for any other
   * context (a folder, another build's target, a URL) no image: `resolved` and `name` are empty.
   */
  context?: NamedContext;
  /**
   * What of the same project builds the image the name is (`compose service base`, whose `image:` it is): no
   * registry image, and nothing about it is known here (`resolved` and `name` are empty, as for a folder context).
   */
  builtBy?: string;
}

export function parseImageReference(raw: string, resolved: string, unresolved: string[]): ImageReference {
  const ref: ImageReference = { raw, resolved, unresolved, name: resolved };
  let rest = resolved;
  let offset = 0;
  const at = rest.indexOf('@');
  let digestSpan: Span | undefined;
  if (at >= 0) {
    ref.digest = rest.slice(at + 1);
    digestSpan = { start: at + 1, end: rest.length };
    rest = rest.slice(0, at);
  }
  let registrySpan: Span | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      ref.registry = first;
      registrySpan = { start: 0, end: slash };
      offset = slash + 1;
      rest = rest.slice(slash + 1);
    }
  }
  let tagSpan: Span | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    ref.tag = rest.slice(colon + 1);
    tagSpan = { start: offset + colon + 1, end: offset + rest.length };
    rest = rest.slice(0, colon);
  }
  ref.name = rest;
  if (raw === resolved) {
    ref.spans = { registry: registrySpan, name: { start: offset, end: offset + rest.length }, tag: tagSpan, digest: digestSpan };
  }
  return ref;
}

/** The repository's last path component, lowercased: `docker.io/library/node` → `node`. */
export function imageBaseName(ref: ImageReference): string {
  const parts = ref.name.toLowerCase().split('/');
  return parts[parts.length - 1];
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Whether Docker accepts `text` as an image reference (`[registry/]path[:tag][@digest]`, lowercase path). */
export function isValidImageReference(text: string): boolean {
  let rest = text;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(rest.slice(at + 1))) return false;
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    if (!TAG.test(rest.slice(colon + 1))) return false;
    rest = rest.slice(0, colon);
  }
  if (!rest || rest.length > 255) return false;
  const parts = rest.split('/');
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!DOMAIN.test(first)) return false;
    parts.shift();
  }
  return parts.every((p) => PATH_COMPONENT.test(p));
}
