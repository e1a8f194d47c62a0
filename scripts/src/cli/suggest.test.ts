import { describe, expect, it } from '@jest/globals';
import { closestMatches, didYouMean, levenshtein } from './suggest.js';

describe('suggestions', () => {
  it.each([
    ['', '', 0],
    ['rooms', 'rooms', 0],
    ['romos', 'rooms', 2],
    ['doc', 'docs', 1],
    ['kitten', 'sitting', 3],
  ])('levenshtein(%j, %j) is %i', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
    expect(levenshtein(b, a)).toBe(distance);
  });

  it('names the closest commands first and leaves out distant ones', () => {
    const known = [
      'rooms',
      'docs',
      'dump',
      'stats',
      'history',
      'watch',
      'export',
      'diff',
      'verify',
      'compact',
    ];
    expect(closestMatches('romos', known)).toEqual(['rooms']);
    expect(closestMatches('dif', known)).toEqual(['diff']);
    expect(closestMatches('xyzzy', known)).toEqual([]);
  });

  it('ignores case, so a room code typed in lower case still matches', () => {
    expect(closestMatches('k7pq2y', ['K7PQ2X', 'ABCDEF'])).toEqual(['K7PQ2X']);
  });

  it('says "Did you mean" with one or several names, and nothing without any', () => {
    expect(didYouMean('romos', ['rooms'])).toBe(' Did you mean rooms?');
    expect(didYouMean('canvas/1', ['canvas/2', 'canvas/3'])).toBe(
      ' Did you mean canvas/2 or canvas/3?',
    );
    expect(didYouMean('zzz', ['rooms'])).toBe('');
  });
});
