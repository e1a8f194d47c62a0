import type { Language } from '@scrawl/protocol';
import { DE_WORDS } from './de.js';
import { EN_WORDS } from './en.js';

/** The built-in word list of each language. */
export const WORD_LISTS: Readonly<Record<Language, readonly string[]>> = {
  en: EN_WORDS,
  de: DE_WORDS,
};

export { DE_WORDS, EN_WORDS };
