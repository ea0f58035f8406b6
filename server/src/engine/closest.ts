// "Did you mean …": edit distance and the closest candidate to a misspelt name.

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * The one candidate closest to `name`: a case-insensitive match, else within a third of the name's length
 * (at least 1, at most 2 edits; none for names under 3 characters, where one edit reaches anything).
 * Undefined when nothing is that close or two candidates tie, because a guess between two is not a suggestion.
 */
export function closestUnique(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length < 3 ? 0 : Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  let best: string[] = [];
  let bestD = Infinity;
  for (const c of new Set(candidates)) {
    if (c === name || Math.abs(c.length - name.length) > limit) continue;
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c);
    if (d > limit) continue;
    if (d < bestD) { bestD = d; best = [c]; }
    else if (d === bestD) best.push(c);
  }
  return best.length === 1 ? best[0] : undefined;
}
