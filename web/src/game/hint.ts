/** Characters that are shown from the start and do not count as letters. */
const SEPARATORS = new Set([' ', '-']);

/** The letters to guess in a hint: every slot except spaces and hyphens. */
export function letterCount(hint: readonly (string | null)[]): number {
  return hint.filter((slot) => slot === null || !SEPARATORS.has(slot)).length;
}

/** Letter counts per word, as skribbl shows them: "5" or "3 4" for two words. */
export function wordLengths(hint: readonly (string | null)[]): string {
  const lengths: number[] = [];
  let current = 0;
  for (const slot of hint) {
    if (slot === ' ') {
      if (current > 0) lengths.push(current);
      current = 0;
    } else if (slot === null || slot !== '-') current++;
  }
  if (current > 0) lengths.push(current);
  return lengths.join(' ');
}

/** The hint as screen readers should say it: "5 letters: blank, blank, a, blank, blank". */
export function spokenHint(hint: readonly (string | null)[]): string {
  const slots = hint.map((slot) => {
    if (slot === null) return 'blank';
    if (slot === ' ') return 'space';
    if (slot === '-') return 'hyphen';
    return slot;
  });
  const count = letterCount(hint);
  return `${String(count)} ${count === 1 ? 'letter' : 'letters'}: ${slots.join(', ')}`;
}
