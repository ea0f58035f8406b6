import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'expose-protocol-casing',
    aliases: { buildkit: 'ExposeProtoCasing' },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      uppercaseProtocol: 'Write the protocol in lowercase: {protocol}',
      useLowercase: 'Use {protocol}',
    },
    docs: {
      summary: 'EXPOSE protocol not in lowercase',
      why: 'Docker expects `tcp`, `udp` or `sctp` in lowercase. Other spellings are accepted today only by normalising them, and tools that read the image config see the odd spelling.',
      examples: [{ bad: 'FROM nginx:1.27\nEXPOSE 80/TCP\n', good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n' }],
      references: ['https://docs.docker.com/reference/build-checks/expose-proto-casing/'],
    },
  },
  create(ctx) {
    const expose = (instr: Instr): void => {
      for (const arg of instr.args) {
        const slash = arg.value.lastIndexOf('/');
        if (slash < 0 || arg.value.includes('$')) continue;
        const proto = arg.value.slice(slash + 1);
        if (!proto || proto === proto.toLowerCase()) continue;
        const start = arg.start + (arg.end - arg.start) - proto.length;
        ctx.report({ start, end: arg.end, messageId: 'uppercaseProtocol', data: { protocol: proto.toLowerCase() }, fixes: [{ titleId: 'useLowercase', data: { protocol: proto.toLowerCase() }, safety: 'safe', edits: [{ start, end: arg.end, text: proto.toLowerCase() }] }] });
      }
    };
    return { instructions: { EXPOSE: expose }, triggers: { EXPOSE: expose } };
  },
});
