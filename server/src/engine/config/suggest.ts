// "Did you mean …": the closest known rule name to a misspelt one.
import { allRules } from '../rules';
import { editDistance as distance } from '../closest';

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
