// "Did you mean …": the closest known rule name to a misspelt one, and what to say about a name that is none.
import { allRules } from '../rules';
import { closestUnique, editDistance as distance } from '../closest';
import { localize } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { PROFILE_NAMES, type ProfileName } from './profiles';
import { FORMAT_OPTION_NAMES } from '../format/options';
import { CONFIG_STRINGS } from './strings';

/** Every name a rule answers to: ids, DL codes and BuildKit check names. */
export function knownNames(): string[] {
  const names = new Set<string>();
  for (const r of allRules) {
    names.add(r.meta.id);
    if (r.meta.aliases.hadolint) names.add(r.meta.aliases.hadolint);
    if (r.meta.aliases.buildkit) names.add(r.meta.aliases.buildkit);
  }
  return [...names];
}

export function suggestName(unknown: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const u = unknown.toLowerCase();
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  for (const name of knownNames()) {
    // The distance is at least the difference in length: names too far off cannot be suggested, and
    // skipping them keeps a pragma with thousands of names (or a long one) linear and fast.
    if (Math.abs(name.length - u.length) > limit) continue;
    const d = distance(u, name.toLowerCase());
    if (d < bestD) { bestD = d; best = name; }
  }
  // Close enough to be the same name with a typo: about a third of its length.
  return best !== undefined && bestD <= limit ? best : undefined;
}

/** `unknown rule "x"`, with the closest known name when there is one, in `locale`. */
export function unknownRuleText(name: string, locale: Locale = 'en'): string {
  const hint = suggestName(name);
  return hint ? localize(CONFIG_STRINGS, 'config.unknownRuleDidYouMean', locale, { name, hint }) : localize(CONFIG_STRINGS, 'config.unknownRule', locale, { name });
}

/**
 * What to say about a name that is not a profile, in `locale`: the closest one, or the list, and what is used
 * instead.
 */
export function unknownProfileText(name: string, using?: ProfileName, locale: Locale = 'en'): string {
  const hint = closestUnique(name, PROFILE_NAMES);
  const problem = hint
    ? localize(CONFIG_STRINGS, 'config.unknownProfileDidYouMean', locale, { name, hint })
    : localize(CONFIG_STRINGS, 'config.unknownProfileList', locale, { name, profiles: PROFILE_NAMES.join(', ') });
  return using ? localize(CONFIG_STRINGS, 'config.usingProfile', locale, { problem, profile: using }) : problem;
}

/**
 * What to say about a name that is no formatter option, in `locale`: the option meant, else the list. The same
 * name in another spelling (`keyword-case`, `keyword_case`) is that option, however many edits apart.
 */
export function unknownFormatOptionText(name: string, locale: Locale = 'en'): string {
  const plain = (s: string) => s.replace(/[-_\s]/g, '').toLowerCase();
  const hint = FORMAT_OPTION_NAMES.find((o) => plain(o) === plain(name)) ?? closestUnique(name, FORMAT_OPTION_NAMES);
  return hint
    ? localize(CONFIG_STRINGS, 'config.format.unknownOptionDidYouMean', locale, { name, hint })
    : localize(CONFIG_STRINGS, 'config.format.unknownOption', locale, { name, options: FORMAT_OPTION_NAMES.join(', ') });
}
