/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** At most this many suggestions: more reads as noise. */
const MAX_SUGGESTIONS = 3;

/**
 * The known names closest to what was typed, best first: within a third of its length in
 * edits (at least 2), or names that contain it. Case is ignored.
 * @example closestMatches('romos', ['rooms', 'docs']) // ['rooms']
 */
export function closestMatches(typed: string, known: Iterable<string>): string[] {
  const wanted = typed.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(known)) {
    const lower = name.toLowerCase();
    const distance = levenshtein(wanted, lower);
    const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (distance <= limit || contains) scored.push({ name, score: contains ? 0.5 : distance });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.name);
}

/** " Did you mean X?" (or " Did you mean X, Y or Z?"), or "" when nothing is close. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const matches = closestMatches(typed, known);
  if (matches.length === 0) return '';
  const last = matches.pop() ?? '';
  return ` Did you mean ${matches.length > 0 ? `${matches.join(', ')} or ${last}` : last}?`;
}
