// Instructions at the start of a line (or after ONBUILD): the keyword in the file's case, with a snippet of its
// usual form, and a few longer snippets (`FROM … AS …`, `COPY --from=…`, a cache-mounted RUN).
import type { DockerfileModel } from '../../model/dockerfile';
import { INSTRUCTIONS } from '../../model/syntax';
import { keywordHover } from '../instruction-docs';
import type { CompletionContext, Draft, Proposal } from '.';
import { stagesBefore } from './shared';

// The rest of each instruction's usual form, after its keyword (a snippet); none: the keyword and a space, and
// completion goes on (an image after FROM, an instruction after ONBUILD). Most used first.
const FORMS: ReadonlyArray<[keyword: string, rest: string | undefined]> = [
  ['FROM', undefined],
  ['RUN', ' ${1:command}'],
  ['COPY', ' ${1:source} ${2:destination}'],
  ['WORKDIR', ' ${1:/app}'],
  ['ENV', ' ${1:NAME}=${2:value}'],
  ['ARG', ' ${1:NAME}'],
  ['EXPOSE', ' ${1:8080}'],
  ['CMD', ' ["${1:executable}"]'],
  ['ENTRYPOINT', ' ["${1:executable}"]'],
  ['USER', ' ${1:user}'],
  ['LABEL', ' ${1:key}="${2:value}"'],
  ['ADD', ' ${1:source} ${2:destination}'],
  ['HEALTHCHECK', ' --interval=${1:30s} --timeout=${2:5s} CMD ${3:command}'],
  ['VOLUME', ' ["${1:/data}"]'],
  ['SHELL', ' ["${1:/bin/bash}", "-o", "pipefail", "-c"]'],
  ['STOPSIGNAL', ' ${1:SIGTERM}'],
  ['ONBUILD', undefined],
  ['MAINTAINER', ' ${1:name}'],
];

// Not allowed as an ONBUILD trigger.
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/**
 * The instructions that may start at `offset`: `instruction` on a line of its own (only ARG and FROM before the
 * first FROM), `trigger` after ONBUILD. `from` is where the keyword may start at the earliest (the line's start, or
 * the end of ONBUILD).
 */
export function keywordCompletions(model: DockerfileModel, mode: 'instruction' | 'trigger', offset: number, from: number, ctx: CompletionContext): Proposal | undefined {
  const { text } = model;
  let start = offset;
  while (start > from && /[A-Za-z]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z]/.test(text[end])) end++;
  if (!/^[ \t\uFEFF]*$/.test(text.slice(from, start))) return undefined;
  // A space typed after ONBUILD asks for its trigger; on an empty line it asks for nothing.
  if (ctx.trigger && mode === 'instruction') return undefined;
  const lower = writtenLowerCase(model, start);
  const cased = (k: string) => (lower ? k.toLowerCase() : k);
  const firstFrom = model.instructions.find((i) => i.keyword === 'FROM');
  const beforeFrom = mode === 'instruction' && (!firstFrom || firstFrom.start >= start);
  const stages = mode === 'instruction' ? stagesBefore(model, offset) : [];
  const drafts: Draft[] = [];
  for (const [keyword, rest] of FORMS) {
    if (beforeFrom ? keyword !== 'FROM' && keyword !== 'ARG' : mode === 'trigger' && NOT_TRIGGERS.has(keyword)) continue;
    const k = cased(keyword);
    const documentation = keywordHover(keyword, ctx.locale);
    drafts.push({
      label: k,
      kind: 'keyword',
      ...(documentation ? { documentation } : {}),
      ...(rest === undefined ? { insertText: `${k} `, retrigger: true } : { insertText: k + rest, snippet: true }),
      ...(keyword === 'MAINTAINER' ? { deprecated: true } : {}),
    });
    const extra = (label: string, snippet: string) => drafts.push({ label, kind: 'snippet', insertText: snippet, snippet: true, filterText: k, ...(documentation ? { documentation } : {}) });
    if (keyword === 'FROM') extra(`${k} image ${cased('AS')} name`, `${k} \${1:image}:\${2:tag} ${cased('AS')} \${3:name}`);
    if (keyword === 'RUN') extra(`${k} --mount=type=cache`, `${k} --mount=type=cache,target=\${1:/root/.cache} \${2:command}`);
    if (keyword === 'COPY' && stages.length) extra(`${k} --from=stage`, `${k} --from=\${1|${stages.map((s) => s.alias).join(',')}|} \${2:source} \${3:destination}`);
    if (keyword === 'HEALTHCHECK') extra(`${k} ${cased('NONE')}`, `${k} ${cased('NONE')}`);
  }
  return { start, end, drafts };
}

/** The file writes its keywords in lower case (most of those before or after `except`, a keyword being typed). */
function writtenLowerCase(model: DockerfileModel, except: number): boolean {
  let lower = 0;
  let upper = 0;
  for (const instr of model.instructions) {
    for (const i of instr.trigger ? [instr, instr.trigger] : [instr]) {
      if (i.keywordStart === except || !INSTRUCTIONS.has(i.keyword)) continue;
      const written = model.text.slice(i.keywordStart, i.keywordEnd);
      if (written === i.keyword) upper++;
      else if (written === i.keyword.toLowerCase()) lower++;
    }
  }
  return lower > upper;
}
