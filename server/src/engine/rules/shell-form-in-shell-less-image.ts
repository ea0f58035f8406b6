import { defineRule } from '../rule';
import { hasNoShell } from '../model/base-images';
import shellFormCmd, { argumentsChange, execFormFix } from './shell-form-cmd';

export default defineRule({
  meta: {
    id: 'shell-form-in-shell-less-image',
    aliases: {},
    counterparts: {
      tally: ['shell-run-in-scratch'],
      differences: 'Also covers distroless images and shell-form CMD, ENTRYPOINT and HEALTHCHECK, where tally checks RUN in scratch stages.',
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      needsShell: '{keyword} in shell form needs /bin/sh, which this image does not have',
      healthcheckTool: 'This HEALTHCHECK calls curl or wget, which the image does not contain',
      // The exec-form fix is shell-form-cmd's, and so is its title.
      useExecForm: shellFormCmd.meta.messages!.useExecForm,
    },
    docs: {
      summary: 'Shell form in an image without a shell',
      why: '`scratch` and distroless images contain no /bin/sh. A shell-form RUN fails the build, and a shell-form CMD, ENTRYPOINT or HEALTHCHECK fails when the container starts with "exec: /bin/sh: no such file". Use the JSON (exec) form and call the binary directly.',
      examples: [
        { bad: 'FROM scratch\nCOPY server /server\nENTRYPOINT /server --port 8080\n', good: 'FROM scratch\nCOPY server /server\nENTRYPOINT ["/server", "--port", "8080"]\n' },
      ],
      references: ['https://github.com/GoogleContainerTools/distroless#entrypoints'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (!hasNoShell(stage)) continue;
      for (const instr of stage.instructions) {
        const kw = instr.keyword;
        if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(kw) || !instr.args.length) continue;
        let args = instr.args;
        if (kw === 'HEALTHCHECK') {
          if (args[0].value.toUpperCase() !== 'CMD') continue;
          args = args.slice(1);
          if (!args.length) continue;
          const first = args[0].value;
          if (first.startsWith('[')) {
            if (/^\["?(curl|wget)\b/.test(model.text.slice(args[0].start, args[args.length - 1].end).replace(/\s/g, ''))) {
              ctx.report({ start: args[0].start, end: args[args.length - 1].end, messageId: 'healthcheckTool' });
            }
            continue;
          }
        } else if (instr.execForm) continue;
        const fix = kw === 'CMD' || kw === 'ENTRYPOINT' ? execFormFix(model, instr) : undefined;
        ctx.report({
          start: args[0].start,
          end: args[args.length - 1].end,
          messageId: 'needsShell',
          data: { keyword: kw },
          // Only the plain exec form, which is safe (the words split as a POSIX shell splits them), and only when the
          // command keeps its arguments: an exec-form ENTRYPOINT receives the stage's CMD, and a CMD is the arguments
          // of an exec-form ENTRYPOINT.
          fixes: fix?.titleId === 'useExecForm' && !argumentsChange(instr) ? [fix] : [],
        });
      }
    }
  },
});
