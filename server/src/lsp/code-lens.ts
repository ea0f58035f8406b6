// The code lenses above each FROM (engine/ide/lenses.ts). "used by N" opens the references peek through the
// client's command when it has one (VS Code's dockwise.showReferences turns the JSON into the types
// editor.action.showReferences takes); in other editors, and for the other lenses, the lens is a label.
// A FROM pinned by digest (`image:tag@sha256:…`) also gets a lens that asks the registry, lazily (codeLens/resolve),
// whether the tag still points at that digest; when it points elsewhere, the lens pins the current one.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { defineStrings, localize } from '../engine/i18n/catalog';
import { stageLenses } from '../engine/ide/lenses';
import type { DockerfileModel } from '../engine/model/dockerfile';
import { isValidImageReference } from '../engine/model/image';
import type { Session } from './session';

export const LENS_STRINGS = defineStrings({
  'lens.digestBehind': 'Digest is behind {tag}: pin the current one',
  'lens.pinCurrent': 'Pin the current digest',
  'lens.digestCurrent': 'Digest is {tag}\'s current one',
});

/** The server command a stale-digest lens runs: replaces the digest at an offset, when it is still there. */
export const PIN_DIGEST_COMMAND = 'dockwise.server.pinDigest';

/** What a stale-digest lens carries until it is resolved. */
interface DigestLensData {
  kind: 'pinned-digest';
  uri: string;
  /** `image:tag`, without the digest: what the registry is asked. */
  reference: string;
  tag: string;
  digest: string;
  /** Document offset of the digest (after the `@`). */
  start: number;
}

/** The FROMs pinned by digest with a tag to compare against, written without variables. */
function pinnedImages(model: DockerfileModel, uri: string): Array<DigestLensData & { end: number; imageStart: number }> {
  const out: Array<DigestLensData & { end: number; imageStart: number }> = [];
  for (const s of model.stages) {
    const img = s.image;
    const span = img.spans?.digest;
    if (!span || !img.tag || !img.digest || img.unresolved.length || img.raw !== img.resolved || !isValidImageReference(img.resolved)) continue;
    const reference = img.resolved.slice(0, img.resolved.indexOf('@'));
    out.push({ kind: 'pinned-digest', uri, reference, tag: img.tag, digest: img.digest, start: s.imageStart + span.start, end: s.imageEnd, imageStart: s.imageStart });
  }
  return out;
}

export async function codeLensRequest(session: Session, params: CodeLensParams): Promise<CodeLens[]> {
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const entry = await session.analyse(doc);
    if (!entry) return [];
    const show = session.showReferencesCommand;
    const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
    // Unresolved: the registry is asked only for the lenses the editor shows (codeLens/resolve).
    const digestLenses: CodeLens[] = session.host.registry && (await session.settingsFor(doc.uri)).registry.checkPinnedDigests
      ? pinnedImages(entry.model, doc.uri).map(({ end, imageStart, ...data }) => ({ range: range(imageStart, end), data }))
      : [];
    return stageLenses(entry.model, session.workspace.locale).map((lens): CodeLens => {
      const at = range(lens.start, lens.end);
      if (!lens.references || !show) return { range: at, command: { title: lens.title, command: '' } };
      const locations = lens.references.map((r) => ({ uri: doc.uri, range: range(r.start, r.end) }));
      return { range: at, command: { title: lens.title, command: show, arguments: [doc.uri, at.start, locations] } };
    }).concat(digestLenses);
  } catch (e) {
    session.connection.console.error(`Dockwise: code lenses failed: ${(e as Error)?.stack ?? e}`);
    return [];
  }
}

/**
 * A stale-digest lens, resolved: the registry asked (through the host's client and its cache) what the tag points
 * at now. A different digest: the lens pins it; the same one: it says so; no answer (offline, denied): an empty
 * lens, never an error.
 */
export async function resolveCodeLens(session: Session, lens: CodeLens): Promise<CodeLens> {
  const data = lens.data as DigestLensData | undefined;
  if (data?.kind !== 'pinned-digest') return lens;
  const quiet: CodeLens = { ...lens, command: { title: '', command: '' } };
  try {
    const client = session.host.registry;
    if (!client) return quiet;
    const answer = await client.digest(data.reference, session.workspace.locale);
    if (!('digest' in answer)) return quiet;
    // Checked and current: said, so the lens row shows no empty entry and the user knows it was asked.
    if (answer.digest === data.digest) return { ...lens, command: { title: localize(LENS_STRINGS, 'lens.digestCurrent', session.workspace.locale, { tag: data.tag }), command: '' } };
    return {
      ...lens,
      command: { title: localize(LENS_STRINGS, 'lens.digestBehind', session.workspace.locale, { tag: data.tag }), command: PIN_DIGEST_COMMAND, arguments: [data.uri, data.start, data.digest, answer.digest] },
    };
  } catch (e) {
    session.connection.console.error(`Dockwise: resolving a digest lens failed: ${(e as Error)?.stack ?? e}`);
    return quiet;
  }
}
