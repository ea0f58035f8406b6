// Which build an open Dockerfile is linted as, and choosing another: the compose services and bake targets that
// build it are listed (dockwise/invocations) for the editor to show and offer (VS Code's status-bar item), and
// dockwise/chooseInvocation lints the document as one of them, as all of them (the default) or alone (`docker
// build` of its folder) until it closes. Other editors run the same through workspace/executeCommand.
import { defineStrings, localize } from '../engine/i18n/catalog';
import type { Locale } from '../engine/i18n/locale';
import type { Invocation } from '../engine/invocation';
import { invocationLabel } from '../workspace/invocation-lint';
import { ALL_BUILDS, invocationChoiceKey, type InvocationChoice } from '../workspace/invocation-choice';
import type { Diagnostics } from './diagnostics';
import type { Session } from './session';

export const INVOCATIONS_REQUEST = 'dockwise/invocations';
export const CHOOSE_INVOCATION_REQUEST = 'dockwise/chooseInvocation';
/** Sent when a compose, bake or .env file changed: the builds of the open documents may have changed. */
export const INVOCATIONS_CHANGED_NOTIFICATION = 'dockwise/invocationsChanged';
/** The same as the requests, for editors that only run commands: arguments [uri] and [uri, key]. */
export const LIST_INVOCATIONS_COMMAND = 'dockwise.server.invocations';
export const CHOOSE_INVOCATION_COMMAND = 'dockwise.server.chooseInvocation';

export const INVOCATION_CHOICE_STRINGS = defineStrings({
  'invocationChoice.target': 'target {target}',
  'invocationChoice.context': 'context {context}',
});

export interface InvocationItem {
  /** What dockwise/chooseInvocation takes to lint as this build. */
  key: string;
  /** The service or target: `api`. */
  name: string;
  /** `compose service api`, as findings name it. */
  label: string;
  /** Where it is declared, its target and its context: `compose.yaml:3 · target builder · context services/api`. */
  detail: string;
  chosen: boolean;
}

export interface InvocationsList {
  items: InvocationItem[];
  /** A key, `all` or `alone`. */
  chosen: InvocationChoice;
  /** The compose and bake files read, relative to the workspace folder. */
  files: string[];
}

const NONE: InvocationsList = { items: [], chosen: ALL_BUILDS, files: [] };

function detailOf(i: Invocation, locale: Locale): string {
  const parts = [i.source.line ? `${i.source.file}:${i.source.line}` : i.source.file];
  if (i.target) parts.push(localize(INVOCATION_CHOICE_STRINGS, 'invocationChoice.target', locale, { target: i.target }));
  parts.push(localize(INVOCATION_CHOICE_STRINGS, 'invocationChoice.context', locale, { context: i.context }));
  return parts.join(' · ');
}

function uriOf(params: unknown): string | undefined {
  const uri = (params as { uri?: unknown } | null | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** The builds of an open document and which one it is linted as; none for a document not open (or Dockwise off). */
export async function listInvocations(session: Session, params: unknown): Promise<InvocationsList> {
  const uri = uriOf(params);
  try {
    if (!uri || !session.documents.get(uri)) return NONE;
    const settings = await session.settingsFor(uri);
    if (!settings.enable) return NONE;
    const found = await session.invocationsOf(uri);
    if (!found?.invocations.length) return { ...NONE, files: found?.files ?? [] };
    const { choice } = session.chosenInvocations(uri, found);
    const locale = settings.locale === 'auto' ? session.editorLocale : settings.locale;
    const items = found.invocations.map((i): InvocationItem => {
      const key = invocationChoiceKey(i);
      return { key, name: i.name, label: invocationLabel(i, locale), detail: detailOf(i, locale), chosen: key === choice };
    });
    return { items, chosen: choice, files: found.files };
  } catch (e) {
    session.connection.console.error(`Dockwise: listing the builds of ${uri} failed: ${(e as Error)?.stack ?? e}`);
    return NONE;
  }
}

/**
 * Lints an open document as the build `key` names (`all`, `alone`, or an item's key) until it closes, at once;
 * answers the list as it now is. A key no build has is every build.
 */
export async function chooseInvocation(session: Session, diagnostics: Diagnostics, params: unknown): Promise<InvocationsList> {
  const uri = uriOf(params);
  const key = (params as { key?: unknown } | null | undefined)?.key;
  try {
    if (!uri || typeof key !== 'string' || !key || !session.documents.get(uri)) return NONE;
    session.choose(uri, key);
    // Listed first: a key that names no build is dropped before the document is linted again.
    const list = await listInvocations(session, { uri });
    diagnostics.rechosen(uri);
    return list;
  } catch (e) {
    session.connection.console.error(`Dockwise: choosing the build of ${uri} failed: ${(e as Error)?.stack ?? e}`);
    return NONE;
  }
}

/** workspace/executeCommand for the two commands above; undefined for any other command. */
export function invocationCommand(session: Session, diagnostics: Diagnostics, command: string, args: readonly unknown[] | undefined): Promise<InvocationsList> | undefined {
  if (command === LIST_INVOCATIONS_COMMAND) return listInvocations(session, { uri: args?.[0] });
  if (command === CHOOSE_INVOCATION_COMMAND) return chooseInvocation(session, diagnostics, { uri: args?.[0], key: args?.[1] });
  return undefined;
}
