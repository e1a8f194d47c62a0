/**
 * Text comparison for guesses: what counts as the same word. Case, spacing and diacritics
 * never matter, hyphens count as spaces, and punctuation is ignored, so "Eis-Bär!" and
 * "eisbar" name the same thing.
 */

/** Words shorter than this (in letters) have no "close" guesses: one edit is half the word. */
export const CLOSE_MIN_LETTERS = 4;

/** Characters that separate words like a space does. */
const SEPARATORS = /[\s\-‐‑‒–—_/]+/gu;
/** Combining marks left by NFD: the accents of é, ü, ñ … */
const MARKS = /\p{M}/gu;
/** Anything that is neither a letter, a digit nor a space (punctuation, emoji, apostrophes). */
const NOT_WORD = /[^\p{L}\p{N} ]/gu;

/**
 * Lower case, ß → ss, accents stripped (NFD, marks removed), hyphens as spaces,
 * punctuation dropped, runs of spaces collapsed, trimmed.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SEPARATORS, ' ')
    .replace(NOT_WORD, '')
    .replace(/ +/g, ' ')
    .trim();
}

/** The normalised text without spaces: "ice cream" and "icecream" compare equal. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/** Whether two strings are at most one insertion, deletion or substitution apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // Same length: skip one substituted character; otherwise skip one inserted character.
  const restShort = short.slice(short.length === long.length ? i + 1 : i);
  return restShort === long.slice(i + 1);
}

/**
 * Where a message meets the secret word: `'exact'` when the word appears in it as whole
 * words (a run of the message's words that, without spaces, spells the word: "ice cream",
 * "icecream" and "i c e cream" all do), `'close'`
 * when such a run is one edit away (words of at least {@link CLOSE_MIN_LETTERS} letters),
 * else null.
 */
export function matchWord(message: string, word: string): 'exact' | 'close' | null {
  const target = compactText(word);
  if (target === '') return null;
  const tokens = normalizeText(message).split(' ');
  const canBeClose = target.length >= CLOSE_MIN_LETTERS;
  let close = false;
  for (let start = 0; start < tokens.length; start++) {
    let run = '';
    // Runs of any number of words, so a word spelled out ("c a t") is caught too.
    for (let end = start; end < tokens.length; end++) {
      run += tokens[end] ?? '';
      if (run === target) return 'exact';
      if (canBeClose && !close && withinOneEdit(run, target)) close = true;
      if (run.length > target.length + 1) break;
    }
  }
  return close ? 'close' : null;
}

/** Secrets at least this long are also caught inside other words ("xzeppelinx"). */
export const HIDDEN_MIN_LETTERS = 3;

/**
 * Whether a message would show the secret word to someone reading it: it names the word or
 * comes close ({@link matchWord}), or carries the word's letters in a row anywhere, spaces
 * ignored (words of at least {@link HIDDEN_MIN_LETTERS} letters).
 */
export function revealsWord(message: string, word: string): boolean {
  if (matchWord(message, word) !== null) return true;
  const target = compactText(word);
  return target.length >= HIDDEN_MIN_LETTERS && compactText(message).includes(target);
}
