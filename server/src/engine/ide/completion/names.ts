// Variable names: after `$` or `${` where Docker or a shell reads them, the variables Docker's scopes give the
// instruction (ARG and ENV of this file with their values, the base image's ENV) and BuildKit's predefined ones
// (platform ARGs on FROM lines and in the global scope, proxy ARGs in RUN); after `ARG` in a stage, the global
// ARGs and platform ARGs the stage has not declared yet.
import type { DockerfileModel, Instr } from '../../model/dockerfile';
import { rootStage } from '../../model/base-images';
import { PLATFORM_ARGS, PROXY_ARGS } from '../../model/build-args';
import { withoutSingleQuoted } from '../../model/variables';
import { allDefinitions, redeclaredGlobal, variableReader, variablesInScope, type Binding } from '../variables';
import type { CompletionContext, Draft, Proposal } from '.';
import { say } from './shared';

type Key = Parameters<ReturnType<typeof say>>[0];

const NAME_CHAR = /[A-Za-z0-9_]/;

/** The variables at a `$NAME` or `${NAME` being typed, or undefined when the cursor is not after one. */
export function variableCompletions(model: DockerfileModel, instr: Instr, offset: number, ctx: CompletionContext): Proposal | undefined {
  const reader = variableReader(instr);
  if (!reader) return undefined;
  const { text, escapeChar } = model;
  const head = withoutSingleQuoted(text.slice(instr.keywordEnd, offset), escapeChar);
  const m = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(head);
  if (!m) return undefined;
  const dollar = instr.keywordEnd + m.index;
  // `\$` is a dollar sign; `$$` the shell's process ID.
  if (text[dollar - 1] === escapeChar || text[dollar - 1] === '$') return undefined;
  const start = dollar + 1 + m[1].length;
  let end = offset;
  while (end < text.length && NAME_CHAR.test(text[end])) end++;
  const close = m[1] && text[end] !== '}' ? '}' : '';
  const t = say(ctx);
  const scope = variablesInScope(model, instr, reader === 'shell');
  const entries = [...scope].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const drafts: Draft[] = [];
  const add = (name: string, detail: string, documentation: string) => drafts.push({ label: name, kind: 'variable', detail, documentation, ...(close ? { insertText: name + close } : {}) });
  for (const [name, binding] of entries) if (binding.kind === 'definition') add(name, ...definitionTexts(model, name, binding, ctx));
  for (const [name, binding] of entries) {
    if (binding.kind !== 'image') continue;
    const { image: ref } = rootStage(binding.stage);
    const image = ref.unresolved.length ? ref.raw : ref.resolved;
    add(name, t('completion.var.image', { image }), t('completion.var.fromImage', { name, image }));
  }
  const at = instr.onbuild ?? instr;
  // BuildKit sets the platform ARGs in the global scope (FROM lines, global ARG defaults), and gives RUN the proxy ARGs.
  const predefined: Array<[string, Key]> = at.keyword === 'FROM' || at.stage === null
    ? PLATFORM_ARGS.map((n) => [n, `completion.var.${n}` as Key])
    : instr.keyword === 'RUN' ? PROXY_ARGS.map((n) => [n, 'completion.var.proxy']) : [];
  for (const [name, doc] of predefined) if (!scope.has(name)) add(name, t('completion.var.buildkit'), t(doc));
  return drafts.length ? { start, end, drafts } : undefined;
}

function definitionTexts(model: DockerfileModel, name: string, binding: Extract<Binding, { kind: 'definition' }>, ctx: CompletionContext): [detail: string, documentation: string] {
  const t = say(ctx);
  const d = binding.definition;
  const detail = t(d.kind === 'ARG' ? 'completion.var.arg' : 'completion.var.env', { line: d.instr.line + 1 });
  if (d.prop.value !== null) return [detail, t('completion.var.value', { name, value: d.prop.value })];
  const global = redeclaredGlobal(model, d);
  if (global?.prop.value != null) return [detail, t('completion.var.globalValue', { name, value: global.prop.value, line: global.instr.line + 1 })];
  return [detail, t('completion.var.noDefault', { name })];
}

/** After `ARG` in a stage: the names a stage must declare to use, global ARGs and BuildKit's platform ARGs. */
export function argNameCompletions(model: DockerfileModel, instr: Instr, start: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const stage = instr.stage;
  if (!stage || instr.onbuild) return undefined;
  const t = say(ctx);
  const declared = new Set(stage.instructions.slice(0, instr.index).flatMap((i) => (i.keyword === 'ARG' ? i.props.map((p) => p.name) : [])));
  const drafts: Draft[] = [];
  for (const d of allDefinitions(model)) {
    if (!d.global || declared.has(d.name)) continue;
    declared.add(d.name);
    drafts.push({ label: d.name, kind: 'variable', detail: t('completion.var.arg', { line: d.instr.line + 1 }), documentation: t('completion.var.redeclare', { line: d.instr.line + 1 }) });
  }
  for (const name of PLATFORM_ARGS) {
    if (declared.has(name)) continue;
    drafts.push({ label: name, kind: 'variable', detail: t('completion.var.buildkit'), documentation: `${t(`completion.var.${name}` as Key)}\n\n${t('completion.var.redeclarePlatform')}` });
  }
  return drafts.length ? { start, end, drafts } : undefined;
}
