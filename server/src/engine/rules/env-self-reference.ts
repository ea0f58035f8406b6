import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { findVariables } from '../model/variables';

interface EnvPair { name: string; valueStart: number; valueText: string }

export default defineRule({
  meta: {
    id: 'env-self-reference',
    aliases: { hadolint: 'DL3044' },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      setInSameEnv: '`{name}` is set in this same ENV, so `${name}` is still empty here; set it in an earlier ENV',
    },
    docs: {
      summary: 'ENV value uses a variable set in the same ENV',
      why: 'Docker expands every value of an ENV instruction with the variables as they were before that instruction. In `ENV DIR=/app BIN=$DIR/bin`, `$DIR` is still unset, so BIN becomes `/bin`. Set the variable in an earlier ENV, then use it.',
      examples: [
        { bad: 'FROM debian:12-slim\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', good: 'FROM debian:12-slim\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#environment-replacement'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const env = (instr: Instr): void => {
      // Variables are looked up from the ONBUILD that wraps a trigger.
      const outer = instr.onbuild ?? instr;
      const props = instr.props;
      if (props.length < 2) return;
      const pairs: EnvPair[] = [];
      for (const p of props) {
        if (p.valueStart === undefined || p.valueEnd === undefined) continue;
        pairs.push({ name: p.name, valueStart: p.valueStart, valueText: model.text.slice(p.valueStart, p.valueEnd) });
      }
      const names = props.map((p) => p.name);
      for (const pair of pairs) {
        for (const ref of findVariables(pair.valueText, model.escapeChar)) {
          if (/^'/.test(pair.valueText)) break;
          const count = names.filter((n) => n === ref.name).length;
          if (!count || (ref.name === pair.name && count === 1)) continue;
          if (model.lookupVariable(ref.name, outer)) continue;
          ctx.report({ start: pair.valueStart + ref.start, end: pair.valueStart + ref.end, messageId: 'setInSameEnv', data: { name: ref.name } });
        }
      }
    };
    return { instructions: { ENV: env }, triggers: { ENV: env } };
  },
});
