// Rule metadata rendered as Markdown: the rule pages in docs/rules, the README table, the hover text and
// `dockwise --explain`. Generated files come only from here.
import type { Rule } from '../rule';
import { RULE_CATEGORIES, type RuleCategory, type RuleMeta, type SeverityOrOff } from '../types';
import { DEFAULT_PROFILE, MODERN, PROFILE_NAMES, RECOMMENDED, profileEntry, profileReason, profileSeverity, profileSummary, type ProfileName } from '../config/profiles';
import { defineStrings, localize, localizedDocs, speaker } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';

/** The English of the rule pages, hovers and SARIF help around each rule's own docs. */
export const PAGE_STRINGS = defineStrings({
  'page.generatedFrom': 'Generated from the rule\'s metadata in `{source}`; edit it there.',
  'page.generatedFromTranslated': 'Generated from the rule\'s metadata in `{source}` and its translation in `{catalog}`; edit them there.',
  'page.defaultSeverity': 'Default severity',
  'page.profiles': 'Profiles',
  'page.aliases': 'Aliases',
  'page.aliasesNone': 'none',
  'page.fix': 'Fix',
  'page.fixSafe': 'safe fix',
  'page.fixUnsafe': 'unsafe fix',
  'page.fixBoth': 'safe and unsafe fixes',
  'page.fixNone': 'no fix',
  'page.onIn': 'On in {profiles}.',
  'page.onInOffIn': 'On in {profiles}; off in {offProfiles}.',
  'page.profileSeverity': '{profile} ({severity})',
  'page.offByDefault': 'Off by default: {reason}',
  'page.severityByDefault': '`{severity}` by default: {reason}',
  'page.offInProfile': 'Off in `{profile}`: {reason}',
  'page.severityInProfile': '`{severity}` in `{profile}`: {reason}',
  'page.why': 'Why',
  'page.examples': 'Examples',
  'page.problem': 'Problem:',
  'page.better': 'Better:',
  'page.fixSafety': 'Fix safety',
  'page.fixSafetyInline': '*Fix safety:* {text}',
  'page.fixSafetyText': 'Fix safety: {text}',
  'page.suppressing': 'Suppressing',
  'page.suppressingText': '`# dockwise ignore={id}` on the line above the instruction, or `{id}: off` under `rules:` in `.dockwise.yaml`.',
  'page.references': 'References',
  'page.referencesText': 'References:',
  'page.alsoKnownAs': 'Also known as {aliases}.',
  'page.documentation': 'Documentation',
  'page.dockerPage': 'Docker\'s page for {check}',
  'page.profileFromConfig': 'The config file\'s `profile:`, else `{profile}`.',
  'page.category': 'Category',
  'page.status': 'Status',
  'page.previewMark': 'preview',
  'page.counterparts': 'In other tools',
  'status.stable': 'stable',
  'status.preview': 'preview: not yet right often enough on real files to be on by default; what it reports may change in any release',
  'category.correctness': 'Correctness',
  'category.correctness.about': 'The build fails, or does something other than the file seems to say.',
  'category.runtime': 'Runtime',
  'category.runtime.about': 'The container misbehaves when it runs: signals, health, memory, a start that fails.',
  'category.security': 'Security',
  'category.security.about': 'Root users, secrets in layers, unverified downloads, unmaintained images.',
  'category.reproducibility': 'Reproducibility',
  'category.reproducibility.about': 'The same file builds the same image later: pinned images and packages, lockfiles.',
  'category.size': 'Image size',
  'category.size.about': 'What ships that nothing needs: caches, package lists, toolchains, layers that only delete.',
  'category.cache': 'Build cache',
  'category.cache.about': 'Steps and build contexts arranged so that rebuilds reuse the cache.',
  'category.metadata': 'Labels',
  'category.metadata.about': 'Labels checked against a label schema.',
  'category.style': 'Style',
  'category.style.about': 'Consistent, current syntax; the image stays the same.',
});

/** A category's name in `locale` ("Image size"). */
export function categoryName(category: RuleCategory, locale: Locale = 'en'): string {
  return localize(PAGE_STRINGS, `category.${category}`, locale);
}

/** The tools of the counterparts page, in its column order, with the names they go by. */
const COUNTERPART_TOOLS = [['tally', 'tally'], ['checkov', 'Checkov'], ['trivy', 'Trivy'], ['kics', 'KICS'], ['sonar', 'Sonar']] as const;

/** "tally `x`, Checkov CKV2_DOCKER_2": the same check in the other tools (not hadolint or BuildKit: aliases). */
function counterpartText(meta: RuleMeta): string {
  const c = meta.counterparts;
  if (!c) return '';
  return COUNTERPART_TOOLS.flatMap(([key, name]) => (c[key] ?? []).map((id) => `${name} \`${id}\``)).join(', ');
}

function aliasText(meta: RuleMeta): string {
  const parts: string[] = [];
  if (meta.aliases.hadolint) parts.push(`hadolint ${meta.aliases.hadolint}`);
  if (meta.aliases.buildkit) parts.push(`BuildKit ${meta.aliases.buildkit}`);
  return parts.join(', ');
}

/** Docker's documentation page for the rule's BuildKit check, from its references. */
export function buildkitPage(meta: RuleMeta): string | undefined {
  if (!meta.aliases.buildkit) return undefined;
  return meta.docs.references.find((r) => r.startsWith('https://docs.docker.com/reference/build-checks/'));
}

function fence(code: string): string {
  return '```dockerfile\n' + code.replace(/\n+$/, '') + '\n```';
}

function fixText(meta: RuleMeta, t: Speak): string {
  switch (meta.fixable) {
    case 'safe': return t('page.fixSafe');
    case 'unsafe': return t('page.fixUnsafe');
    case 'both': return t('page.fixBoth');
    default: return t('page.fixNone');
  }
}

type Speak = ReturnType<typeof speaker<typeof PAGE_STRINGS>>;

/** "On in recommended (info), strict (warning), …; off in buildkit.": which profiles turn the rule on. */
export function profilesSentence(meta: RuleMeta, locale: Locale = 'en'): string {
  const t = speaker(PAGE_STRINGS, locale);
  const on: string[] = [];
  const off: string[] = [];
  for (const p of PROFILE_NAMES) {
    const sev = profileSeverity(p, meta);
    if (sev === 'off') off.push(p);
    else on.push(t('page.profileSeverity', { profile: p, severity: sev }));
  }
  return off.length ? t('page.onInOffIn', { profiles: on.join(', '), offProfiles: off.join(', ') }) : t('page.onIn', { profiles: on.join(', ') });
}

/** Why the default profile, and `modern` where it departs from it, set the rule differently from `strict`. */
function profileReasons(meta: RuleMeta, locale: Locale): string[] {
  const t = speaker(PAGE_STRINGS, locale);
  const out: string[] = [];
  const rec = profileEntry(DEFAULT_PROFILE, meta);
  if (rec) {
    const reason = profileReason(rec, locale);
    out.push(rec.severity === 'off' ? t('page.offByDefault', { reason }) : t('page.severityByDefault', { severity: rec.severity, reason }));
  }
  const modern = profileEntry('modern', meta);
  if (modern && modern.reason !== rec?.reason) {
    const reason = profileReason(modern, locale);
    out.push(modern.severity === 'off' ? t('page.offInProfile', { profile: 'modern', reason }) : t('page.severityInProfile', { severity: modern.severity, profile: 'modern', reason }));
  }
  return out;
}

/** The page for docs/rules/<id>.md (docs/rules/<locale>/<id>.md) and `dockwise --explain <id>`. */
export function ruleMarkdown(rule: Rule, locale: Locale = 'en'): string {
  const m = rule.meta;
  const t = speaker(PAGE_STRINGS, locale);
  const source = `server/src/engine/rules/${m.id}.ts`;
  const note = locale === 'en' ? t('page.generatedFrom', { source }) : t('page.generatedFromTranslated', { source, catalog: `server/src/engine/i18n/${locale}.json` });
  return [`# ${m.id}`, '', `> ${note}`, '', ...rulePageBody(rule, locale)].join('\n') + '\n';
}

/** The page without its title and the note for editors of this repository: SARIF's `help.markdown`. */
export function ruleHelpMarkdown(rule: Rule, locale: Locale = 'en'): string {
  return rulePageBody(rule, locale).join('\n') + '\n';
}

/** SARIF's `help.text`: what the page says, without examples or tables. */
export function ruleHelpText(rule: Rule, locale: Locale = 'en'): string {
  const m = rule.meta;
  const t = speaker(PAGE_STRINGS, locale);
  const docs = localizedDocs(m, locale);
  const parts = [`${docs.summary}.`, docs.why];
  if (docs.fixSafety) parts.push(t('page.fixSafetyText', { text: docs.fixSafety }));
  parts.push(profilesSentence(m, locale), t('page.suppressingText', { id: m.id }));
  if (docs.references.length) parts.push([t('page.referencesText'), ...docs.references.map((r) => `- ${r}`)].join('\n'));
  return parts.join('\n\n') + '\n';
}

function rulePageBody(rule: Rule, locale: Locale): string[] {
  const m = rule.meta;
  const t = speaker(PAGE_STRINGS, locale);
  const docs = localizedDocs(m, locale);
  const lines = [
    `**${docs.summary}**`,
    '',
    `| | |`,
    `|---|---|`,
    `| ${t('page.category')} | ${categoryName(m.category, locale)} |`,
    `| ${t('page.status')} | ${t(`status.${m.status}`)} |`,
    `| ${t('page.defaultSeverity')} | ${profileSeverity(DEFAULT_PROFILE, m)} |`,
    `| ${t('page.profiles')} | ${profilesSentence(m, locale)} |`,
    `| ${t('page.aliases')} | ${aliasText(m) || t('page.aliasesNone')} |`,
    ...(counterpartText(m) ? [`| ${t('page.counterparts')} | ${counterpartText(m)} |`] : []),
    `| ${t('page.fix')} | ${fixText(m, t)} |`,
    ...profileReasons(m, locale).flatMap((r) => ['', r]),
    '',
    `## ${t('page.why')}`,
    '',
    docs.why,
    '',
    `## ${t('page.examples')}`,
  ];
  for (const ex of docs.examples) {
    lines.push('', t('page.problem'), '', fence(ex.bad), '', t('page.better'), '', fence(ex.good));
    if (ex.note) lines.push('', ex.note);
  }
  if (docs.fixSafety) lines.push('', `## ${t('page.fixSafety')}`, '', docs.fixSafety);
  lines.push('', `## ${t('page.suppressing')}`, '', t('page.suppressingText', { id: m.id }));
  if (docs.references.length) {
    lines.push('', `## ${t('page.references')}`, '');
    for (const r of docs.references) lines.push(`- <${r}>`);
  }
  return lines;
}

/**
 * Short Markdown for an editor hover: summary, why, first example, fix safety when unsafe, aliases.
 * `pageLink`: where the rule's page opens in this editor; without one the hover has no Documentation link.
 */
export function ruleHoverMarkdown(rule: Rule, pageLink?: string, locale: Locale = 'en'): string {
  const m = rule.meta;
  const t = speaker(PAGE_STRINGS, locale);
  const docs = localizedDocs(m, locale);
  const ex = docs.examples[0];
  const parts = [`**${docs.summary}** · \`${m.id}\``, '', docs.why];
  if (ex) parts.push('', t('page.problem'), fence(ex.bad), t('page.better'), fence(ex.good));
  if (docs.fixSafety && (m.fixable === 'unsafe' || m.fixable === 'both')) parts.push('', t('page.fixSafetyInline', { text: docs.fixSafety }));
  const aliases = aliasText(m);
  if (aliases) parts.push('', t('page.alsoKnownAs', { aliases }));
  parts.push('', [profilesSentence(m, locale), ...profileReasons(m, locale)].join(' '));
  const links = pageLinks(rule, pageLink, locale);
  if (links) parts.push('', links);
  return parts.join('\n');
}

/** "[Documentation](…) · [Docker's page for X](…)": where to read more; empty when there is nowhere. */
function pageLinks(rule: Rule, pageLink: string | undefined, locale: Locale): string {
  const m = rule.meta;
  const t = speaker(PAGE_STRINGS, locale);
  const links = pageLink ? [`[${t('page.documentation')}](${pageLink})`] : [];
  const dockerPage = buildkitPage(m);
  if (dockerPage) links.push(`[${t('page.dockerPage', { check: m.aliases.buildkit! })}](${dockerPage})`);
  return links.join(' · ');
}

/**
 * A finding in an editor hover, short enough to read without scrolling: its message with the rule id linked to
 * the rule's page, the rule's summary, then the links to the page. `message` is the finding's, in Markdown.
 */
export function findingHoverMarkdown(rule: Rule, message: string, pageLink?: string, locale: Locale = 'en'): string {
  const id = `\`${rule.meta.id}\``;
  const parts = [`${message} · ${pageLink ? `[${id}](${pageLink})` : id}`, '', localizedDocs(rule.meta, locale).summary];
  const links = pageLinks(rule, pageLink, locale);
  if (links) parts.push('', links);
  return parts.join('\n');
}

/** The README's rule tables, one per category with a line on what it covers; the severity is the default profile's. */
export function ruleTableMarkdown(rules: readonly Rule[]): string {
  const t = speaker(PAGE_STRINGS, 'en');
  const out: string[] = [];
  for (const category of RULE_CATEGORIES) {
    const inCategory = rules.filter((r) => r.meta.category === category);
    if (!inCategory.length) continue;
    out.push(`### ${categoryName(category)}`, '', t(`category.${category}.about`), '', '| Rule | Default | hadolint | BuildKit | Fix | What it finds |', '|---|---|---|---|---|---|');
    for (const r of inCategory) {
      const m = r.meta;
      const preview = m.status === 'preview' ? ` (${t('page.previewMark')})` : '';
      out.push(`| [${m.id}](docs/rules/${m.id}.md)${preview} | ${profileSeverity(DEFAULT_PROFILE, m)} | ${m.aliases.hadolint ?? ''} | ${m.aliases.buildkit ?? ''} | ${m.fixable ?? ''} | ${m.docs.summary.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export const TABLE_START = '<!-- rules:start (generated by npm run gen) -->';
export const TABLE_END = '<!-- rules:end -->';

/** README text with the rule table between its markers replaced. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const a = readme.indexOf(TABLE_START);
  const b = readme.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('README.md lacks the rule table markers');
  return readme.slice(0, a + TABLE_START.length) + '\n' + ruleTableMarkdown(rules) + '\n' + readme.slice(b);
}

/** docs/profiles.md: what each profile is, and every rule's severity in each. */
export function profilesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Profiles',
    '',
    '> Generated by `npm run gen` from `server/src/engine/config/profiles.ts`; edit the tables there.',
    '',
    'A profile decides which rules are on, and at what severity. Choose one with `profile:` in `.dockwise.yaml`,',
    '`--profile` on the command line, or the `dockwise.profile` setting, which wins over the file. Per-rule',
    'settings apply on top of the profile: the config file\'s `rules:`, `ignored:` and `override:`, then `--rule`,',
    '`--ignore` and the `dockwise.rules` / `dockwise.ignore` settings, then inline pragmas.',
    '',
    '| Profile | |',
    '|---|---|',
    ...PROFILE_NAMES.map((p) => `| \`${p}\`${p === DEFAULT_PROFILE ? ' (default)' : ''} | ${profileSummary(p)} |`),
    '',
    'A rule\'s own severity is the one `strict` uses. `recommended` turns a rule off, or lowers it, only with a',
    'reason, given in the last column and in the rule\'s hover and page. `modern` is `recommended` with the',
    'cleanup rules that a cache mount replaces turned off:',
    '',
    '| Rule | modern | Why |',
    '|---|---|---|',
  ];
  for (const [id, e] of Object.entries(MODERN)) if (RECOMMENDED[id] !== e) lines.push(`| [${id}](rules/${id}.md) | ${e.severity} | ${profileReason(e)} |`);
  lines.push(
    '',
    '## Rule by rule',
    '',
    'Each rule\'s severity in each profile; `·` means off.',
    '',
    `| Rule | ${PROFILE_NAMES.join(' | ')} | Why \`${DEFAULT_PROFILE}\` differs from \`strict\` |`,
    `|---|${PROFILE_NAMES.map(() => '---|').join('')}---|`,
  );
  const cell = (sev: SeverityOrOff) => (sev === 'off' ? '·' : sev);
  for (const r of rules) {
    const m = r.meta;
    const sevs = PROFILE_NAMES.map((p: ProfileName) => cell(profileSeverity(p, m)));
    const entry = profileEntry(DEFAULT_PROFILE, m);
    lines.push(`| [${m.id}](rules/${m.id}.md) | ${sevs.join(' | ')} | ${entry ? profileReason(entry) : ''} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The `dockwise.profile` setting's choices, for package.json: the descriptions are `%key%` references, and
 * `profileSettingTexts` gives each key's text in a language (package.nls.json, package.nls.<locale>.json).
 */
export function profileSettingEnum(): { enum: string[]; markdownEnumDescriptions: string[] } {
  return {
    enum: ['', ...PROFILE_NAMES],
    markdownEnumDescriptions: Object.keys(profileSettingTexts('en')).map((k) => `%${k}%`),
  };
}

export function profileSettingTexts(locale: Locale): Record<string, string> {
  return {
    'dockwise.setting.profile.enum.configFile': localize(PAGE_STRINGS, 'page.profileFromConfig', locale, { profile: DEFAULT_PROFILE }),
    ...Object.fromEntries(PROFILE_NAMES.map((p) => [`dockwise.setting.profile.enum.${p}`, profileSummary(p, locale)])),
  };
}

/**
 * docs/counterparts.md: every rule beside the same check in hadolint, BuildKit, tally, Checkov, Trivy, KICS and
 * Sonar, with what Dockwise does differently; then how many of each tool's checks Dockwise covers.
 */
export function counterpartsMarkdown(rules: readonly Rule[]): string {
  const code = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => `\`${id}\``).join(', ');
  const lines = [
    '# Dockwise and the other Dockerfile checkers',
    '',
    '> Generated by `npm run gen` from each rule\'s `meta.aliases` and `meta.counterparts`; edit them there.',
    '',
    'Each Dockwise rule beside the same check in the other tools: hadolint and BuildKit (whose ids Dockwise also',
    'accepts in pragmas and configuration, see [hadolint-differences.md](hadolint-differences.md) and',
    '[buildkit-checks.md](buildkit-checks.md)), and tally, Checkov, Trivy, KICS and Sonar, whose ids are given for',
    'reference only. A blank cell means the tool has no such check. The last column says what Dockwise does',
    'differently, where that matters.',
    '',
    '| Rule | hadolint | BuildKit | tally | Checkov | Trivy | KICS | Sonar | Difference |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const covered: Record<string, number> = { hadolint: 0, buildkit: 0 };
  for (const [key] of COUNTERPART_TOOLS) covered[key] = 0;
  let own = 0;
  for (const r of rules) {
    const m = r.meta;
    const c = m.counterparts ?? {};
    const cells = COUNTERPART_TOOLS.map(([key]) => code(c[key]));
    if (m.aliases.hadolint) covered.hadolint++;
    if (m.aliases.buildkit) covered.buildkit++;
    for (const [key] of COUNTERPART_TOOLS) if (c[key]?.length) covered[key]++;
    if (!m.aliases.hadolint && !m.aliases.buildkit && cells.every((x) => !x)) own++;
    lines.push(`| [${m.id}](rules/${m.id}.md) | ${code(m.aliases.hadolint ? [m.aliases.hadolint] : [])} | ${code(m.aliases.buildkit ? [m.aliases.buildkit] : [])} | ${cells.join(' | ')} | ${(c.differences ?? '').replace(/\|/g, '\\|')} |`);
  }
  lines.push(
    '',
    `Of ${rules.length} rules, ${own} have no counterpart in any of these tools. Rules with a counterpart in each tool: ` +
      [['hadolint', 'hadolint'], ['buildkit', 'BuildKit'], ...COUNTERPART_TOOLS].map(([key, name]) => `${name} ${covered[key]}`).join(', ') + '.',
  );
  return lines.join('\n') + '\n';
}
