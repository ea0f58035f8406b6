import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'expose-port-out-of-range',
    aliases: { hadolint: 'DL3011' },
    counterparts: {
      tally: ['hadolint/DL3011'],
      trivy: ['DS-0008'],
      kics: ['UNIX Ports Out Of Range'],
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      portOutOfRange: 'Port {port} is outside the valid range 0–65535',
      bothPortsOutOfRange: 'Port {first} and {last} is outside the valid range 0–65535',
    },
    docs: {
      summary: 'EXPOSE of a port outside 0–65535',
      why: 'TCP and UDP ports are 16-bit numbers: a port above 65535 does not exist and Docker rejects it.',
      examples: [
        { bad: 'FROM nginx:1.27\nEXPOSE 80800\n', good: 'FROM nginx:1.27\nEXPOSE 8080\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    },
  },
  create(ctx) {
    const expose = (instr: Instr): void => {
      for (const arg of instr.args) {
        const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(arg.value);
        if (!m) continue;
        const bad = [m[1], m[2]].filter((p): p is string => p !== undefined && Number(p) > 65535);
        if (!bad.length) continue;
        ctx.report({ start: arg.start, end: arg.end, ...(bad.length === 2 ? { messageId: 'bothPortsOutOfRange', data: { first: bad[0], last: bad[1] } } : { messageId: 'portOutOfRange', data: { port: bad[0] } }) });
      }
    };
    return { instructions: { EXPOSE: expose }, triggers: { EXPOSE: expose } };
  },
});
