// Hover content: findings, rule names in pragmas, base images, variables, --from stages and keywords.
import { findRules, readPragmas, ruleHoverMarkdown, type DockerfileModel, type Finding } from '../engine';
import { distroFamily, rootStage, stageStartEnv } from '../engine/model/base-images';
import { deprecatedImage, endOfLife, eolMessage, officialName } from '../engine/model/image-lifecycle';
import { findVariables } from '../engine/model/variables';
import type { Instr, Stage } from '../engine/model/dockerfile';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { INSTRUCTION_DOCS } from './instructions';
import type { Session } from './session';

export interface HoverResult { markdown: string; start: number; end: number }

const SLIM: Record<string, string> = { python: '-slim', node: '-slim', ruby: '-slim', debian: '-slim', perl: '-slim', golang: '-alpine (build stages), or a distroless runtime', 'eclipse-temurin': '-jre' };

function imageHover(_model: DockerfileModel, stage: Stage, today: string): string {
  const img = stage.image;
  const lines = [`**${img.resolved || img.raw}**`];
  if (img.raw !== img.resolved) lines.push('', `Written as \`${img.raw}\`; ARG defaults give \`${img.resolved}\`.`);
  if (stage.parent) {
    lines.push('', `Stage \`${stage.parent.alias}\` of this file (line ${stage.parent.from.line + 1}).`);
    return lines.join('\n');
  }
  const name = officialName(img);
  const facts: string[] = [];
  if (name) facts.push(`Docker official image \`${name}\``);
  else if (img.registry) facts.push(`from registry \`${img.registry}\``);
  const family = distroFamily(img);
  if (family !== 'unknown') facts.push(`${family === 'debian' ? 'Debian/Ubuntu' : family === 'rhel' ? 'RHEL-family' : family} based`);
  if (facts.length) lines.push('', facts.join(' · '));
  const dep = deprecatedImage(img);
  if (dep) lines.push('', `⚠ Deprecated since ${dep.since}: use ${dep.replacement}. ([source](${dep.source}))`);
  const eol = endOfLife(img, today);
  if (eol) {
    lines.push('', `⚠ ${eolMessage(eol)}.${eol.supported.length ? ` Supported: ${eol.supported.join(', ')}.` : ''} ([source](${eol.source}))`);
  }
  if (name && SLIM[name] && !/slim|alpine|jre/.test(img.tag ?? '')) lines.push('', `Smaller variant: \`${name}:<version>${SLIM[name]}\`.`);
  if (!img.tag && !img.digest && name !== 'scratch') lines.push('', 'No tag: this pulls `latest`, which moves.');
  if (img.digest) lines.push('', `Pinned by digest \`${img.digest.slice(0, 19)}…\`.`);
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
}

export function hoverAt(model: DockerfileModel, findings: Finding[], offset: number, opts: HoverOptions): HoverResult | undefined {
  // 1. Findings under the cursor; what the cursor is on (image, variable…) is added below them.
  const here = findings.filter((f) => {
    const s = model.lines.offsetAt(f.range.start);
    const e = model.lines.offsetAt(f.range.end);
    return offset >= s && offset <= Math.max(e, s + 1);
  });
  const target = targetAt(model, offset, opts);
  if (here.length) {
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const f of here) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const rule = findRules(f.rule)[0];
      if (rule) parts.push(ruleHoverMarkdown(rule, opts.pageLink?.(rule.meta.id)));
    }
    if (target && !target.keyword) parts.push(target.markdown);
    const f = here[0];
    return { markdown: parts.join('\n\n---\n\n'), start: model.lines.offsetAt(f.range.start), end: model.lines.offsetAt(f.range.end) };
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
      return { markdown: rules.map((r) => ruleHoverMarkdown(r, opts.pageLink?.(r.meta.id))).join('\n\n---\n\n'), start: n.start, end: n.end };
    }
  }
  const instr = instrAt(model, offset);
  if (!instr) return undefined;
  // 3. The base image of a FROM.
  const stage = model.stages.find((s) => s.from === instr);
  if (stage && offset >= stage.imageStart && offset <= stage.imageEnd) return { markdown: imageHover(model, stage, opts.today), start: stage.imageStart, end: stage.imageEnd };
  // 4. --from=<stage>
  for (const f of instr.flags) {
    if (f.name !== 'from' || !f.value || f.valueStart === undefined || offset < f.valueStart || offset > f.end) continue;
    const target = model.stageByName(f.value, instr.stage ?? undefined);
    if (target) return { markdown: `Stage **${target.alias ?? target.index}**, line ${target.from.line + 1}:\n\n\`\`\`dockerfile\n${model.text.slice(target.from.start, target.from.end)}\n\`\`\``, start: f.valueStart, end: f.end };
    return { markdown: `\`${f.value}\` is not a stage of this file, so it is pulled as an image.`, start: f.valueStart, end: f.end };
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
      ? `\`${v.name}\` = \`${def.value ?? ''}\`${def.value === undefined ? ' (no default)' : ''}\n\nSet by ${def.kind} on line ${def.instr.line + 1}.`
      : fromImage
        ? `\`${v.name}\` is set by the ENV of the base image, ${rootStage(instr.stage!).image.raw}.`
        : `\`${v.name}\` is not set by an ARG or ENV in scope here${instr.run ? '; the shell may still set it' : ''}.`;
    return { markdown: md, start: s, end: e };
  }
  // 6. The instruction keyword, unless a Docker extension already explains it.
  if (opts.keywords && offset >= instr.keywordStart && offset <= instr.keywordEnd && INSTRUCTION_DOCS[instr.keyword]) {
    return { markdown: `**${instr.keyword}**: ${INSTRUCTION_DOCS[instr.keyword]}`, start: instr.keywordStart, end: instr.keywordEnd, keyword: true };
  }
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
    const h = hoverAt(entry.model, entry.findings, doc.offsetAt(params.position), { today: entry.options.settings?.today ?? new Date().toISOString().slice(0, 10), keywords, pageLink: (id) => session.pages.hoverLink(id) });
    if (!h) return null;
    return { contents: { kind: 'markdown', value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
  } catch (e) {
    session.connection.console.error(`Dockwise: hover failed: ${(e as Error)?.stack ?? e}`);
    return null;
  }
}
