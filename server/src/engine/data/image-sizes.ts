// Compressed sizes of official images' tags for linux/amd64, as Docker Hub's tag pages show them (the download a
// `docker pull` makes). Every entry names the page it was read from and the day it was recorded; a test fails when
// one does not. Only sizes read from such a page are kept: a tag without an entry has no size, never a guess.
// Sizes move with every rebuild of a tag (a few percent between patch releases), so they are shown as "about".

export interface ImageSize {
  /** Official image name (Docker Hub library/), as written in FROM. */
  image: string;
  /** The tag the page lists, as written there (a patch release: `22.23.4-slim`). */
  tag: string;
  /** Compressed size for linux/amd64, in MB as Docker Hub shows it. */
  mb: number;
  source: string;
  recorded: string;
}

const R = '2026-12-06';
const NODE_22 = 'https://hub.docker.com/_/node/tags?name=22.23.4';
const NODE_24 = 'https://hub.docker.com/_/node/tags?name=20';
const NODE_25 = 'https://hub.docker.com/_/node/tags?name=25';
const NODE_26 = 'https://hub.docker.com/_/node/tags?name=26';

export const IMAGE_SIZES: readonly ImageSize[] = [
  { image: 'node', tag: '26.12.0', mb: 423.97, source: NODE_26, recorded: R },
  { image: 'node', tag: '26.12.0-slim', mb: 81.84, source: NODE_26, recorded: R },
  { image: 'node', tag: '26.12.0-trixie', mb: 423.97, source: NODE_26, recorded: R },
  { image: 'node', tag: '26.12.0-trixie-slim', mb: 81.84, source: NODE_26, recorded: R },
  { image: 'node', tag: '26.12.0-bookworm', mb: 396.34, source: NODE_26, recorded: R },
  { image: 'node', tag: '26.12.0-bookworm-slim', mb: 80.17, source: NODE_26, recorded: R },
  { image: 'node', tag: '25.9.0', mb: 388.67, source: NODE_25, recorded: R },
  { image: 'node', tag: '25.9.0-trixie', mb: 417.63, source: NODE_25, recorded: R },
  { image: 'node', tag: '25.9.0-bookworm', mb: 388.67, source: NODE_25, recorded: R },
  { image: 'node', tag: '24.20.0-alpine', mb: 55.78, source: NODE_24, recorded: R },
  { image: 'node', tag: '24.20.0-trixie-slim', mb: 81.34, source: NODE_24, recorded: R },
  { image: 'node', tag: '22.23.4', mb: 389.5, source: NODE_22, recorded: R },
  { image: 'node', tag: '22.23.4-slim', mb: 76.15, source: NODE_22, recorded: R },
  { image: 'node', tag: '22.23.4-trixie', mb: 419.39, source: NODE_22, recorded: R },
  { image: 'node', tag: '22.23.4-trixie-slim', mb: 77.73, source: NODE_22, recorded: R },
  { image: 'node', tag: '22.23.4-bookworm', mb: 389.5, source: NODE_22, recorded: R },
];

/**
 * The recorded size of a tag of `image`'s release line `line` with `variant` (`slim`, `trixie-slim`; '' for the
 * line's own tag): an entry whose tag is a release of that line with the same variant (`22.23.4-slim` for `22-slim`).
 */
export function recordedSize(image: string, line: string, variant: string): ImageSize | undefined {
  const suffix = variant ? `-${variant}` : '';
  return IMAGE_SIZES.find((s) => {
    if (s.image !== image || !s.tag.endsWith(suffix)) return false;
    const version = s.tag.slice(0, s.tag.length - suffix.length);
    return /^\d+(\.\d+)*$/.test(version) && (version === line || version.startsWith(`${line}.`));
  });
}
