import { describe, expect, it } from '@jest/globals';
import { letterCount, spokenHint, wordLengths } from './hint';

const iceCream = [null, 'c', null, ' ', null, null, 'e', null, null];
const tShirt = [null, '-', null, null, null, null, null];

describe('hint', () => {
  it.each([
    [iceCream, 8, '3 5'],
    [tShirt, 6, '6'],
    [[null], 1, '1'],
  ])('counts the letters of %j', (hint, letters, lengths) => {
    expect(letterCount(hint)).toBe(letters);
    expect(wordLengths(hint)).toBe(lengths);
  });

  it('says a hint as words, gaps as blanks', () => {
    expect(spokenHint(['a', null, ' ', null])).toBe('3 letters: a, blank, space, blank');
    expect(spokenHint([null])).toBe('1 letter: blank');
  });
});
