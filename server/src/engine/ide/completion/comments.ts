// Comment lines: the parser directives of the header (`# syntax=`, `# escape=`, `# check=`) and their values, and
// the names of suppression pragmas: rule ids after `# dockwise ignore=`, hadolint codes after `# hadolint ignore=`,
// BuildKit check names after `check=skip=`. In a comma-separated list only the item at the cursor is completed.
import type { DockerfileModel } from '../../model/dockerfile';
import { allRules } from '../../rules';
import { localizedDocs } from '../../i18n/catalog';
import type { Rule } from '../../rule';
import { plainText } from '../../plain-text';
import type { CompletionContext, Draft, Proposal } from '.';
import { say } from './shared';

const DIRECTIVES = ['syntax', 'escape', 'check'] as const;
type DirectiveName = (typeof DIRECTIVES)[number];

const PRAGMAS: ReadonlyArray<[text: string, doc: 'completion.pragma.dockwise' | 'completion.pragma.dockwiseGlobal' | 'completion.pragma.hadolint' | 'completion.pragma.hadolintGlobal']> = [
  ['dockwise ignore', 'completion.pragma.dockwise'],
  ['dockwise global ignore', 'completion.pragma.dockwiseGlobal'],
  ['hadolint ignore', 'completion.pragma.hadolint'],
  ['hadolint global ignore', 'completion.pragma.hadolintGlobal'],
];

// The same lines config/pragmas.ts reads, up to the list of names.
const DOCKWISE = /^\uFEFF?\s*#\s*dockwise\s+(?:global\s+)?ignore\s*=\s*/i;
const HADOLINT = /^\uFEFF?\s*#\s*hadolint\s+(?:global\s+|stage\s+)?ignore\s*=\s*/;
const DIRECTIVE = /^\uFEFF?\s*#\s*(syntax|escape|check)\s*=\s*/i;

export function commentCompletions(model: DockerfileModel, line: number, offset: number, ctx: CompletionContext): Proposal | undefined {
  const lineStart = model.lines.lineStart(line);
  const lineEnd = model.lines.lineEnd(line);
  const before = model.text.slice(lineStart, offset);
  const header = inHeader(model, line);
  let m: RegExpExecArray | null;
  if ((m = /^(\uFEFF?\s*#\s*)([A-Za-z-]*)$/.exec(before))) {
    // A space typed after `#` asks for directives in the header only: elsewhere it starts a comment.
    if (ctx.trigger && !header) return undefined;
    const start = lineStart + m[1].length;
    let end = offset;
    while (end < lineEnd && /[A-Za-z-]/.test(model.text[end])) end++;
    return firstWords(model, header, start, end, ctx);
  }
  if ((m = DOCKWISE.exec(before))) return listItem(model, lineStart + m[0].length, offset, lineEnd, ',', dockwiseIds(ctx));
  if ((m = HADOLINT.exec(before))) return listItem(model, lineStart + m[0].length, offset, lineEnd, ',', aliasDrafts('hadolint', ctx));
  if ((m = DIRECTIVE.exec(before))) {
    const name = m[1].toLowerCase() as DirectiveName;
    const valueStart = lineStart + m[0].length;
    // `# check=skip=…` directly above an instruction is a pragma Dockwise reads; the others are directives only.
    if (name === 'check') return checkCompletions(model, valueStart, offset, lineEnd, header, ctx);
    if (!header) return undefined;
    const t = say(ctx);
    const values: Draft[] = name === 'syntax'
      ? [{ label: 'docker/dockerfile:1', kind: 'value', documentation: t('completion.syntax.stable') }, { label: 'docker/dockerfile:1-labs', kind: 'value', documentation: t('completion.syntax.labs') }]
      : [{ label: '\\', kind: 'value', documentation: t('completion.escape.backslash') }, { label: '`', kind: 'value', documentation: t('completion.escape.backtick') }];
    return { start: valueStart, end: lineStart + model.lines.lineText(line).trimEnd().length, drafts: values };
  }
  return undefined;
}

/** Parser directives are read only before any other line: the header is the lines that are all directives. */
function inHeader(model: DockerfileModel, line: number): boolean {
  const lines = new Set(model.directives.map((d) => d.line));
  for (let l = 0; l < line; l++) if (!lines.has(l)) return false;
  return true;
}

function firstWords(model: DockerfileModel, header: boolean, start: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const t = say(ctx);
  const present = new Set(model.directives.map((d) => d.name.toLowerCase()));
  const drafts: Draft[] = [];
  if (header) {
    for (const name of DIRECTIVES) {
      if (!present.has(name)) drafts.push({ label: name, kind: 'directive', insertText: `${name}=`, retrigger: true, documentation: t(`completion.directive.${name}`) });
    }
  }
  for (const [text, doc] of PRAGMAS) drafts.push({ label: text, kind: 'directive', insertText: `${text}=`, retrigger: true, documentation: t(doc) });
  return { start, end, drafts };
}

/**
 * The item of a `sep`-separated list at the cursor (the list starts at `listStart`), completed with `choices`
 * less the items the list already has.
 */
function listItem(model: DockerfileModel, listStart: number, offset: number, lineEnd: number, sep: string, choices: Draft[]): Proposal | undefined {
  const { text } = model;
  let start = offset;
  while (start > listStart && text[start - 1] !== sep && !/\s/.test(text[start - 1])) start--;
  let end = offset;
  while (end < lineEnd && text[end] !== sep && !/\s/.test(text[end]) && text[end] !== ';') end++;
  let listEnd = offset;
  while (listEnd < lineEnd && !/[\s;#]/.test(text[listEnd])) listEnd++;
  const others = new Set(text.slice(listStart, listEnd).split(sep).map((s) => s.trim()));
  others.delete(text.slice(start, end));
  const drafts = choices.filter((c) => !others.has(c.label));
  return drafts.length ? { start, end, drafts } : undefined;
}

/** `check=skip=A,B;error=true;experimental=C`: a key, or an item of the part the cursor is in. */
function checkCompletions(model: DockerfileModel, valueStart: number, offset: number, lineEnd: number, header: boolean, ctx: CompletionContext): Proposal | undefined {
  const t = say(ctx);
  const partStart = valueStart + model.text.slice(valueStart, offset).lastIndexOf(';') + 1;
  const part = model.text.slice(partStart, offset);
  const eq = part.indexOf('=');
  if (eq < 0) {
    if (!header) return undefined;
    let end = offset;
    while (end < lineEnd && /[A-Za-z]/.test(model.text[end])) end++;
    const keys: Draft[] = [
      { label: 'skip', kind: 'directive', insertText: 'skip=', retrigger: true, documentation: t('completion.check.skip') },
      { label: 'error', kind: 'directive', insertText: 'error=', retrigger: true, documentation: t('completion.check.error') },
      { label: 'experimental', kind: 'directive', insertText: 'experimental=', retrigger: true, documentation: t('completion.check.experimental') },
    ];
    return { start: partStart + part.length - part.trimStart().length, end, drafts: keys };
  }
  const key = part.slice(0, eq).trim().toLowerCase();
  const listStart = partStart + eq + 1;
  if (key === 'skip' || (key === 'experimental' && header)) {
    return listItem(model, listStart, offset, lineEnd, ',', [{ label: 'all', kind: 'value', documentation: t('completion.check.all') }, ...aliasDrafts('buildkit', ctx)]);
  }
  if (key === 'error' && header) return listItem(model, listStart, offset, lineEnd, ',', [{ label: 'true', kind: 'value' }, { label: 'false', kind: 'value' }]);
  return undefined;
}

function dockwiseIds(ctx: CompletionContext): Draft[] {
  return [...allRules]
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
    .map((r) => {
      const docs = localizedDocs(r.meta, ctx.locale);
      return { label: r.meta.id, kind: 'rule', detail: plainText(docs.summary), documentation: docs.why };
    });
}

/** hadolint codes or BuildKit check names, once each (one BuildKit check can stand for several rules). */
function aliasDrafts(tool: 'hadolint' | 'buildkit', ctx: CompletionContext): Draft[] {
  const byAlias = new Map<string, Rule[]>();
  for (const r of allRules) {
    const alias = r.meta.aliases[tool];
    if (alias) byAlias.set(alias, [...(byAlias.get(alias) ?? []), r]);
  }
  return [...byAlias]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([alias, rules]) => ({
      label: alias,
      kind: 'rule',
      detail: rules.map((r) => r.meta.id).join(', '),
      documentation: rules.map((r) => localizedDocs(r.meta, ctx.locale).summary).join('\n\n'),
    }));
}
