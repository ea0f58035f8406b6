import { defineRule, type FileAccess } from '../rule';
import type { DockerfileModel, Instr } from '../model/dockerfile';
import { ARCHIVE_HEAD_BYTES, ARCHIVE_NAME, startsLikeArchive } from '../model/archives';
import { substitute } from '../model/variables';
import { copyOperands } from './support';

const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/;

/**
 * A source as ADD reads it: ARG and ENV values substituted (undefined when one has no value here, and in an ONBUILD
 * trigger, whose values come from the image built on it).
 */
function resolvedSource(model: DockerfileModel, instr: Instr, source: string): string | undefined {
  if (!source.includes('$')) return source;
  if (instr.onbuild) return undefined;
  const { value, unresolved } = substitute(source, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
  return unresolved.length ? undefined : value;
}

/** A local file in the build context whose first bytes are an archive ADD unpacks. */
function isArchiveFile(files: FileAccess | undefined, source: string): boolean {
  const rel = source.replace(/^(\.?\/)+/, '');
  const head = rel && !/[*?[]/.test(rel) ? files?.readHead?.(rel, ARCHIVE_HEAD_BYTES) : undefined;
  return !!head && startsLikeArchive(head);
}

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    aliases: { hadolint: 'DL3020' },
    counterparts: {
      tally: ['hadolint/DL3020'],
      checkov: ['CKV_DOCKER_4'],
      trivy: ['DS-0005'],
      kics: ['Add Instead of Copy'],
      sonar: ['S7029'],
      differences: 'Leaves ADD of URLs and local archives alone (Checkov flags every ADD) and offers a fix that replaces ADD with COPY.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'both',
    messages: {
      addForLocalFiles: 'ADD copies local files here; use COPY, which does not extract archives or fetch URLs',
      useCopy: 'Replace ADD with COPY',
      useCopyUncertain: 'Replace ADD with COPY (unsafe: a wildcard or variable may name an archive or a URL)',
    },
    docs: {
      summary: 'ADD used to copy local files',
      why: 'ADD does more than copy: it extracts local archives and downloads URLs. Used for plain files it hides that magic from the reader, and a file that later happens to be an archive gets unpacked. COPY does exactly one thing; keep ADD for archives you mean to extract and for remote sources.',
      examples: [
        { bad: 'FROM alpine:3.21\nADD app.py /srv/app.py\n', good: 'FROM alpine:3.21\nCOPY app.py /srv/app.py\n' },
        { bad: 'FROM alpine:3.21\nADD config/ /etc/app/\n', good: 'FROM alpine:3.21\nADD rootfs.tar.gz /\n', note: 'Extracting an archive is what ADD is for.' },
      ],
      fixSafety: 'ADD unpacks a local tar archive, plain or compressed, whatever its name: BuildKit reads the file. So a source whose name says archive in any letter case (`app.TAR.GZ`), or a file in the build context whose first bytes are a tar header or a gzip, bzip2, xz or zstd signature, is not reported, nor is a URL; ARG and ENV values are substituted first (`ADD $URL` with `ARG URL=https://…` fetches). The fix is safe when every source is known and none is an archive. A wildcard, or a variable without a value here, might name an archive or a URL, so that fix is unsafe. A source the linter cannot read (no build context at hand) is judged by its name only.',
      references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const add = (instr: Instr): void => {
      if (instr.args.length < 2) return;
      const operands = copyOperands(model, instr);
      if (!operands) return;
      // Heredoc sources (`ADD <<EOF /x`) are text written here; in JSON form `<<` is part of a name.
      const sources = operands.sources.filter((o) => o.json || !o.value.startsWith('<<')).map((o) => o.value);
      if (!sources.length && !instr.heredocs.length) return;
      const resolved = sources.map((s) => resolvedSource(model, instr, s));
      // Remote sources are fetched and archives unpacked: that is what ADD is for. What is written says so even when
      // a variable in it has no value here (`https://…/php-${VERSION}.tar.gz`).
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE_NAME.test(s))) return;
      if (resolved.some((s) => s !== undefined && (REMOTE.test(s) || ARCHIVE_NAME.test(s) || isArchiveFile(ctx.files, s)))) return;
      if (instr.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name))) return;
      const uncertain = resolved.some((s) => s === undefined || /[*?[]/.test(s));
      // ADD has no --from: as COPY it would suddenly copy from a stage.
      const fixable = !instr.flags.some((f) => f.name === 'from');
      ctx.report({
        start: instr.keywordStart,
        end: instr.keywordEnd,
        messageId: 'addForLocalFiles',
        fixes: fixable ? [{
          titleId: uncertain ? 'useCopyUncertain' : 'useCopy',
          safety: uncertain ? 'unsafe' : 'safe',
          changes: [{ kind: 'replaces-instruction', from: 'ADD', to: 'COPY' }],
          edits: [{ start: instr.keywordStart, end: instr.keywordEnd, text: model.text.slice(instr.keywordStart, instr.keywordEnd) === 'add' ? 'copy' : 'COPY' }],
        }] : [],
      });
    };
    return { instructions: { ADD: add }, triggers: { ADD: add } };
  },
});
