// Hover content: findings, rule names in pragmas, base images, variables, --from stages and keywords.
import { defineStrings, findRule, findRules, readPragmas, ruleHoverMarkdown, speaker, type DockerfileModel, type Finding, type Locale } from '../engine';
import { formatMessage, type MessageRef } from '../engine/messages';
import { distroFamily, rootStage, stageStartEnv } from '../engine/model/base-images';
import { deprecatedImage, endOfLife, eolMessage, officialName } from '../engine/model/image-lifecycle';
import { findVariables } from '../engine/model/variables';
import type { Instr, Stage } from '../engine/model/dockerfile';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { keywordHover } from '../engine/ide/instruction-docs';
import type { Session } from './session';

export interface HoverResult { markdown: string; start: number; end: number }

/** The English of the hovers on what the cursor is on (a rule's own hover is its page's: docs/markdown.ts). */
export const HOVER_STRINGS = defineStrings({
  'hover.image.writtenAs': 'Written as `{raw}`; ARG defaults give `{resolved}`.',
  'hover.image.stageOfFile': 'Stage `{stage}` of this file (line {line}).',
  'hover.image.official': 'Docker official image `{name}`',
  'hover.image.fromRegistry': 'from registry `{registry}`',
  'hover.image.basedOn': '{family} based',
  'hover.image.familyDebian': 'Debian/Ubuntu',
  'hover.image.familyRhel': 'RHEL-family',
  'hover.image.familyAlpine': 'Alpine',
  'hover.image.deprecated': '⚠ Deprecated since {since}: use {replacement}. ([source]({source}))',
  'hover.image.endOfLife': '⚠ {endOfLife}. ([source]({source}))',
  'hover.image.endOfLifeSupported': '⚠ {endOfLife}. Supported: {supported}. ([source]({source}))',
  'hover.image.smaller': 'Smaller variant: `{image}`.',
  'hover.image.smallerGo': 'Smaller variant: `{image}` for build stages, or a distroless runtime.',
  'hover.image.noTag': 'No tag: this pulls `latest`, which moves.',
  'hover.image.digest': 'Pinned by digest `{digest}…`.',
  'hover.stage': 'Stage **{stage}**, line {line}:',
  'hover.notAStage': '`{name}` is not a stage of this file, so it is pulled as an image.',
  'hover.variable.value': '`{name}` = `{value}`',
  'hover.variable.noDefault': '`{name}` = `` (no default)',
  'hover.variable.setBy': 'Set by {keyword} on line {line}.',
  'hover.variable.fromBaseImage': '`{name}` is set by the ENV of the base image, {image}.',
  'hover.variable.unset': '`{name}` is not set by an ARG or ENV in scope here.',
  'hover.variable.unsetInRun': '`{name}` is not set by an ARG or ENV in scope here; the shell may still set it.',
});

/** The variant suffix of an official image's smaller build (`-slim`, `-jre`). */
const SLIM: Record<string, string> = { python: '-slim', node: '-slim', ruby: '-slim', debian: '-slim', perl: '-slim', golang: '-alpine', 'eclipse-temurin': '-jre' };

/** A lifecycle wording, in the words of the rule that declares it. */
function ruleWords(ruleId: string, ref: MessageRef, locale: Locale): string {
  return formatMessage(findRule(ruleId)!.meta, ref.messageId, ref.data, locale);
}

function imageHover(_model: DockerfileModel, stage: Stage, today: string, locale: Locale): string {
  const t = speaker(HOVER_STRINGS, locale);
  const img = stage.image;
  const lines = [`**${img.resolved || img.raw}**`];
  if (img.raw !== img.resolved) lines.push('', t('hover.image.writtenAs', { raw: img.raw, resolved: img.resolved }));
  if (stage.parent) {
    lines.push('', t('hover.image.stageOfFile', { stage: stage.parent.alias ?? String(stage.parent.index), line: stage.parent.from.line + 1 }));
    return lines.join('\n');
  }
  const name = officialName(img);
  const facts: string[] = [];
  if (name) facts.push(t('hover.image.official', { name }));
  else if (img.registry) facts.push(t('hover.image.fromRegistry', { registry: img.registry }));
  const family = distroFamily(img);
  if (family !== 'unknown') facts.push(t('hover.image.basedOn', { family: family === 'debian' ? t('hover.image.familyDebian') : family === 'rhel' ? t('hover.image.familyRhel') : family === 'alpine' ? t('hover.image.familyAlpine') : family }));
  if (facts.length) lines.push('', facts.join(' · '));
  const dep = deprecatedImage(img);
  if (dep) lines.push('', t('hover.image.deprecated', { since: dep.since, replacement: ruleWords('deprecated-base-image', dep.replacement, locale), source: dep.source }));
  const eol = endOfLife(img, today);
  if (eol) {
    const endOfLife = ruleWords('eol-base-image', eolMessage(eol), locale);
    lines.push('', eol.supported.length ? t('hover.image.endOfLifeSupported', { endOfLife, supported: eol.supported.join(', '), source: eol.source }) : t('hover.image.endOfLife', { endOfLife, source: eol.source }));
  }
  if (name && SLIM[name] && !/slim|alpine|jre/.test(img.tag ?? '')) lines.push('', t(name === 'golang' ? 'hover.image.smallerGo' : 'hover.image.smaller', { image: `${name}:<version>${SLIM[name]}` }));
  if (!img.tag && !img.digest && name !== 'scratch') lines.push('', t('hover.image.noTag'));
  if (img.digest) lines.push('', t('hover.image.digest', { digest: img.digest.slice(0, 19) }));
  return lines.join('\n');
}

function instrAt(model: DockerfileModel, offset: number): Instr | undefined {
  for (const i of model.instructions) {
    if (offset >= i.start && offset <= i.end) return i.trigger && offset >= i.trigger.start ? i.trigger : i;
  }
  return undefined;
}

export interface HoverOptions {
  today: string;
  keywords: boolean;
  /** Where a rule's page opens in this editor (see rule-pages.ts); none: no Documentation link. */
  pageLink?: (id: string) => string | undefined;
  locale?: Locale;
}

export function hoverAt(model: DockerfileModel, findings: Finding[], offset: number, opts: HoverOptions): HoverResult | undefined {
  // 1. Findings under the cursor; what the cursor is on (image, variable…) is added below them.
  const here = findings.filter((f) => offset >= f.start && offset <= Math.max(f.end, f.start + 1));
  const target = targetAt(model, offset, opts);
  if (here.length) {
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const f of here) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const rule = findRules(f.rule)[0];
      if (rule) parts.push(ruleHoverMarkdown(rule, opts.pageLink?.(rule.meta.id), opts.locale));
    }
    if (target && !target.keyword) parts.push(target.markdown);
    const f = here[0];
    return { markdown: parts.join('\n\n---\n\n'), start: f.start, end: f.end };
  }
  return target;
}

function targetAt(model: DockerfileModel, offset: number, opts: HoverOptions): (HoverResult & { keyword?: boolean }) | undefined {
  const pos = model.lines.positionAt(offset);
  // 2. A rule name inside a pragma.
  for (const p of readPragmas(model).pragmas) {
    if (p.line !== pos.line) continue;
    for (const n of p.names) {
      if (offset < n.start || offset > n.end) continue;
      const rules = findRules(n.name);
      if (!rules.length) return undefined;
      return { markdown: rules.map((r) => ruleHoverMarkdown(r, opts.pageLink?.(r.meta.id), opts.locale)).join('\n\n---\n\n'), start: n.start, end: n.end };
    }
  }
  const instr = instrAt(model, offset);
  if (!instr) return undefined;
  const locale = opts.locale ?? 'en';
  const t = speaker(HOVER_STRINGS, locale);
  // 3. The base image of a FROM.
  const stage = model.stages.find((s) => s.from === instr);
  if (stage && offset >= stage.imageStart && offset <= stage.imageEnd) return { markdown: imageHover(model, stage, opts.today, locale), start: stage.imageStart, end: stage.imageEnd };
  // 4. --from=<stage>
  for (const f of instr.flags) {
    if (f.name !== 'from' || !f.value || f.valueStart === undefined || offset < f.valueStart || offset > f.end) continue;
    const target = model.stageByName(f.value, instr.stage ?? undefined);
    if (target) return { markdown: `${t('hover.stage', { stage: target.alias ?? String(target.index), line: target.from.line + 1 })}\n\n\`\`\`dockerfile\n${model.text.slice(target.from.start, target.from.end)}\n\`\`\``, start: f.valueStart, end: f.end };
    return { markdown: t('hover.notAStage', { name: f.value }), start: f.valueStart, end: f.end };
  }
  // 5. A variable.
  const text = model.text.slice(instr.start, instr.end);
  for (const v of findVariables(text, model.escapeChar)) {
    const s = instr.start + v.start;
    const e = instr.start + v.end;
    if (offset < s || offset > e) continue;
    const def = instr.keyword === 'FROM' ? model.globalArgs.get(v.name) : model.lookupVariable(v.name, instr);
    const fromImage = !def && instr.stage && stageStartEnv(instr.stage)?.has(v.name);
    const md = def
      ? `${def.value === undefined ? t('hover.variable.noDefault', { name: v.name }) : t('hover.variable.value', { name: v.name, value: def.value })}\n\n${t('hover.variable.setBy', { keyword: def.kind, line: def.instr.line + 1 })}`
      : fromImage
        ? t('hover.variable.fromBaseImage', { name: v.name, image: rootStage(instr.stage!).image.raw })
        : t(instr.run ? 'hover.variable.unsetInRun' : 'hover.variable.unset', { name: v.name });
    return { markdown: md, start: s, end: e };
  }
  // 6. The instruction keyword, unless a Docker extension already explains it.
  const keyword = opts.keywords && offset >= instr.keywordStart && offset <= instr.keywordEnd ? keywordHover(instr.keyword, locale) : undefined;
  if (keyword) return { markdown: `**${instr.keyword}**: ${keyword}`, start: instr.keywordStart, end: instr.keywordEnd, keyword: true };
  return undefined;
}

/** The hover request: what is under the cursor in the document's current analysis. */
export async function hoverRequest(session: Session, params: HoverParams): Promise<Hover | null> {
  try {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const entry = await session.analyse(doc);
    if (!entry) return null;
    const { instructions } = entry.settings.hover;
    const keywords = instructions === 'on' || (instructions === 'auto' && !session.dockerExtensionActive);
    const h = hoverAt(entry.model, entry.findings, doc.offsetAt(params.position), { today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10), keywords, pageLink: (id) => session.pages.hoverLink(id, session.workspace.locale), locale: session.workspace.locale });
    if (!h) return null;
    return { contents: { kind: 'markdown', value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
  } catch (e) {
    session.connection.console.error(`Dockwise: hover failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
}
