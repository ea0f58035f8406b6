// Pin by digest: `FROM node:20` → `FROM node:20@sha256:…`, the digest the registry gives for the tag now (for a
// multi-platform image, its index's, so every platform stays pinned). The tag stays for readers; Docker pulls by
// the digest and ignores it. The build is the same as today's, and stays so when the tag moves on.
import { defineStrings, localize } from '../i18n/catalog';
import { isValidImageReference } from '../model/image';
import type { Stage } from '../model/dockerfile';
import type { OffsetEdit } from '../types';
import { defineRefactoring, type RefactorContext, type RefactorOffer } from './types';

export const PIN_DIGEST_STRINGS = defineStrings({
  'refactor.pin-digest.title': 'Pin {image} by digest',
  'refactor.pin-digest.titleAll': 'Pin every base image by digest ({count})',
  'refactor.pin-digest.failed': 'Could not pin {image}: {error}',
  'refactor.pin-digest.notDigest': 'the registry answered "{digest}", which is not a digest',
  'refactor.pin-digest.noRegistry': 'No registry can be asked here, so nothing can be pinned',
  'refactor.pin-digest.nothing': 'This image is pinned already or can no longer be pinned',
  'refactor.pin-digest.note': '`{image}` is pinned to `{digest}`: builds use this exact image until it is pinned again, whatever the tag points at later.',
});

const ID = 'pin-digest';
const DIGEST = /^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/;

/**
 * The stages whose image can be pinned: a registry image written without variables (a digest under an ARG default
 * would pin one value of a build argument the build may change), not a stage, not a named context, not scratch, not
 * pinned already.
 */
export function pinnableStages(stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => {
    const img = s.image;
    // A named context's image is written in the compose or bake file; a digest here would rename the context.
    return img.raw === img.resolved && !img.unresolved.length && !img.digest && !s.parent && !img.context
      && img.name.toLowerCase() !== 'scratch' && isValidImageReference(img.resolved);
  });
}

/** Where the digest goes: right after the image as written (after its tag, when it has one). */
function stageKey(stage: Stage): string {
  return String(stage.from.start);
}

export const pinDigest = defineRefactoring({
  id: ID,
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Pin a base image to the digest its tag points at now, keeping the tag for readers',
    details: 'Offered on each FROM naming a registry image by tag (or by none, which is `latest`) that is not pinned yet, when a registry can be asked (the editor and `dockwise pin` ask it over the OCI distribution API; offline, the action says so); with two or more, also once for all of them. It adds `@sha256:…` after the tag: for a multi-platform image the digest of its index, so every platform stays pinned. The build uses the same image as today, and keeps using it when the tag moves on; the code lens says when the tag points elsewhere. Stages, `scratch`, pinned images and images written with variables are left alone.',
    example: {
      before: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      after: 'FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\nRUN apk add --no-cache curl\n',
      digests: { 'alpine:3.20': 'sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d' },
    },
  },
  offers(ctx: RefactorContext, start: number, end: number): RefactorOffer[] {
    if (!ctx.registry) return [];
    const t = (id: keyof typeof PIN_DIGEST_STRINGS, data?: Record<string, string | number>) => localize(PIN_DIGEST_STRINGS, id, ctx.settings.locale, data);
    const stages = pinnableStages(ctx.model.stages);
    const here = stages.filter((s) => s.from.start <= end && start <= s.from.end);
    const offers: RefactorOffer[] = here.map((s) => ({
      refactoring: ID, key: stageKey(s), title: t('refactor.pin-digest.title', { image: s.image.resolved }),
      kind: 'refactor.rewrite', start: s.from.start, end: s.from.end, safety: 'safe',
    }));
    if (stages.length >= 2 && here.length) {
      offers.push({
        refactoring: ID, key: 'all', title: t('refactor.pin-digest.titleAll', { count: stages.length }),
        kind: 'refactor.rewrite', start: here[0].from.start, end: here[here.length - 1].from.end, safety: 'safe',
      });
    }
    return offers;
  },
  async apply(ctx, offer) {
    const t = (id: keyof typeof PIN_DIGEST_STRINGS, data?: Record<string, string | number>) => localize(PIN_DIGEST_STRINGS, id, ctx.settings.locale, data);
    const stages = pinnableStages(ctx.model.stages).filter((s) => offer.key === 'all' || stageKey(s) === offer.key);
    const registry = ctx.registry;
    if (!registry) return { error: t('refactor.pin-digest.noRegistry') };
    if (!stages.length) return { error: t('refactor.pin-digest.nothing') };
    // One question per image, however many stages name it.
    const images = [...new Set(stages.map((s) => s.image.resolved))];
    const answers = new Map(await Promise.all(images.map(async (image) => [image, await registry.digest(image, ctx.settings.locale)] as const)));
    const errors: string[] = [];
    const edits: OffsetEdit[] = [];
    const notes: string[] = [];
    for (const image of images) {
      const answer = answers.get(image)!;
      if ('error' in answer) errors.push(t('refactor.pin-digest.failed', { image, error: answer.error }));
      else if (!DIGEST.test(answer.digest)) errors.push(t('refactor.pin-digest.failed', { image, error: t('refactor.pin-digest.notDigest', { digest: answer.digest }) }));
      else notes.push(t('refactor.pin-digest.note', { image, digest: answer.digest }));
    }
    if (errors.length) return { error: errors.join('\n') };
    for (const s of stages) {
      const answer = answers.get(s.image.resolved) as { digest: string };
      edits.push({ start: s.imageEnd, end: s.imageEnd, text: `@${answer.digest}` });
    }
    return { edits, notes, changes: [{ kind: 'pins-digest' }] };
  },
});
