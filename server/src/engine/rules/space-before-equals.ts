import { defineRule, type FixInput } from '../rule';
import type { Instr, InstructionProperty } from '../model/dockerfile';
import { asKeyValue } from '../format/key-value';

export default defineRule({
  meta: {
    id: 'space-before-equals',
    aliases: {},
    counterparts: {
      sonar: ['S6574'],
      differences: 'Also finds `ARG NAME= value` (a default of nothing and a second ARG), leaves the legacy `ENV key value` form alone when its value only contains `=`, and rewrites the pair as the author meant it.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      spaceBefore: 'The space before `=` makes this the legacy "{keyword} key value" form: `{name}` gets the value `{value}`',
      argSpaceBefore: 'The space before `=` leaves ARG `{name}` without a default, and `{value}` is not its default',
      argSpaceAfter: 'The space after `=` gives ARG `{name}` an empty default and declares `{next}` as another ARG',
      joinPair: 'Write {name}={value} (unsafe: the value changes to what was meant)',
    },
    docs: {
      summary: 'Space around `=` in ENV, ARG or LABEL',
      why: 'In ENV, ARG and LABEL the `=` of `key=value` must touch the key. `ENV PORT =8080` is read as the legacy `key value` form, so PORT becomes the four-character string `=8080`, and `LABEL version = 1.0` sets version to `= 1.0`; nothing fails until a program reads the value. In ARG, `VERSION =1.2` declares VERSION with no default, and `VERSION= 1.2` gives it an empty one and declares a second ARG named `1.2`. Write `key=value` with no blanks around `=`, quoting the value if it has spaces.',
      examples: [
        { bad: 'FROM node:22-slim\nENV PORT =8080\n', good: 'FROM node:22-slim\nENV PORT=8080\n' },
        { bad: 'FROM alpine:3.21\nARG VERSION= 1.2\nRUN echo "$VERSION"\n', good: 'FROM alpine:3.21\nARG VERSION=1.2\nRUN echo "$VERSION"\n' },
      ],
      fixSafety: 'The fix gives the key the value its author meant instead of the one Docker sets today (`=8080`, or no default), which changes what the build and the container see.',
      references: ['https://docs.docker.com/reference/dockerfile/#env', 'https://docs.docker.com/reference/dockerfile/#arg', 'https://docs.docker.com/reference/dockerfile/#label'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const text = model.text;
    const oneLine = (from: number, to: number) => !/[\r\n]/.test(text.slice(from, to));
    const pairs = (instr: Instr): void => {
      const props = instr.props;
      for (let k = 0; k < props.length; k++) {
        const p = props[k];
        if (!p.assignment && p.value?.startsWith('=') && p.valueStart !== undefined && p.valueEnd !== undefined && /^[ \t]+$/.test(text.slice(p.nameEnd, p.valueStart))) {
          reportBefore(instr, p, p.valueStart, p.valueEnd);
          continue;
        }
        const next = props[k + 1];
        // `ARG NAME= value`: BuildKit declares NAME with an empty default, then an ARG called `value`.
        if (instr.keyword === 'ARG' && p.assignment && p.value === '' && p.valueStart === p.valueEnd && p.valueStart !== undefined && text[p.valueStart - 1] === '='
          && next && next.value === null && /^[ \t]+$/.test(text.slice(p.valueStart, next.nameStart)) && /^[A-Za-z0-9_.-]+$/.test(next.name)) {
          const value = text.slice(next.nameStart, next.nameEnd);
          ctx.report({
            start: p.valueStart,
            end: next.nameStart,
            messageId: 'argSpaceAfter',
            data: { name: p.name, next: next.name },
            fixes: [{ titleId: 'joinPair', data: { name: p.name, value }, safety: 'unsafe', edits: [{ start: p.valueStart, end: next.nameStart, text: '' }] }],
          });
          k++;
        }
      }
    };
    /** `key =value` / `key = value`: the blanks and the `=` are reported; the fix joins them to the key. */
    const reportBefore = (instr: Instr, p: InstructionProperty, valueStart: number, valueEnd: number): void => {
      const meant = text.slice(valueStart + 1, valueEnd).replace(/^[ \t]+/, '');
      const value = oneLine(p.nameEnd, valueEnd) ? asKeyValue(meant) : undefined;
      const fixes: FixInput[] = value === undefined ? [] : [{ titleId: 'joinPair', data: { name: p.name, value: value.length > 30 ? value.slice(0, 27) + '…' : value }, safety: 'unsafe', edits: [{ start: p.nameEnd, end: valueEnd, text: `=${value}` }] }];
      const shown = p.value!.length > 30 ? p.value!.slice(0, 27) + '…' : p.value!;
      ctx.report({
        start: p.nameEnd,
        end: valueStart + 1,
        ...(instr.keyword === 'ARG' ? { messageId: 'argSpaceBefore', data: { name: p.name, value: shown } } : { messageId: 'spaceBefore', data: { keyword: instr.keyword, name: p.name, value: shown } }),
        fixes,
      });
    };
    return { instructions: { ENV: pairs, ARG: pairs, LABEL: pairs }, triggers: { ENV: pairs, ARG: pairs, LABEL: pairs } };
  },
});
