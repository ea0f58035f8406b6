// The hover request: the engine's hover (engine/ide/hover.ts) over the document's current analysis.
import type { Hover, HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../engine/ide/hover';
import { resolve } from '../engine/ide/resolve';
import { defineStrings, localize } from '../engine/i18n/catalog';
import type { DockerfileModel } from '../engine/model/dockerfile';
import { invocationLabel } from '../workspace/invocation-lint';
import { refactoringHints } from './refactorings';
import type { Session } from './session';

export const ARG_HOVER_STRINGS = defineStrings({
  'hover.argPassed': '{invocation} passes `{name}={value}`',
  'hover.argNotPassed': '{invocation} passes no `{name}`: the default applies',
});

/** On an ARG's name (its definition or a use), what each compose service and bake target the file is linted as passes for it. */
async function passedValues(session: Session, uri: string, model: DockerfileModel, offset: number): Promise<string | undefined> {
  const target = resolve(model, offset);
  const isArg = (use: { name: string; instr: DockerfileModel['instructions'][number] }) => (use.instr.keyword === 'FROM' ? model.globalArgs.has(use.name) : model.lookupVariable(use.name, use.instr)?.kind === 'ARG');
  const name = target?.kind === 'variable-definition' && target.definition.kind === 'ARG' ? target.definition.name
    : target?.kind === 'variable-use' && isArg(target.use) ? target.use.name : undefined;
  if (!name) return undefined;
  // The builds the document is linted as (the one chosen, or none when it is linted alone).
  const { invocations } = session.chosenInvocations(uri, await session.invocationsOf(uri));
  if (!invocations.length || !invocations.some((i) => name in i.args)) return undefined;
  const locale = session.workspace.locale;
  return invocations.map((i) => {
    const invocation = invocationLabel(i, locale);
    return name in i.args ? localize(ARG_HOVER_STRINGS, 'hover.argPassed', locale, { invocation, name, value: i.args[name] }) : localize(ARG_HOVER_STRINGS, 'hover.argNotPassed', locale, { invocation, name });
  }).join('  \n');
}

export async function hoverRequest(session: Session, params: HoverParams): Promise<Hover | null> {
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const entry = await session.analyse(doc);
    if (!entry) return null;
    const { instructions } = entry.settings.hover;
    const keywords = instructions === 'on' || (instructions === 'auto' && !session.dockerExtensionActive);
    const locale = session.workspace.locale;
    const offset = doc.offsetAt(params.position);
    const h = hoverAt(entry.model, entry.findings, offset, { today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10), keywords, pageLink: (id) => session.pages.hoverLink(id, locale), locale });
    // What a refactoring offered right here brings with it (the build command a secret mount needs).
    const hints = (await refactoringHints(session, doc, entry, offset)).join('\n\n');
    // On an ARG: the value each compose service or bake target passes.
    const passed = await passedValues(session, doc.uri, entry.model, offset);
    if (!h && !hints && !passed) return null;
    const markdown = [h?.markdown, passed, hints].filter(Boolean).join('\n\n---\n\n');
    return { contents: { kind: 'markdown', value: markdown }, ...(h ? { range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } } : {}) };
  } catch (e) {
    session.connection.console.error(`Dockwise: hover failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
}
