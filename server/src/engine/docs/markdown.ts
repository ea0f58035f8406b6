// Rule metadata rendered as Markdown: the rule pages in docs/rules, the README table, the hover text and
// `dockwise --explain`. Generated files come only from here.
import type { Rule } from '../rule';
import type { RuleMeta, SeverityOrOff } from '../types';
import { DEFAULT_PROFILE, MODERN, PROFILE_NAMES, PROFILE_SUMMARIES, RECOMMENDED, profileEntry, profileSeverity, type ProfileName } from '../config/profiles';

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

function fixText(meta: RuleMeta): string {
  switch (meta.fixable) {
    case 'safe': return 'safe fix';
    case 'unsafe': return 'unsafe fix';
    case 'both': return 'safe and unsafe fixes';
    default: return 'no fix';
  }
}

/** "On in recommended (info), strict (warning), …; off in buildkit.": which profiles turn the rule on. */
export function profilesSentence(meta: RuleMeta): string {
  const on: string[] = [];
  const off: string[] = [];
  for (const p of PROFILE_NAMES) {
    const sev = profileSeverity(p, meta);
    if (sev === 'off') off.push(p);
    else on.push(`${p} (${sev})`);
  }
  return `On in ${on.join(', ')}${off.length ? `; off in ${off.join(', ')}` : ''}.`;
}

/** Why the default profile, and `modern` where it departs from it, set the rule differently from `strict`. */
function profileReasons(meta: RuleMeta): string[] {
  const out: string[] = [];
  const rec = profileEntry(DEFAULT_PROFILE, meta);
  if (rec) out.push(`${rec.severity === 'off' ? 'Off' : `\`${rec.severity}\``} by default: ${rec.reason}`);
  const modern = profileEntry('modern', meta);
  if (modern && modern.reason !== rec?.reason) out.push(`${modern.severity === 'off' ? 'Off' : `\`${modern.severity}\``} in \`modern\`: ${modern.reason}`);
  return out;
}

/** The page for docs/rules/<id>.md and `dockwise --explain <id>`. */
export function ruleMarkdown(rule: Rule): string {
  const m = rule.meta;
  return [`# ${m.id}`, '', `> Generated from the rule's metadata in \`server/src/engine/rules/${m.id}.ts\`; edit it there.`, '', ...rulePageBody(rule)].join('\n') + '\n';
}

/** The page without its title and the note for editors of this repository: SARIF's `help.markdown`. */
export function ruleHelpMarkdown(rule: Rule): string {
  return rulePageBody(rule).join('\n') + '\n';
}

/** SARIF's `help.text`: what the page says, without examples or tables. */
export function ruleHelpText(rule: Rule): string {
  const m = rule.meta;
  const parts = [`${m.docs.summary}.`, m.docs.why];
  if (m.docs.fixSafety) parts.push(`Fix safety: ${m.docs.fixSafety}`);
  parts.push(profilesSentence(m), suppressing(m.id));
  if (m.docs.references.length) parts.push(['References:', ...m.docs.references.map((r) => `- ${r}`)].join('\n'));
  return parts.join('\n\n') + '\n';
}

function suppressing(id: string): string {
  return `\`# dockwise ignore=${id}\` on the line above the instruction, or \`${id}: off\` under \`rules:\` in \`.dockwise.yaml\`.`;
}

function rulePageBody(rule: Rule): string[] {
  const m = rule.meta;
  const lines = [
    `**${m.docs.summary}**`,
    '',
    `| | |`,
    `|---|---|`,
    `| Default severity | ${profileSeverity(DEFAULT_PROFILE, m)} |`,
    `| Profiles | ${profilesSentence(m)} |`,
    `| Aliases | ${aliasText(m) || 'none'} |`,
    `| Fix | ${fixText(m)} |`,
    ...profileReasons(m).flatMap((r) => ['', r]),
    '',
    '## Why',
    '',
    m.docs.why,
    '',
    '## Examples',
  ];
  for (const ex of m.docs.examples) {
    lines.push('', 'Problem:', '', fence(ex.bad), '', 'Better:', '', fence(ex.good));
    if (ex.note) lines.push('', ex.note);
  }
  if (m.docs.fixSafety) lines.push('', '## Fix safety', '', m.docs.fixSafety);
  lines.push('', '## Suppressing', '', suppressing(m.id));
  if (m.docs.references.length) {
    lines.push('', '## References', '');
    for (const r of m.docs.references) lines.push(`- <${r}>`);
  }
  return lines;
}

/**
 * Short Markdown for an editor hover: summary, why, first example, fix safety when unsafe, aliases.
 * `pageLink`: where the rule's page opens in this editor; without one the hover has no Documentation link.
 */
export function ruleHoverMarkdown(rule: Rule, pageLink?: string): string {
  const m = rule.meta;
  const ex = m.docs.examples[0];
  const parts = [`**${m.docs.summary}** · \`${m.id}\``, '', m.docs.why];
  if (ex) parts.push('', 'Problem:', fence(ex.bad), 'Better:', fence(ex.good));
  if (m.docs.fixSafety && (m.fixable === 'unsafe' || m.fixable === 'both')) parts.push('', `*Fix safety:* ${m.docs.fixSafety}`);
  const aliases = aliasText(m);
  if (aliases) parts.push('', `Also known as ${aliases}.`);
  parts.push('', [profilesSentence(m), ...profileReasons(m)].join(' '));
  const links = pageLink ? [`[Documentation](${pageLink})`] : [];
  const dockerPage = buildkitPage(m);
  if (dockerPage) links.push(`[Docker's page for ${m.aliases.buildkit}](${dockerPage})`);
  if (links.length) parts.push('', links.join(' · '));
  return parts.join('\n');
}

/** The README's rule table; the severity is the default profile's. */
export function ruleTableMarkdown(rules: readonly Rule[]): string {
  const rows = ['| Rule | Default | hadolint | BuildKit | Fix | What it finds |', '|---|---|---|---|---|---|'];
  for (const r of rules) {
    const m = r.meta;
    rows.push(`| [${m.id}](docs/rules/${m.id}.md) | ${profileSeverity(DEFAULT_PROFILE, m)} | ${m.aliases.hadolint ?? ''} | ${m.aliases.buildkit ?? ''} | ${m.fixable ?? ''} | ${m.docs.summary.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
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
    ...PROFILE_NAMES.map((p) => `| \`${p}\`${p === DEFAULT_PROFILE ? ' (default)' : ''} | ${PROFILE_SUMMARIES[p]} |`),
    '',
    'A rule\'s own severity is the one `strict` uses. `recommended` turns a rule off, or lowers it, only with a',
    'reason, given in the last column and in the rule\'s hover and page. `modern` is `recommended` with the',
    'cleanup rules that a cache mount replaces turned off:',
    '',
    '| Rule | modern | Why |',
    '|---|---|---|',
  ];
  for (const [id, e] of Object.entries(MODERN)) if (RECOMMENDED[id] !== e) lines.push(`| [${id}](rules/${id}.md) | ${e.severity} | ${e.reason} |`);
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
    lines.push(`| [${m.id}](rules/${m.id}.md) | ${sevs.join(' | ')} | ${profileEntry(DEFAULT_PROFILE, m)?.reason ?? ''} |`);
  }
  return lines.join('\n') + '\n';
}

/** The `dockwise.profile` setting's choices and their descriptions, for package.json. */
export function profileSettingEnum(): { enum: string[]; markdownEnumDescriptions: string[] } {
  return {
    enum: ['', ...PROFILE_NAMES],
    markdownEnumDescriptions: [`The config file's \`profile:\`, else \`${DEFAULT_PROFILE}\`.`, ...PROFILE_NAMES.map((p) => PROFILE_SUMMARIES[p])],
  };
}
