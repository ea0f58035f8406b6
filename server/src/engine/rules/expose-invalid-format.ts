import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'expose-invalid-format',
    aliases: { buildkit: 'ExposeInvalidFormat' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      hostPort: 'EXPOSE takes the container\'s port only; map host ports with docker run -p',
      hostPortContainerPort: 'EXPOSE takes the container\'s port only: {port}; map host ports with docker run -p',
      exposeContainerPort: 'Expose {port}',
    },
    docs: {
      summary: 'EXPOSE with an IP address or a host port',
      why: 'EXPOSE documents the ports the container listens on. Publishing to a host address or port happens at run time (`docker run -p 8080:80`). BuildKit ignores the host part today and will reject it in the future.',
      examples: [{ bad: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80\n', good: 'FROM nginx:1.27\nEXPOSE 80\n' }],
      references: ['https://docs.docker.com/reference/build-checks/expose-invalid-format/'],
    },
  },
  create(ctx) {
    const expose = (instr: Instr): void => {
      for (const arg of instr.args) {
        if (!arg.value.includes(':') || arg.value.includes('$')) continue;
        const [ports, proto] = arg.value.split('/');
        const containerPort = ports.slice(ports.lastIndexOf(':') + 1);
        const fixed = /^\d+(-\d+)?$/.test(containerPort) ? containerPort + (proto ? `/${proto}` : '') : undefined;
        ctx.report({
          start: arg.start,
          end: arg.end,
          ...(fixed ? { messageId: 'hostPortContainerPort', data: { port: fixed } } : { messageId: 'hostPort' }),
          fixes: fixed ? [{ titleId: 'exposeContainerPort', data: { port: fixed }, safety: 'safe', edits: [{ start: arg.start, end: arg.end, text: fixed }] }] : [],
        });
      }
    };
    return { instructions: { EXPOSE: expose }, triggers: { EXPOSE: expose } };
  },
});
