import { describe, expect, it } from '@jest/globals';
import { customWordSchema } from '@scrawl/protocol';
import { compactText } from '../rules/normalize.js';
import { isOffensive } from '../rules/profanity.js';
import { WORD_LISTS } from './index.js';

/** Every list has at least this many words (issue 5). */
const MIN_WORDS = 500;

describe.each(Object.entries(WORD_LISTS))('the %s word list', (language, words) => {
  it(`[W1] holds at least ${MIN_WORDS} words`, () => {
    expect(words.length).toBeGreaterThanOrEqual(MIN_WORDS);
  });

  it('[W1] has no word twice, even after normalising', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const word of words) {
      const key = compactText(word);
      if (seen.has(key)) twice.push(`${seen.get(key)} / ${word}`);
      seen.set(key, word);
    }
    expect(twice).toEqual([]);
  });

  it('[W1] holds only words a room could also type as custom words', () => {
    const bad = words.filter((word) => customWordSchema.safeParse(word).data !== word);
    expect(bad).toEqual([]);
  });

  it('[W1] holds no offensive word', () => {
    expect(words.filter((word) => word.split(/[ -]/).some(isOffensive))).toEqual([]);
  });

  if (language === 'de') {
    it('[W1] writes German with umlauts and ß', () => {
      expect(words).toEqual(expect.arrayContaining(['Bär', 'Löwe', 'Strauß', 'Kürbis']));
    });
  }
});
