// What follows an instruction's keyword: a variable after `$`, a flag and its value, the image and `AS` of a FROM,
// HEALTHCHECK's CMD or NONE, the name an ARG declares in a stage.
import type { DockerfileModel, Instr } from '../../model/dockerfile';
import type { CompletionContext, Proposal } from '.';
import { flagCompletions } from './flags';
import { fromCompletions } from './images';
import { argNameCompletions, variableCompletions } from './names';
import { say } from './shared';

const BLANK = /\s/;

export function argumentCompletions(model: DockerfileModel, instr: Instr, offset: number, ctx: CompletionContext): Proposal | undefined {
  const { text } = model;
  let start = offset;
  while (start > instr.keywordEnd && !BLANK.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !BLANK.test(text[end])) end++;
  const variables = variableCompletions(model, instr, offset, ctx);
  if (variables) return variables;
  const word = text.slice(start, offset);
  // Flags come before the first argument.
  const position = instr.args.filter((a) => a.start < start).length;
  if (position === 0 && word.startsWith('-')) return flagCompletions(model, instr, offset, start, end, ctx);
  const own = instr.execForm ? undefined : ownArguments(model, instr, position, offset, start, end, ctx);
  // Asked for with nothing typed yet: the flags too, after what the instruction takes.
  if (position === 0 && word === '' && !ctx.trigger) {
    const flags = flagCompletions(model, instr, offset, start, end, ctx);
    if (flags) return { start, end, drafts: [...(own?.drafts ?? []), ...flags.drafts] };
  }
  return own;
}

function ownArguments(model: DockerfileModel, instr: Instr, position: number, offset: number, start: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const word = model.text.slice(start, offset);
  switch (instr.keyword) {
    case 'FROM': return fromCompletions(model, instr, position, offset, start, end, ctx);
    case 'ARG': return position === 0 && /^\w*$/.test(word) ? argNameCompletions(model, instr, start, end, ctx) : undefined;
    case 'HEALTHCHECK': {
      if (position !== 0 || !/^[A-Za-z]*$/.test(word)) return undefined;
      const lower = model.text.slice(instr.keywordStart, instr.keywordEnd) === 'healthcheck';
      const t = say(ctx);
      return {
        start,
        end,
        drafts: [
          { label: lower ? 'cmd' : 'CMD', kind: 'keyword', insertText: `${lower ? 'cmd' : 'CMD'} `, documentation: t('completion.healthcheck.cmd') },
          { label: lower ? 'none' : 'NONE', kind: 'keyword', documentation: t('completion.healthcheck.none') },
        ],
      };
    }
    default: return undefined;
  }
}
