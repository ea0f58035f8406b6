import { defineRule } from '../rule';
import { isCommand, parseArgs } from '../model/commands';
import { ARCHIVE_NAME } from '../model/archives';
import { copyOperands } from './support';

const EXTRACTORS = ['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat', 'unzstd'];

const base = (p: string) => p.replace(/(?<!\/)\/+$/, '').split('/').pop() ?? p;

export default defineRule({
  meta: {
    id: 'copy-archive-then-extract',
    aliases: { hadolint: 'DL3010' },
    counterparts: {
      tally: ['hadolint/DL3010'],
    },
    category: 'size',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      copiedThenExtracted: '`{name}` is copied and then extracted: the image keeps both; use ADD to extract it in one layer',
    },
    docs: {
      summary: 'COPY of an archive that a later RUN extracts',
      why: 'COPY then `RUN tar -x` stores the archive in one layer and its contents in another: the image carries both. `ADD archive.tar.gz /dest/` extracts a local tar archive in one step and one layer (or extract in a build stage and copy the result).',
      examples: [
        { bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', good: 'FROM debian:12-slim\nADD app.tar.gz /opt/\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      stage.instructions.forEach((instr, i) => {
        if (instr.keyword !== 'COPY' || instr.flags.some((f) => f.name === 'from')) return;
        const ops = copyOperands(ctx.model, instr);
        if (!ops) return;
        for (const src of ops.sources) {
          if (!ARCHIVE_NAME.test(src.value) || src.value.includes('*')) continue;
          const name = base(src.value);
          const extracted = stage.instructions.slice(i + 1).some((later) => later.run?.commands.some((c) => {
            const names = parseArgs(c).operands.map((w) => base(w.value));
            if (isCommand(c, 'tar')) {
              const first = c.args[0]?.value ?? '';
              const extract = c.args.some((w) => /^--(extract|get)$/.test(w.value) || /^-[A-Za-z]*x/.test(w.value)) || (/^[A-Za-z]+$/.test(first) && first.includes('x'));
              return extract && c.args.some((w) => base(w.value) === name || base(w.value.replace(/^-[A-Za-z]*f/, '')) === name);
            }
            return isCommand(c, ...EXTRACTORS) && names.includes(name);
          }));
          if (extracted) ctx.report({ start: src.start, end: src.end, messageId: 'copiedThenExtracted', data: { name } });
        }
      });
    }
  },
});
