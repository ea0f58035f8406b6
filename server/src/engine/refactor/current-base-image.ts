// "Current base images": an end-of-life tag moves to the nearest maintained line of the same variant. The choice
// of tag is the lifecycle model's (maintainedTag), shared with eol-base-image's fix; this file words the change.
import { defineStrings, localize } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { maintainedTag, type MaintainedTag } from '../model/image-lifecycle';
import type { Stage } from '../model/dockerfile';
import { recordedSize } from '../data/image-sizes';
import { resultProblem } from './guard';
import { defineRefactoring, type RefactorContext, type RefactorOffer, type RefactorResult } from './types';

const STRINGS = defineStrings({
  'refactor.current-base-image.title': 'Move to {image}:{tag}',
  'refactor.current-base-image.titleSized': 'Move to {image}:{tag} (about {mb} MB)',
  'refactor.current-base-image.lineNote': '{label} moves from {from} to {to}: read the release notes of the lines in between for removed features and changed defaults, and run your tests on the new image ({source}).',
  'refactor.current-base-image.systemNote': 'The system under the image moves from {label} {from} to {to}: the packages a RUN installs come in newer versions, and some are renamed or gone.',
  'refactor.current-base-image.patchNote': 'The tag named a patch release ({old}); {image}:{tag} follows its line, so a rebuild takes its newest patch release. Pin a patch release or a digest again if you need repeatable builds.',
  'refactor.current-base-image.sizeNote': 'Docker Hub lists {image}:{sized} at about {mb} MB compressed for linux/amd64 ({date}).',
  'refactor.current-base-image.gone': 'The image no longer has an end-of-life tag with a maintained successor',
});

type Id = keyof typeof STRINGS;

/** The stage's image with its move, when there is one. */
function stageMove(stage: Stage, today: string): MaintainedTag | undefined {
  if (stage.parent || !stage.image.spans?.tag) return undefined;
  return maintainedTag(stage.image, today);
}

/** The title of a move: the new reference, with its download size where Docker Hub's is recorded. */
export function maintainedTagTitle(move: MaintainedTag, locale: Locale): string {
  const size = recordedSize(move.image, move.line, move.variant);
  return size
    ? localize(STRINGS, 'refactor.current-base-image.titleSized', locale, { image: move.image, tag: move.tag, mb: Math.round(size.mb) })
    : localize(STRINGS, 'refactor.current-base-image.title', locale, { image: move.image, tag: move.tag });
}

/** What the move changes, as notes: each line that moves, a patch pin that becomes a line, the new size. */
export function maintainedTagNotes(move: MaintainedTag, oldTag: string, locale: Locale): string[] {
  const t = (id: Id, data: Record<string, string | number>) => localize(STRINGS, id, locale, data);
  const notes = move.moves.map((m) => m.system
    ? t('refactor.current-base-image.systemNote', { label: m.label, from: m.from, to: m.to })
    : t('refactor.current-base-image.lineNote', { label: m.label, from: m.from, to: m.to, source: `https://endoflife.date/${m.product}` }));
  const version = /^\d+(?:\.\d+)*/.exec(oldTag)?.[0];
  if (version && version.split('.').length > move.line.split('.').length) notes.push(t('refactor.current-base-image.patchNote', { old: oldTag, image: move.image, tag: move.tag }));
  const size = recordedSize(move.image, move.line, move.variant);
  if (size) notes.push(t('refactor.current-base-image.sizeNote', { image: move.image, sized: size.tag, mb: Math.round(size.mb), date: size.recorded }));
  return notes;
}

/** The stage's tag replaced by the move's, with what changes. */
function moved(ctx: RefactorContext, stage: Stage, move: MaintainedTag): RefactorResult {
  const span = stage.image.spans!.tag!;
  return {
    edits: [{ start: stage.imageStart + span.start, end: stage.imageStart + span.end, text: move.tag }],
    notes: maintainedTagNotes(move, stage.image.tag!, ctx.settings.locale),
  };
}

export default defineRefactoring({
  id: 'current-base-image',
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Move an end-of-life base image to the nearest maintained line of the same variant',
    details: 'Offered on the tag of a FROM that eol-base-image reports, for official images. The image\'s own line moves to the lowest line newer than it that is still supported (for Node.js an even, long-term major; for Ubuntu an LTS release), and an ended Debian or Ubuntu codename in the tag moves to the lowest supported newer one (buster to bookworm), keeping the variant (`slim`, `alpine`). It is offered only when the image publishes that variant (data/image-variants.ts) and the new tag names no ended line; a tag with a pinned Alpine release (`alpine3.16`), a digest or a variable is left alone. Unsafe: the runtime and the system change, so the notes name each line that moves and link its lifecycle page; read the release notes in between and run your tests.',
    example: { before: 'FROM node:16-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', after: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' },
  },
  offers(ctx, start, end) {
    const out: RefactorOffer[] = [];
    for (const stage of ctx.model.stages) {
      const span = stage.image.spans?.tag;
      if (!span) continue;
      const from = stage.imageStart + span.start;
      const to = stage.imageStart + span.end;
      if (to < start || from > end) continue;
      const move = stageMove(stage, ctx.settings.today);
      if (!move) continue;
      const offer: RefactorOffer = { refactoring: 'current-base-image', key: String(stage.index), title: maintainedTagTitle(move, ctx.settings.locale), kind: 'refactor.rewrite', start: from, end: to, safety: 'unsafe' };
      const result = moved(ctx, stage, move);
      // A newer system can break what the file does (apt-key is gone from Debian 12 and Ubuntu 22.04, pip refuses
      // system installs): asked here, where the cursor is on the tag, so the action says so before it is picked.
      const problem = resultProblem(ctx, offer, result);
      out.push(problem ? { ...offer, unavailable: problem } : { ...offer, hint: result.notes.join(' ') });
    }
    return out;
  },
  async apply(ctx, offer) {
    const stage = ctx.model.stages[Number(offer.key)];
    const move = stage && stageMove(stage, ctx.settings.today);
    if (!move) return { error: localize(STRINGS, 'refactor.current-base-image.gone', ctx.settings.locale) };
    return moved(ctx, stage, move);
  },
});
