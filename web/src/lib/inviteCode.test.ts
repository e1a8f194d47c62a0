import { describe, expect, it } from '@jest/globals';
import { cleanCode, inviteCode } from './inviteCode';

describe('inviteCode', () => {
  it.each([
    ['K7PQ2X', 'K7PQ2X'],
    ['  k7pq2x ', 'K7PQ2X'],
    ['K7P-Q2X', 'K7PQ2X'],
    ['http://127.0.0.1:3000/r/K7PQ2X', 'K7PQ2X'],
    ['https://scrawl.example/r/k7pq2x/', 'K7PQ2X'],
    ['https://scrawl.example/r/K7PQ2X?from=chat#x', 'K7PQ2X'],
  ])('finds the code in %j', (text, code) => {
    expect(inviteCode(text)).toBe(code);
  });

  it.each([[''], ['K7PQ2'], ['K7PQ2XY'], ['I0O1LL'], ['https://scrawl.example/']])(
    'finds none in %j',
    (text) => {
      expect(inviteCode(text)).toBeNull();
    },
  );

  it('keeps only what a code can hold while typing', () => {
    expect(cleanCode('k7 pq-2x9')).toBe('K7PQ2X');
  });
});
