import { defineRule } from '../rule';

// The same archive list hadolint uses for DL3010/DL3020 (ADD extracts these; .zip it does not).
const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/;

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    aliases: { hadolint: 'DL3020' },
    defaultSeverity: 'error',
    needs: { keywords: ['ADD'] },
    scope: 'stage',
    fixable: 'both',
    docs: {
      summary: 'ADD used to copy local files',
      why: 'ADD does more than copy: it extracts local archives and downloads URLs. Used for plain files it hides that magic from the reader, and a file that later happens to be an archive gets unpacked. COPY does exactly one thing; keep ADD for archives you mean to extract and for remote sources.',
      examples: [
        { bad: 'FROM alpine:3.21\nADD app.py /srv/app.py\n', good: 'FROM alpine:3.21\nCOPY app.py /srv/app.py\n' },
        { bad: 'FROM alpine:3.21\nADD config/ /etc/app/\n', good: 'FROM alpine:3.21\nADD rootfs.tar.gz /\n', note: 'Extracting an archive is what ADD is for.' },
      ],
      fixSafety: 'Safe when no source can be an archive. When a source is a wildcard or a variable it might match an archive that ADD would have extracted, so the fix is marked unsafe.',
      references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    },
  },
  check(ctx) {
    for (const instr of [...ctx.model.instructions, ...ctx.model.triggers]) {
      if (instr.keyword !== 'ADD' || instr.args.length < 2) continue;
      const { heredocs } = instr;
      const sources = instr.execForm ? [] : instr.args.slice(0, -1).map((a) => a.value).filter((v) => !v.startsWith('<<'));
      if (!sources.length && !heredocs.length) continue;
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s))) continue;
      if (instr.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name))) continue;
      const uncertain = sources.some((s) => /[*?[$]/.test(s));
      // ADD has no --from: as COPY it would suddenly copy from a stage.
      const fixable = !instr.flags.some((f) => f.name === 'from');
      ctx.report({
        start: instr.keywordStart,
        end: instr.keywordEnd,
        message: 'ADD copies local files here; use COPY, which does not extract archives or fetch URLs',
        fixes: fixable ? [{
          title: uncertain ? 'Replace ADD with COPY (unsafe: a wildcard may match an archive)' : 'Replace ADD with COPY',
          safety: uncertain ? 'unsafe' : 'safe',
          changes: [{ kind: 'replaces-instruction', from: 'ADD', to: 'COPY' }],
          edits: [{ start: instr.keywordStart, end: instr.keywordEnd, text: ctx.model.text.slice(instr.keywordStart, instr.keywordEnd) === 'add' ? 'copy' : 'COPY' }],
        }] : [],
      });
    }
  },
});
