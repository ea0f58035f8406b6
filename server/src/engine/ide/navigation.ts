// Go to definition, find references and document highlights: stage names and variables, by the resolver and the
// scopes of variables.ts. Offsets in, offsets out: the LSP layer turns them into locations.
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { resolve, type Target } from './resolve';
import { bindingOf, symbolOf, type VariableSymbol } from './variables';

export interface Occurrence {
  start: number;
  end: number;
  /** Where the name is defined (`AS name`, `ARG NAME`, `ENV NAME=`), as opposed to read. */
  definition: boolean;
}

/** What a name at the cursor stands for: a stage of the file or a variable symbol. */
export type NamedThing = { kind: 'stage'; stage: Stage } | { kind: 'variable'; symbol: VariableSymbol };

/** The stage or variable the target names (undefined: an image, an unset variable, anything else). */
export function namedThing(model: DockerfileModel, target: Target | undefined): NamedThing | undefined {
  if (!target) return undefined;
  switch (target.kind) {
    case 'stage-definition': return { kind: 'stage', stage: target.stage };
    case 'stage-reference': return target.stage ? { kind: 'stage', stage: target.stage } : undefined;
    case 'variable-definition': return { kind: 'variable', symbol: symbolOf(model, target.definition) };
    case 'variable-use': {
      const b = bindingOf(model, target.use);
      return b.kind === 'definition' ? { kind: 'variable', symbol: symbolOf(model, b.definition) } : undefined;
    }
    default: return undefined;
  }
}

/** Every occurrence of a stage's name: its `AS name` and the references that spell it (`--from=0` included). */
function stageOccurrences(stage: Stage): Occurrence[] {
  const out: Occurrence[] = [];
  if (stage.aliasStart !== undefined && stage.aliasEnd !== undefined) out.push({ start: stage.aliasStart, end: stage.aliasEnd, definition: true });
  for (const r of stage.references) out.push({ start: r.start, end: r.end, definition: false });
  return out.sort((a, b) => a.start - b.start);
}

function variableOccurrences(symbol: VariableSymbol): Occurrence[] {
  return [
    ...symbol.definitions.map((d) => ({ start: d.start, end: d.end, definition: true })),
    ...symbol.uses.map((u) => ({ start: u.start, end: u.end, definition: false })),
  ].sort((a, b) => a.start - b.start);
}

export function occurrencesOf(thing: NamedThing): Occurrence[] {
  return thing.kind === 'stage' ? stageOccurrences(thing.stage) : variableOccurrences(thing.symbol);
}

/**
 * Where the name at `offset` is defined. A stage: its `AS name`, or its FROM's image when it has no name. A variable:
 * the ARG or ENV the use reads (one place: the nearest definition in scope, not every ARG of the name).
 */
export function definitionAt(model: DockerfileModel, offset: number): Array<{ start: number; end: number }> {
  const target = resolve(model, offset);
  if (!target) return [];
  if (target.kind === 'stage-reference' || target.kind === 'stage-definition') {
    const stage = target.stage;
    if (!stage) return [];
    return stage.aliasStart !== undefined ? [{ start: stage.aliasStart, end: stage.aliasEnd! }] : [{ start: stage.imageStart, end: stage.imageEnd }];
  }
  if (target.kind === 'variable-use') {
    const b = bindingOf(model, target.use);
    return b.kind === 'definition' ? [{ start: b.definition.start, end: b.definition.end }] : [];
  }
  if (target.kind === 'variable-definition') return [{ start: target.definition.start, end: target.definition.end }];
  return [];
}

/** Every occurrence of the name at `offset` in this file (definitions included or not). */
export function referencesAt(model: DockerfileModel, offset: number, includeDefinitions: boolean): Occurrence[] {
  const thing = namedThing(model, resolve(model, offset));
  if (!thing) return [];
  const all = occurrencesOf(thing);
  return includeDefinitions ? all : all.filter((o) => !o.definition);
}
