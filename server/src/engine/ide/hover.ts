// The hover, as Markdown: first the findings under the cursor (two lines each and the link to the rule's page),
// then what the cursor is on as resolve() finds it: a rule name in a pragma, a base image, a stage, a variable, or
// an instruction, which shows the build state there (after the keyword's explanation when that is on; on the keyword
// itself nothing while a Docker extension explains keywords).
import { findingHoverMarkdown, ruleHoverMarkdown } from '../docs/markdown';
import { defineStrings, speaker } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { formatMessage, type MessageRef } from '../messages';
import { distroFamily, rootStage } from '../model/base-images';
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { deprecatedImage, endOfLife, eolMessage, officialName } from '../model/image-lifecycle';
import { findRule, findRules } from '../rule-lookup';
import type { Finding } from '../types';
import { buildState, definitionValue, type BuildState, type UserState, type VariableState } from './build-state';
import { keywordHover } from './instruction-docs';
import { resolve, type Target } from './resolve';
import { bindingOf, type VariableUse } from './variables';

export interface HoverResult { markdown: string; start: number; end: number }

export interface HoverOptions {
  today: string;
  /** Explain instruction keywords (off while a Docker extension does). */
  keywords: boolean;
  /** Where a rule's page opens in this editor; none: no links to pages. */
  pageLink?: (id: string) => string | undefined;
  locale?: Locale;
}

/** The English of the hovers on what the cursor is on (a finding's and a rule's come from docs/markdown.ts). */
export const HOVER_STRINGS = defineStrings({
  'hover.image.writtenAs': 'Written as `{raw}`; ARG defaults give `{resolved}`.',
  'hover.image.namedContext': 'The build gives `{name}` as a named context: `{value}`.',
  'hover.image.builtBy': 'An image this project builds ({builtBy}): the build uses the local one, not a registry\'s.',
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
  'state.title': 'Build state at line {line}',
  'state.stage': 'Stage',
  'state.platform': 'Platform',
  'state.line': 'line {line}',
  'state.unnamedStage': 'stage {index}',
  'state.imageDefault': 'the image\'s default',
  'state.setByImage': 'set by the image',
  'state.nonRoot': 'a non-root user',
  'state.imageUnknown': 'the base image\'s, not known',
  'state.unknown': 'not known',
  'state.shellDefault': 'default',
  'state.shellUnreadable': 'not a JSON array',
  'state.targetPlatform': 'the platform the build targets',
  'state.imageSets': '{image} sets {names}',
  'state.more': 'and {count} more',
});

type Speak = ReturnType<typeof speaker<typeof HOVER_STRINGS>>;

/** The variant suffix of an official image's smaller build (`-slim`, `-jre`). */
const SLIM: Record<string, string> = { python: '-slim', node: '-slim', ruby: '-slim', debian: '-slim', perl: '-slim', golang: '-alpine', 'eclipse-temurin': '-jre' };
// Longer lists of ENV or ARG in the build state end in "and N more"; longer values end in "…".
const LIST_LIMIT = 6;
const VALUE_LIMIT = 60;
const SECTION = '\n\n---\n\n';

export function hoverAt(model: DockerfileModel, findings: readonly Finding[], offset: number, opts: HoverOptions): HoverResult | undefined {
  const locale = opts.locale ?? 'en';
  const here = findings.filter((f) => offset >= f.start && offset <= Math.max(f.end, f.start + 1));
  const parts: string[] = [];
  const seen = new Set<string>();
  let first: Finding | undefined;
  for (const f of here) {
    const rule = findRules(f.rule)[0];
    if (!rule || seen.has(rule.meta.id)) continue;
    seen.add(rule.meta.id);
    first ??= f;
    parts.push(findingHoverMarkdown(rule, f.message, opts.pageLink?.(rule.meta.id), locale));
  }
  const target = resolve(model, offset);
  // While keyword hover is off (a Docker extension explains keywords), the keyword is that extension's alone: the
  // build state is on the rest of the instruction. Below findings, the keyword's explanation would only push what
  // the cursor is on further down.
  const what = target && !(target.kind === 'keyword' && !opts.keywords) ? targetHover(model, target, { ...opts, keywords: opts.keywords && !parts.length }, locale) : undefined;
  if (what) parts.push(what.markdown);
  const span = first ?? what;
  return span && { markdown: parts.join(SECTION), start: span.start, end: span.end };
}

function targetHover(model: DockerfileModel, target: Target, opts: HoverOptions, locale: Locale): HoverResult | undefined {
  const t = speaker(HOVER_STRINGS, locale);
  const span = { start: target.start, end: target.end };
  switch (target.kind) {
    case 'pragma-rule': {
      const rules = findRules(target.name);
      return rules.length ? { markdown: rules.map((r) => ruleHoverMarkdown(r, opts.pageLink?.(r.meta.id), locale)).join(SECTION), ...span } : undefined;
    }
    case 'image':
      return { markdown: imageHover(target.stage, opts.today, t, locale), ...span };
    case 'stage-reference': {
      // `FROM build`: the image of this stage is that stage.
      const own = target.instr.keyword === 'FROM' ? model.stages.find((s) => s.from === target.instr) : undefined;
      if (own) return { markdown: imageHover(own, opts.today, t, locale), ...span };
      const stage = target.stage;
      if (!stage) return { markdown: t('hover.notAStage', { name: target.name }), ...span };
      return { markdown: `${t('hover.stage', { stage: stageName(stage, t), line: stage.from.line + 1 })}\n\n\`\`\`dockerfile\n${model.text.slice(stage.from.start, stage.from.end)}\n\`\`\``, ...span };
    }
    case 'variable-use':
      return { markdown: variableHover(model, target.use, t), ...span };
    case 'keyword':
    case 'flag':
    case 'stage-definition':
    case 'variable-definition':
    case 'instruction': {
      const instr = target.kind === 'variable-definition' ? target.definition.instr : target.instr;
      const keyword = target.kind === 'keyword' && opts.keywords ? keywordHover(instr.keyword, locale) : undefined;
      const state = buildState(model, instr);
      const parts = [...(keyword ? [`**${instr.keyword}**: ${keyword}`] : []), ...(state ? [stateMarkdown(state, (instr.onbuild ?? instr).line, t)] : [])];
      return parts.length ? { markdown: parts.join(SECTION), ...span } : undefined;
    }
    // A directive and a COPY path have nothing to show yet.
    default:
      return undefined;
  }
}

/** A lifecycle wording, in the words of the rule that declares it. */
function ruleWords(ruleId: string, ref: MessageRef, locale: Locale): string {
  return formatMessage(findRule(ruleId)!.meta, ref.messageId, ref.data, locale);
}

function imageHover(stage: Stage, today: string, t: Speak, locale: Locale): string {
  const img = stage.image;
  const lines = [`**${img.resolved || img.raw}**`];
  if (img.context) {
    lines.push('', t('hover.image.namedContext', { name: img.context.name, value: img.context.value }));
    // A folder, another build's target or a URL: no image, nothing more is known.
    if (!img.context.image) return lines.join('\n');
  } else if (img.builtBy) {
    lines.push('', t('hover.image.builtBy', { builtBy: img.builtBy }));
    return lines.join('\n');
  } else if (img.raw !== img.resolved) lines.push('', t('hover.image.writtenAs', { raw: img.raw, resolved: img.resolved }));
  if (stage.parent) {
    lines.push('', t('hover.image.stageOfFile', { stage: stageName(stage.parent, t), line: stage.parent.from.line + 1 }));
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

function variableHover(model: DockerfileModel, use: VariableUse, t: Speak): string {
  const b = bindingOf(model, use);
  if (b.kind === 'image') return t('hover.variable.fromBaseImage', { name: use.name, image: rootStage(b.stage).image.raw });
  if (b.kind === 'none') return t(use.runtime ? 'hover.variable.unsetInRun' : 'hover.variable.unset', { name: use.name });
  const d = b.definition;
  const value = definitionValue(model, d) ?? d.prop.value ?? undefined;
  const shown = value === undefined ? t('hover.variable.noDefault', { name: use.name }) : t('hover.variable.value', { name: use.name, value });
  return `${shown}\n\n${t('hover.variable.setBy', { keyword: d.kind, line: d.instr.line + 1 })}`;
}

function stageName(stage: Stage, t: Speak): string {
  return stage.alias ?? t('state.unnamedStage', { index: stage.index });
}

/** Inline code that holds any text on one line: long text shortened, the fence longer than any backtick run in it. */
function code(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const clipped = flat.length > VALUE_LIMIT ? `${flat.slice(0, VALUE_LIMIT - 1)}…` : flat;
  const fence = '`'.repeat(Math.max(0, ...(clipped.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = clipped.startsWith('`') || clipped.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clipped}${pad}${fence}`;
}

/** The first items of a list and "and N more". */
function listed(items: string[], t: Speak): string {
  return items.length > LIST_LIMIT ? `${items.slice(0, LIST_LIMIT).join(', ')} ${t('state.more', { count: items.length - LIST_LIMIT })}` : items.join(', ');
}

function userText(user: UserState, t: Speak): string {
  switch (user.source) {
    case 'instruction': return `${code(user.value)} (${t('state.line', { line: user.instr.line + 1 })})`;
    case 'image': return `${user.value === undefined ? t('state.nonRoot') : code(user.value)} (${t('state.setByImage')})`;
    case 'default': return `${code(user.value)} (${t('state.imageDefault')})`;
    default: return t('state.imageUnknown');
  }
}

function variableText(v: VariableState): string {
  const value = v.value ?? v.written;
  return code(value === undefined ? v.name : `${v.name}=${value}`);
}

/** The build state as a small table: one row per fact, rows with nothing to say left out. */
function stateMarkdown(state: BuildState, line: number, t: Speak): string {
  const rows: Array<[string, string]> = [];
  const lineOf = (instr: { line: number }) => t('state.line', { line: instr.line + 1 });
  const root = state.lineage[state.lineage.length - 1];
  const base = root.image.resolved || root.image.raw;
  rows.push([t('state.stage'), [...state.lineage.map((s) => code(stageName(s, t))), ...(base ? [code(base)] : [])].join(' ← ')]);
  rows.push(['USER', userText(state.user, t)]);
  const { workdir, shell, platform } = state;
  const dir = workdir.path === undefined ? t('state.unknown') : code(workdir.path);
  rows.push(['WORKDIR', workdir.instr ? `${dir} (${lineOf(workdir.instr)})` : workdir.path === undefined ? t('state.imageUnknown') : `${dir} (${t('state.imageDefault')})`]);
  rows.push(['SHELL', `${shell.argv ? code(shell.argv.join(' ')) : t('state.shellUnreadable')} (${shell.instr ? lineOf(shell.instr) : t('state.shellDefault')})`]);
  rows.push([t('state.platform'), platform.value === undefined ? t('state.targetPlatform') : `${code(platform.value)} (${lineOf(platform.instr)})`]);
  if (state.ports.length) rows.push(['EXPOSE', listed(state.ports.map((p) => code(p.value)), t)]);
  const own = state.env.filter((v) => v.definition);
  const fromImage = state.env.filter((v) => !v.definition);
  const env = [...(own.length ? [listed(own.map(variableText), t)] : []), ...(fromImage.length ? [t('state.imageSets', { image: code(base), names: listed(fromImage.map((v) => code(v.name)), t) })] : [])];
  if (env.length) rows.push(['ENV', env.join(' · ')]);
  if (state.args.length) rows.push(['ARG', listed(state.args.map(variableText), t)]);
  // A pipe, even inside code, would end the table cell.
  return [`**${t('state.title', { line: line + 1 })}**`, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`)].join('\n');
}
