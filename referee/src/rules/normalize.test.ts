import { describe, expect, it } from '@jest/globals';
import { compactText, matchWord, normalizeText, withinOneEdit } from './normalize.js';

describe('normalizeText', () => {
  it.each([
    ['  Hot   DOG ', 'hot dog'],
    ['Eis-Bär', 'eis bar'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Crème brûlée!', 'creme brulee'],
    ['yo-yo', 'yo yo'],
    ["it's a cat?", 'its a cat'],
    ['Ñandú', 'nandu'],
    ['', ''],
  ])('[G1] normalises %j to %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('[G1] treats hyphens and spaces alike and can drop them', () => {
    expect(compactText('ice-cream')).toBe(compactText('Ice Cream'));
    expect(compactText('U-Boot')).toBe('uboot');
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['cat', 'cat', true],
    ['cat', 'cot', true],
    ['cat', 'cats', true],
    ['cat', 'at', true],
    ['cat', 'act', false],
    ['house', 'hose', true],
    ['house', 'horse', true],
    ['house', 'mouses', false],
    ['', 'a', true],
    ['ab', 'ba', false],
  ])('[G3] %j and %j: %j', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('matchWord', () => {
  it.each([
    ['elephant', 'elephant', 'exact'],
    ['ELEPHANT!', 'elephant', 'exact'],
    ['is it an elephant?', 'elephant', 'exact'],
    ['e l e p h a n t', 'elephant', 'exact'],
    ['icecream', 'ice cream', 'exact'],
    ['ice-cream', 'ice cream', 'exact'],
    ['I love ice cream', 'ice cream', 'exact'],
    ['eisbar', 'Eisbär', 'exact'],
    ['Strasse', 'Straße', 'exact'],
    ['elephants', 'elephant', 'close'],
    ['elefant', 'elephant', null],
    ['an elephan', 'elephant', 'close'],
    ['horse', 'house', 'close'],
    ['cot', 'cat', null],
    ['concatenate', 'cat', null],
    ['scatter', 'cat', null],
    ['dog', 'cat', null],
    ['', 'cat', null],
  ])('[G2][G3] %j against %j: %j', (message, word, verdict) => {
    expect(matchWord(message, word)).toBe(verdict);
  });
});
