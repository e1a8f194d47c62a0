import { normalizeText } from './normalize.js';

/**
 * The profanity mask: offensive words in public chat and in guesses shown publicly become
 * asterisks of the same length. Whole words only, compared after {@link normalizeText}, so
 * "Scheiße" and "SCHEISSE" are both caught and "Shitake" is not. The list is short on
 * purpose (English and German swearwords and slurs): it softens a room, it does not police
 * it; reports and kicks do that. Words that are harmless in the other language ("dick" is
 * German for thick) are left out.
 */
const OFFENSIVE = new Set([
  // English
  'arse',
  'arsehole',
  'asshole',
  'bastard',
  'bitch',
  'bollocks',
  'cock',
  'cunt',
  'fag',
  'faggot',
  'fuck',
  'fucked',
  'fucker',
  'fucking',
  'motherfucker',
  'nigga',
  'nigger',
  'prick',
  'pussy',
  'retard',
  'shit',
  'shitty',
  'slut',
  'twat',
  'wanker',
  'whore',
  // German
  'arsch',
  'arschloch',
  'fick',
  'ficken',
  'fotze',
  'hure',
  'hurensohn',
  'kacke',
  'missgeburt',
  'mistkerl',
  'neger',
  'pisser',
  'scheisse',
  'schlampe',
  'schwuchtel',
  'spast',
  'wichser',
]);

/** A word in the original text: letters, digits and marks (an apostrophe ends it: "shit's"). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Whether a single word is on the list (after normalising). */
export function isOffensive(word: string): boolean {
  return OFFENSIVE.has(normalizeText(word));
}

/** The text with every offensive word replaced by asterisks of the same length. */
export function maskProfanity(text: string): string {
  return text.replace(WORD, (word) => (isOffensive(word) ? '*'.repeat(word.length) : word));
}
