// A FROM's image: the stages before it, then the official images the bundled knowledge covers (deprecated ones
// marked), then distroless images; after `name:`, the tags of the image's release lines, maintained lines first
// (newest first, with their variants and a recorded size), end-of-life lines last. After the image, `AS`.
import type { DockerfileModel, Instr } from '../../model/dockerfile';
import { parseImageReference } from '../../model/image';
import { compareVersions, ended, LIFECYCLE_IMAGE_NAMES, officialName, supportedLines, taggedProduct } from '../../model/image-lifecycle';
import { RELEASE_LINES, type ReleaseLine } from '../../data/release-lines.generated';
import { DEPRECATED_IMAGES } from '../../data/base-image-lifecycle';
import { BASE_IMAGE_ENV } from '../../data/base-image-env';
import { DISTROLESS_IMAGES, DISTROLESS_TAGS, TAG_VARIANTS } from '../../data/image-variants';
import { recordedSize } from '../../data/image-sizes';
import { findRule } from '../../rule-lookup';
import { formatMessage } from '../../messages';
import type { CompletionContext, Draft, Proposal } from '.';
import { say, stageDraft, stagesBefore } from './shared';

const DEPRECATED = new Set(DEPRECATED_IMAGES.map((d) => d.image));

/** The official images offered by name: those with release-line data, tag variants or known ENV, and scratch. */
const OFFICIAL = [...new Set([...LIFECYCLE_IMAGE_NAMES, ...Object.keys(TAG_VARIANTS), ...Object.keys(BASE_IMAGE_ENV), 'scratch'])]
  .filter((n) => !DEPRECATED.has(n))
  .sort();

/** `position`: how many of the FROM's words come before the one at the cursor (0: the image, 1: `AS`). */
export function fromCompletions(model: DockerfileModel, instr: Instr, position: number, offset: number, start: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const word = model.text.slice(start, offset);
  if (position === 1) {
    if (!/^[A-Za-z]*$/.test(word)) return undefined;
    const as = model.text.slice(instr.keywordStart, instr.keywordEnd) === 'from' ? 'as' : 'AS';
    return { start, end, drafts: [{ label: as, kind: 'keyword', insertText: `${as} `, documentation: say(ctx)('completion.as') }] };
  }
  if (position !== 0 || /[$@]/.test(word)) return undefined;
  const full = model.text.slice(start, end);
  // The tag's colon is the first after the last slash (`localhost:5000/app:1` has a registry port before it).
  const colon = word.indexOf(':', word.lastIndexOf('/') + 1);
  if (colon >= 0) {
    const at = full.indexOf('@', colon);
    const drafts = tagDrafts(word.slice(0, colon), ctx);
    return drafts.length ? { start: start + colon + 1, end: at < 0 ? end : start + at, drafts } : undefined;
  }
  const head = full.split('@')[0];
  const tagColon = head.indexOf(':', head.lastIndexOf('/') + 1);
  return { start, end: start + (tagColon >= 0 ? tagColon : head.length), drafts: [...stagesBefore(model, instr.start + 1).map((s) => stageDraft(model, s, ctx)), ...imageDrafts(ctx)] };
}

function imageDrafts(ctx: CompletionContext): Draft[] {
  const t = say(ctx);
  const official = t('completion.image.official');
  const drafts: Draft[] = OFFICIAL.map((name) => {
    const product = taggedProduct(parseImageReference(name, name, []));
    const lines = product && supportedLines(product.product, ctx.today);
    const documentation = name === 'scratch' ? t('completion.image.scratch') : lines?.length ? t('completion.image.maintained', { product: product!.label, lines: lines.join(', ') }) : undefined;
    return { label: name, kind: 'image', detail: official, ...(documentation ? { documentation } : {}) };
  });
  const deprecation = findRule('deprecated-base-image')!.meta;
  for (const d of DEPRECATED_IMAGES) {
    const replacement = formatMessage(deprecation, d.replacement.messageId, d.replacement.data, ctx.locale);
    drafts.push({ label: d.image, kind: 'image', detail: t('completion.image.deprecated', { replacement }), deprecated: true });
  }
  for (const d of DISTROLESS_IMAGES) drafts.push({ label: d.name, kind: 'image', detail: t('completion.image.distroless'), documentation: t(`completion.image.distroless.${d.runtime}`) });
  return drafts;
}

function tagDrafts(name: string, ctx: CompletionContext): Draft[] {
  const t = say(ctx);
  if (DISTROLESS_IMAGES.some((d) => d.name === name)) return DISTROLESS_TAGS.map((tag) => ({ label: tag, kind: 'tag', documentation: t(`completion.tag.distroless.${tag}`) }));
  const ref = parseImageReference(name, name, []);
  const product = taggedProduct(ref);
  if (!product) return [];
  const image = officialName(ref);
  const variants = (image && TAG_VARIANTS[image]) ?? [];
  // Debian's and Ubuntu's own images are tagged by codename too (`trixie-slim`, `noble`).
  const codenames = image === product.product;
  const lines = RELEASE_LINES[product.product]
    .filter((l) => !l.released || l.released <= ctx.today)
    .sort((a, b) => compareVersions(b.cycle, a.cycle) ?? 0);
  const detail = (l: ReleaseLine): string => {
    const data = { product: product.label, version: l.cycle, date: typeof l.eol === 'string' ? l.eol : '' };
    if (!ended(l, ctx.today)) return t(l.eol === false || l.eol === true ? 'completion.tag.noEnd' : 'completion.tag.supported', data);
    return t(l.eol === true ? 'completion.tag.endedUndated' : 'completion.tag.ended', data);
  };
  const drafts: Draft[] = [];
  for (const l of lines.filter((x) => !ended(x, ctx.today))) {
    for (const base of codenames && l.codename ? [l.cycle, l.codename] : [l.cycle]) {
      for (const variant of ['', ...variants]) {
        const tag = variant ? `${base}-${variant}` : base;
        const size = image && base === l.cycle ? recordedSize(image, l.cycle, variant) : undefined;
        drafts.push({
          label: tag,
          kind: 'tag',
          detail: size ? `${detail(l)} · ${t('completion.tag.size', { size: Math.round(size.mb) })}` : detail(l),
          ...(size ? { documentation: t('completion.tag.sizeSource', { image: size.image, tag: size.tag, size: size.mb, date: size.recorded, source: size.source }) } : {}),
        });
      }
    }
  }
  for (const l of lines.filter((x) => ended(x, ctx.today))) {
    for (const base of codenames && l.codename ? [l.cycle, l.codename] : [l.cycle]) drafts.push({ label: base, kind: 'tag', detail: detail(l), deprecated: true });
  }
  return drafts;
}
