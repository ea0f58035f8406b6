import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'add-url-without-checksum',
    aliases: {},
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      noChecksum: 'Downloaded without --checksum: the build accepts whatever the server returns',
    },
    docs: {
      summary: '`ADD` of a URL without `--checksum`',
      why: 'A download is only as trustworthy as the server and the network path. If the file changes, the build silently ships whatever arrived that day, and a compromised mirror means a compromised image. `ADD --checksum=sha256:…` makes the build fail when the bytes differ.',
      examples: [
        { bad: 'FROM alpine:3.21\nADD https://example.com/tool-1.2.tar.gz /tmp/\n', good: 'FROM alpine:3.21\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /tmp/\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#add---checksum'],
    },
  },
  create(ctx) {
    const add = (instr: Instr): void => {
      if (instr.flags.some((f) => f.name === 'checksum')) return;
      for (const src of instr.args.slice(0, -1)) {
        if (/^https?:\/\//i.test(src.value)) ctx.report({ start: src.start, end: src.end, messageId: 'noChecksum' });
      }
    };
    return { instructions: { ADD: add }, triggers: { ADD: add } };
  },
});
