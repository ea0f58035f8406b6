// Looks a base image up in the reviewed lifecycle data: deprecated images and end-of-life release lines.
import { DEPRECATED_IMAGES, EOL_LINES, SUPPORTED_LINES, type DeprecatedImage, type EolLine } from '../data/base-image-lifecycle';
import type { ImageReference } from './image';

/** The official-image name: no registry (or docker.io), optional `library/` prefix. */
export function officialName(ref: ImageReference): string | undefined {
  if (ref.registry && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/i.test(ref.registry)) return undefined;
  const name = ref.name.toLowerCase().replace(/^library\//, '');
  return name.includes('/') ? undefined : name;
}

export function deprecatedImage(ref: ImageReference): DeprecatedImage | undefined {
  const name = officialName(ref);
  return name ? DEPRECATED_IMAGES.find((d) => d.image === name) : undefined;
}

/** `18.20.4-slim` is on line `18`; `3.10` is not on line `3.1`. */
function startsWithLine(tag: string, version: string): boolean {
  return tag.startsWith(version) && !/[0-9]/.test(tag.charAt(version.length));
}

/**
 * The end-of-life release line an image's tag names, if its EOL date is before `today` (YYYY-MM-DD):
 * the image's own version (node:18, python:3.9-slim) or a distro inside the tag (python:3.11-bullseye,
 * node:20-alpine3.18).
 */
export function endOfLife(ref: ImageReference, today: string): EolLine | undefined {
  const name = officialName(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  if (!name || !tag) return undefined;
  const past = (l: EolLine) => l.eol < today;
  const own = EOL_LINES.find((l) => l.product === name && (startsWithLine(tag, l.version) || (l.codenames ?? []).some((c) => tag === c || tag.startsWith(`${c}-`))));
  if (own && past(own)) return own;
  if (own) return undefined;
  for (const line of EOL_LINES) {
    if (line.product === name || !line.codenames) continue;
    if (line.codenames.some((c) => new RegExp(`(^|[-.])${c.replace(/\./g, '\\.')}($|[-.])`).test(tag)) && past(line)) return line;
  }
  return undefined;
}

export function supportedLines(product: string): string[] {
  return SUPPORTED_LINES.find((s) => s.product === product)?.versions ?? [];
}
