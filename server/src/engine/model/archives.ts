// What ADD unpacks. BuildKit does not go by the name: it opens a local source file, decompresses it when it starts
// with a gzip, bzip2, xz or zstd signature, and unpacks it when a tar header follows. So a name in any letter case
// (`APP.TAR.GZ`), or a file without such a name whose bytes are an archive, is unpacked alike.

/** Names that say tar archive or compressed file, in any letter case (`.zip` is not unpacked by ADD). */
export const ARCHIVE_NAME = /\.(tar|z|bz2|gz|lz|lzma|tz|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/i;

/** Bytes to read from a file to judge it: one tar header block. */
export const ARCHIVE_HEAD_BYTES = 512;

const COMPRESSED: readonly number[][] = [
  [0x1f, 0x8b, 0x08], // gzip
  [0x42, 0x5a, 0x68], // bzip2 ("BZh")
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
];

/**
 * Whether a file's first bytes are what ADD would unpack: a compressed stream (which may hold a tar: judging it would
 * mean decompressing, so it counts), or a tar header block, whose checksum (bytes 148-155, octal) is the sum of the
 * block's bytes with those eight taken as spaces; every tar format (v7, ustar, GNU, PAX) has it.
 */
export function startsLikeArchive(head: Uint8Array): boolean {
  if (COMPRESSED.some((magic) => magic.every((b, i) => head[i] === b))) return true;
  if (head.length < ARCHIVE_HEAD_BYTES) return false;
  const field = String.fromCharCode(...head.subarray(148, 156)).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < ARCHIVE_HEAD_BYTES; i++) sum += i >= 148 && i < 156 ? 0x20 : head[i];
  return sum === parseInt(field, 8);
}
