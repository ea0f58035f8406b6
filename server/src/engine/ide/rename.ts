// Rename a stage or a variable with every reference, or say why not: a rename must leave the build as it was
// (numeric `--from=0` stays as it is and still right; a name BuildKit or the base image also sets is refused).
import { defineStrings, speaker } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { isPlatformArg, PROXY_ARGS } from '../model/build-args';
import { stageStartEnv } from '../model/base-images';
import { DEV_ENVIRONMENT_TARGET, type DockerfileModel, type Stage } from '../model/dockerfile';
import { namesInUse, RESERVED_STAGE_NAMES, STAGE_NAME } from '../model/stage-names';
import { namedThing, type NamedThing } from './navigation';
import { resolve } from './resolve';
import { allDefinitions, type VariableSymbol } from './variables';
import type { OffsetEdit } from '../types';

export const RENAME_STRINGS = defineStrings({
  'rename.nothing': 'Only a stage name or an ARG or ENV variable of this file can be renamed here.',
  'rename.stageThroughVariable': 'Stage `{name}` is also named through a variable (line {line}): renaming it would change what that line builds from.',
  'rename.devEnvironment': 'Docker Dev Environments builds the stage named `{name}`: renamed, it would no longer find it.',
  'rename.badStageName': '`{name}` is not a stage name: use lower-case letters, digits, `.`, `_` and `-`, starting with a letter.',
  'rename.reservedStageName': '`{name}` is reserved by BuildKit and cannot name a stage.',
  'rename.stageNameTaken': '`{name}` already names a stage or an image in this file: references to it would change meaning.',
  'rename.predefinedArg': '`{name}` is set by BuildKit itself: renamed, it would no longer receive that value.',
  'rename.imageEnv': 'The base image `{image}` sets `{name}` too: renamed, its value would still be set under the old name.',
  'rename.badVariableName': '`{name}` is not a variable name: use letters, digits and `_`, not starting with a digit.',
  'rename.variableNameTaken': '`{name}` is already a variable of this file or its base image: the uses would read a different value.',
  'rename.usedOutside': '`{name}` appears in {file}, which builds this Dockerfile: {what}. Rename it there first, or rename by hand.',
  'rename.usedOutside.stage': 'it may name the stage as a build target',
  'rename.usedOutside.arg': 'it may pass it as a build argument',
});

export interface RenameTarget {
  start: number;
  end: number;
  /** The name as it stands (the placeholder the editor shows). */
  name: string;
  thing: NamedThing;
}

export type Refusal = { refused: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a rename at `offset` would rename, or why it cannot. */
export function renameTarget(model: DockerfileModel, offset: number, locale: Locale = 'en'): RenameTarget | Refusal {
  const t = speaker(RENAME_STRINGS, locale);
  const target = resolve(model, offset);
  const thing = namedThing(model, target);
  if (!target || !thing) return { refused: t('rename.nothing') };
  const name = thing.kind === 'stage' ? thing.stage.alias : thing.symbol.name;
  // A stage without a name is referenced by number only: there is nothing to rename.
  if (!name) return { refused: t('rename.nothing') };
  const problem = thing.kind === 'stage' ? stageProblem(model, thing.stage, locale) : variableProblem(thing.symbol, locale);
  if (problem) return { refused: problem };
  return { start: target.start, end: target.end, name, thing };
}

function stageProblem(model: DockerfileModel, stage: Stage, locale: Locale): string | undefined {
  const t = speaker(RENAME_STRINGS, locale);
  const alias = stage.alias!;
  if (alias.toLowerCase() === DEV_ENVIRONMENT_TARGET) return t('rename.devEnvironment', { name: alias });
  for (const r of stage.references) {
    const written = model.text.slice(r.start, r.end);
    if (written.toLowerCase() !== alias.toLowerCase() && !/^\d+$/.test(written)) return t('rename.stageThroughVariable', { name: alias, line: r.instr.line + 1 });
  }
  return undefined;
}

/** The base image (at the root of a definition's stage) whose own ENV sets `name`. */
function imageSetting(symbol: VariableSymbol, name: string): Stage | undefined {
  for (const d of symbol.definitions) {
    let root = d.instr.stage;
    while (root?.parent) root = root.parent;
    if (root && stageStartEnv(root)?.has(name)) return root;
  }
  return undefined;
}

function variableProblem(symbol: VariableSymbol, locale: Locale): string | undefined {
  const t = speaker(RENAME_STRINGS, locale);
  const { name } = symbol;
  if (symbol.kind === 'ARG' && (isPlatformArg(name) || (PROXY_ARGS as readonly string[]).includes(name))) return t('rename.predefinedArg', { name });
  const image = symbol.kind === 'ENV' ? imageSetting(symbol, name) : undefined;
  if (image || symbol.imageUses.length) return t('rename.imageEnv', { name, image: (image ?? symbol.imageUses[0].instr.stage!).image.raw });
  return undefined;
}

/** The edits of renaming `target` to `newName`, or why that name cannot be used. */
export function renameEdits(model: DockerfileModel, target: RenameTarget, newName: string, locale: Locale = 'en'): OffsetEdit[] | Refusal {
  const t = speaker(RENAME_STRINGS, locale);
  const { thing } = target;
  if (thing.kind === 'stage') {
    const stage = thing.stage;
    if (!STAGE_NAME.test(newName)) return { refused: t('rename.badStageName', { name: newName }) };
    if (RESERVED_STAGE_NAMES.has(newName)) return { refused: t('rename.reservedStageName', { name: newName }) };
    const taken = namesInUse(model, stage);
    taken.delete(stage.alias!.toLowerCase());
    if (taken.has(newName) && newName !== stage.alias!.toLowerCase()) return { refused: t('rename.stageNameTaken', { name: newName }) };
    const edits: OffsetEdit[] = [{ start: stage.aliasStart!, end: stage.aliasEnd!, text: newName }];
    // References by number (`--from=0`) still point at the same stage.
    for (const r of stage.references) if (!/^\d+$/.test(model.text.slice(r.start, r.end))) edits.push({ start: r.start, end: r.end, text: newName });
    return edits;
  }
  const symbol = thing.symbol;
  if (!VARIABLE_NAME.test(newName)) return { refused: t('rename.badVariableName', { name: newName }) };
  if (newName === symbol.name) return [];
  if (isPlatformArg(newName) || (PROXY_ARGS as readonly string[]).includes(newName)) return { refused: t('rename.predefinedArg', { name: newName }) };
  if (allDefinitions(model).some((d) => d.name === newName) || imageSetting(symbol, newName)) return { refused: t('rename.variableNameTaken', { name: newName }) };
  return [...symbol.definitions, ...symbol.uses].map((o) => ({ start: o.start, end: o.end, text: newName })).sort((a, b) => a.start - b.start);
}
