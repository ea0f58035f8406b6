import { defineRule } from '../rule';
import { envDefinitions, type Instr } from '../model/dockerfile';

export default defineRule({
  meta: {
    id: 'debian-frontend-in-env',
    aliases: {},
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      frontendInEnv: '`DEBIAN_FRONTEND={value}` set with ENV stays in the image: `docker exec … apt-get` and debconf in the running container inherit it. Set it with ARG or on the apt-get command',
      useArg: 'Use ARG instead of ENV (unsafe: stages built FROM this one no longer get it)',
    },
    docs: {
      summary: '`ENV DEBIAN_FRONTEND=noninteractive` in an image that ships',
      why: 'ENV is saved in the image: every container started from it runs with `DEBIAN_FRONTEND=noninteractive`, so someone who runs `apt-get install` or `dpkg-reconfigure` in it gets no prompts and silent defaults, and images built FROM it inherit the setting. The build only needs it while it runs: `ARG DEBIAN_FRONTEND=noninteractive` is seen by the RUNs of the stage and not kept, and `DEBIAN_FRONTEND=noninteractive apt-get install …` sets it for one command. Builder stages that do not ship are not reported.',
      examples: [
        { bad: 'FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*\n', good: 'FROM ubuntu:24.04\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*\n' },
      ],
      fixSafety: 'Unsafe: an ARG is not inherited by stages built FROM this one (their RUNs would prompt again unless they declare it too), and the running container no longer has the variable, which is the point but may surprise a script that read it.',
      references: ['https://docs.docker.com/reference/dockerfile/#arg', 'https://manpages.debian.org/bookworm/debconf-doc/debconf.7.en.html'],
    },
    counterparts: {
      differences: 'Reports only stages that ship, and converts a single-pair ENV to ARG.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        ENV(instr: Instr) {
          const stage = instr.stage;
          // A builder stage's ENV does not reach the image that ships.
          if (!stage?.ships) return;
          for (const p of instr.props) {
            if (p.name !== 'DEBIAN_FRONTEND' || !p.value || p.value === 'dialog' || p.valueStart === undefined || p.valueEnd === undefined) continue;
            // (`dialog` is debconf's default: setting it changes nothing.)
            // A later ENV of the stage sets it again (often back to its default): that one decides.
            if (stage.instructions.slice(instr.index + 1).some((i) => envDefinitions(i).some((d) => d.name === 'DEBIAN_FRONTEND'))) continue;
            const edits = [];
            const sameLine = !/[\r\n]/.test(model.text.slice(instr.keywordStart, p.valueEnd));
            const between = model.text.slice(p.nameEnd, p.valueStart);
            // ARG takes only name=value: the legacy `ENV name value` needs its `=`.
            if (instr.props.length === 1 && sameLine && !/\s/.test(p.value) && (p.assignment || /^[ \t]+$/.test(between)) && !/\S/.test(model.text.slice(p.valueEnd, instr.end))) {
              const keyword = model.text.slice(instr.keywordStart, instr.keywordEnd);
              edits.push({ start: instr.keywordStart, end: instr.keywordEnd, text: keyword === 'env' ? 'arg' : 'ARG' });
              if (!p.assignment) edits.push({ start: p.nameEnd, end: p.valueStart, text: '=' });
            }
            ctx.report({
              start: p.nameStart,
              end: p.valueEnd,
              messageId: 'frontendInEnv',
              data: { value: p.value },
              fixes: edits.length ? [{ titleId: 'useArg', safety: 'unsafe', edits }] : [],
            });
          }
        },
      },
    };
  },
});
