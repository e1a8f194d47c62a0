import { describe, expect, it } from '@jest/globals';
import { fileSlug } from './download';

describe('fileSlug', () => {
  it.each([
    ['Ice cream', 'ice-cream'],
    ['Crème brûlée', 'creme-brulee'],
    ["  rock 'n' roll!  ", 'rock-n-roll'],
    ['日本', 'drawing'],
    ['', 'drawing'],
  ])('names %j as %j', (word, slug) => {
    expect(fileSlug(word)).toBe(slug);
  });
});
